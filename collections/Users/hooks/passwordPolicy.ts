import type { CollectionBeforeOperationHook } from 'payload'

import { ValidationError } from 'payload'

import { passwordProblem } from '../../../src/access/passwordPolicy'

/**
 * Every way a password is set (creating a user, the first registration, a change, a reset) meets
 * the policy, or is refused beside the password field with what is missing.
 */
export const enforcePasswordPolicy: CollectionBeforeOperationHook<'users'> = ({
  args,
  operation,
  req,
}) => {
  if (operation !== 'create' && operation !== 'update' && operation !== 'resetPassword') return args
  const password = (args.data as { password?: unknown } | undefined)?.password
  if (password === undefined || password === null || password === '') return args
  const problem = passwordProblem(String(password))
  if (problem) {
    throw new ValidationError(
      { collection: 'users', errors: [{ path: 'password', message: problem }] },
      req.t,
    )
  }
  return args
}
