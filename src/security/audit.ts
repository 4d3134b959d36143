/**
 * The security audit log (安全审计, 等保 2.0): one row per login, failed login, logout, password
 * change or reset request, role change, user creation or deletion, API key creation or revocation,
 * and change to a reference list (sensitive terms, officials, typos, wording rules). Each row has
 * who, from which address and browser, when, and the result. Rows are appended by the system only:
 * no API updates or deletes them, and on SQLite the database itself refuses to (migration
 * 20261129_140000_audit_log).
 */
import type { Payload, PayloadRequest } from 'payload'

import { requestClient } from '../config/client'

export const AUDIT_ACTIONS = {
  login: '登录',
  'login-failed': '登录失败',
  logout: '退出登录',
  'password-change': '修改密码',
  'password-reset-request': '申请重置密码',
  'password-reset': '重置密码',
  'role-change': '角色变更',
  'user-create': '新建用户',
  'user-delete': '删除用户',
  'user-unlock': '解除登录限制',
  'api-key-create': '创建 API 密钥',
  'api-key-revoke': '停用 API 密钥',
  'api-key-delete': '删除 API 密钥',
  'list-change': '词表/名录变更',
} as const
export type AuditAction = keyof typeof AUDIT_ACTIONS

export const AUDIT_RESULTS = { success: '成功', failure: '失败', blocked: '已拦截' } as const
export type AuditResult = keyof typeof AUDIT_RESULTS

export type AuditEntry = {
  action: AuditAction
  result?: AuditResult
  /** Whom it concerns when that is not the actor (the user whose role changed, the key…). */
  target?: string
  detail?: string
  /** The e-mail a login named, for failed logins (there may be no such user). */
  email?: string
  /** The actor, when not req.user (a login that just succeeded). */
  actor?: { id: number | string; name?: string | null; email?: string | null } | null
}

/**
 * Appends one row. Inside the request's transaction when there is one (the row stands or falls
 * with the change it records); `separate` writes it on its own, for what is recorded because an
 * operation failed (its transaction, if any, is rolled back).
 */
export async function audit(
  req: PayloadRequest,
  entry: AuditEntry,
  { separate = false }: { separate?: boolean } = {},
) {
  const { ip, userAgent } = requestClient(req.headers)
  const user = entry.actor === undefined ? (req.user as AuditEntry['actor']) : entry.actor
  const data = {
    at: new Date().toISOString(),
    action: entry.action,
    result: entry.result ?? 'success',
    actorId: user?.id != null ? String(user.id) : null,
    actorName: user?.name ?? null,
    email: (entry.email ?? user?.email ?? '').slice(0, 254) || null,
    ip,
    userAgent,
    target: entry.target?.slice(0, 200) ?? null,
    detail: entry.detail?.slice(0, 1000) ?? null,
  }
  await writeRow(req.payload, data, separate ? undefined : req)
}

async function writeRow(payload: Payload, data: Record<string, unknown>, req?: PayloadRequest) {
  await payload.create({
    collection: 'audit-log',
    data: data as never,
    overrideAccess: true,
    depth: 0,
    ...(req ? { req } : {}),
  })
}
