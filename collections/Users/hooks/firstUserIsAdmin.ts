import type { CollectionBeforeChangeHook } from 'payload'

import { APIError } from 'payload'

const FIRST_ADMIN = 'first-admin'

/**
 * The first account made on an empty database (the admin's "create first user" screen) must be able
 * to run the system, so it becomes an admin whatever roles were sent. Two registrations racing on
 * an empty database both count zero users; the unique `first-admin` claim, written in the same
 * transaction, lets only one of them through (see collections/SetupClaims).
 */
export const firstUserIsAdmin: CollectionBeforeChangeHook = async ({ data, operation, req }) => {
  if (operation !== 'create') return data
  const { totalDocs } = await req.payload.count({ collection: 'users', req, overrideAccess: true })
  if (totalDocs > 0) return data
  // A claim left from users who were all deleted since is stale: the next first user claims anew.
  await req.payload.delete({
    collection: 'setup-claims',
    where: { key: { equals: FIRST_ADMIN } },
    req,
    overrideAccess: true,
  })
  try {
    await req.payload.create({
      collection: 'setup-claims',
      data: { key: FIRST_ADMIN },
      req,
      overrideAccess: true,
    })
  } catch {
    throw new APIError(
      '另一位用户刚刚完成了首次注册,请刷新页面后登录 (someone else registered first)',
      409,
      undefined,
      true,
    )
  }
  return { ...data, roles: ['admin'] }
}
