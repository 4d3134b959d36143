/**
 * The hooks that feed the audit log and the login limits. The users collection, API clients and
 * the reference lists list them by name (collections/…); each writes its row in the transaction
 * of the change it records, except failed logins, which have no transaction to join.
 */
import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  CollectionAfterErrorHook,
  CollectionAfterLoginHook,
  CollectionAfterLogoutHook,
  CollectionAfterOperationHook,
  CollectionBeforeOperationHook,
} from 'payload'

import { APIError } from 'payload'

import { ROLE_LABELS, type Role } from '../access/roles'
import { requestClient } from '../config/client'
import { audit } from './audit'
import {
  clearAccount,
  loginFailed,
  loginSucceeded,
  loginWait,
  resetRequestWait,
} from './loginGuard'

const ATTEMPT = 'newsdeskLoginAttempt'
const PASSWORD_SET = 'newsdeskPasswordSet'

type Attempt = { email: string; ip: string; blocked: boolean }

const who = (doc: { name?: unknown; email?: unknown; id?: unknown }) =>
  `${doc.name ?? ''} <${doc.email ?? ''}> (#${doc.id})`
const roleNames = (roles: unknown) =>
  ((roles as Role[] | undefined) ?? []).map((role) => ROLE_LABELS[role]?.zh ?? role).join('、') ||
  '无'

/** Before a login: the limits, and the attempt noted for the hooks after it. */
export const guardLogin: CollectionBeforeOperationHook<'users'> = async ({
  args,
  operation,
  req,
}) => {
  if (operation === 'update' || operation === 'resetPassword') {
    const password = (args.data as { password?: unknown } | undefined)?.password
    if (typeof password === 'string' && password) req.context[PASSWORD_SET] = true
  }
  if (operation === 'forgotPassword') {
    const email = String((args.data as { email?: unknown } | undefined)?.email ?? '')
    // Checked on its form alone, the same for every address: it reveals nothing about accounts.
    if (!/^[^\s@"'<>\\]{1,64}@[^\s@"'<>\\]{1,255}$/.test(email))
      throw new APIError('请输入有效的邮箱地址 (enter a valid e-mail address)', 400, null, true)
    const wait = resetRequestWait(requestClient(req.headers).ip, email)
    if (wait > 0) {
      req.responseHeaders = new Headers({ 'Retry-After': String(wait) })
      throw new APIError(
        `请求过于频繁,请 ${wait} 秒后再试 (too many reset requests; try again in ${wait} s)`,
        429,
        { retryAfter: wait },
        true,
      )
    }
    // Recorded whether or not an account has this address: the answer never says which.
    await audit(req, { action: 'password-reset-request', email, actor: null })
  }
  if (operation !== 'login') return args
  // Logins go through REST (the admin does), where every failure is counted and recorded.
  if (req.payloadAPI === 'GraphQL')
    throw new APIError('请通过 /api/users/login 登录 (log in over REST)', 403, null, true)
  const email = String((args.data as { email?: unknown } | undefined)?.email ?? '')
  const { ip } = requestClient(req.headers)
  const wait = loginWait(ip, email)
  req.context[ATTEMPT] = { email, ip, blocked: wait > 0 } satisfies Attempt
  if (wait > 0) {
    req.responseHeaders = new Headers({ 'Retry-After': String(wait) })
    const minutes = Math.ceil(wait / 60)
    throw new APIError(
      `登录失败次数过多,请 ${minutes} 分钟后再试 (too many failed logins; try again in ${wait} s)`,
      429,
      { retryAfter: wait },
      true,
    )
  }
  return args
}

/** A failed login: counted against this address and account, and recorded. */
export const recordFailedLogin: CollectionAfterErrorHook = async ({ error, req }) => {
  const attempt = req.context[ATTEMPT] as Attempt | undefined
  if (!attempt) return
  delete req.context[ATTEMPT]
  const status = (error as { status?: number }).status
  if (attempt.blocked) {
    await audit(
      req,
      {
        action: 'login-failed',
        result: 'blocked',
        email: attempt.email,
        actor: null,
        detail: '失败次数过多,已拦截',
      },
      { separate: true },
    )
    return
  }
  if (status !== 401 && status !== 403) return
  loginFailed(attempt.ip, attempt.email)
  await audit(
    req,
    {
      action: 'login-failed',
      result: 'failure',
      email: attempt.email,
      actor: null,
      detail: status === 401 ? '邮箱或密码错误' : '账号不可登录',
    },
    { separate: true },
  )
}

export const recordLogin: CollectionAfterLoginHook = async ({ req, user }) => {
  const attempt = req.context[ATTEMPT] as Attempt | undefined
  delete req.context[ATTEMPT]
  if (attempt) loginSucceeded(attempt.ip, attempt.email)
  await audit(req, { action: 'login', actor: user as never })
}

export const recordLogout: CollectionAfterLogoutHook = async ({ req }) => {
  await audit(req, { action: 'logout' })
}

export const recordUserOperation: CollectionAfterOperationHook<'users'> = async ({
  args,
  operation,
  req,
  result,
}) => {
  if (operation === 'resetPassword') {
    const user = (result as { user?: Record<string, unknown> } | undefined)?.user
    if (user)
      await audit(req, { action: 'password-reset', actor: user as never, target: who(user) })
  }
  if (operation === 'unlock') {
    const email = String((args as { data?: { email?: unknown } }).data?.email ?? '')
    clearAccount(email)
    await audit(req, { action: 'user-unlock', target: email })
  }
  return result
}

export const recordUserChange: CollectionAfterChangeHook = async ({
  doc,
  previousDoc,
  operation,
  req,
}) => {
  if (operation === 'create') {
    await audit(req, {
      action: 'user-create',
      target: who(doc),
      detail: `角色:${roleNames(doc.roles)}`,
    })
    return doc
  }
  const before = roleNames(previousDoc?.roles)
  const after = roleNames(doc.roles)
  if (before !== after)
    await audit(req, { action: 'role-change', target: who(doc), detail: `${before} → ${after}` })
  if (req.context[PASSWORD_SET]) {
    delete req.context[PASSWORD_SET]
    await audit(req, { action: 'password-change', target: who(doc) })
  }
  return doc
}

export const recordUserDelete: CollectionAfterDeleteHook = async ({ doc, req }) => {
  await audit(req, { action: 'user-delete', target: who(doc) })
}

export const recordApiClientChange: CollectionAfterChangeHook = async ({
  doc,
  previousDoc,
  operation,
  req,
}) => {
  const target = `${doc.name} (#${doc.id})`
  if (operation === 'create') await audit(req, { action: 'api-key-create', target })
  else if (previousDoc?.enabled !== false && doc.enabled === false)
    await audit(req, { action: 'api-key-revoke', target })
  else if (previousDoc?.enabled === false && doc.enabled !== false)
    await audit(req, { action: 'api-key-create', target, detail: '重新启用,签发新密钥' })
  return doc
}

export const recordApiClientDelete: CollectionAfterDeleteHook = async ({ doc, req }) => {
  await audit(req, { action: 'api-key-delete', target: `${doc.name} (#${doc.id})` })
}

/** A change to a reference list (敏感词, 领导名录, 错别字表, 规范表述), with the entry's name. */
export function recordListChange(listName: string, titleField: string) {
  const change: CollectionAfterChangeHook = async ({ doc, operation, req }) => {
    await audit(req, {
      action: 'list-change',
      target: `${listName}「${doc[titleField] ?? doc.id}」`,
      detail: operation === 'create' ? '新增' : '修改',
    })
    return doc
  }
  const remove: CollectionAfterDeleteHook = async ({ doc, req }) => {
    await audit(req, {
      action: 'list-change',
      target: `${listName}「${doc[titleField] ?? doc.id}」`,
      detail: '删除',
    })
  }
  return { afterChange: change, afterDelete: remove }
}
