/**
 * `GET /api/audit-log/export?where[…]=…` (admins): the audit log as CSV, filtered by the same `where`
 * the admin list puts in its URL, newest first, up to EXPORT_LIMIT rows. UTF-8 with a byte-order
 * mark so spreadsheet programs read the Chinese; a cell that starts like a formula is prefixed with
 * an apostrophe so it opens as text (CSV injection).
 */
import type { Endpoint, Where } from 'payload'

import { isAdminUser } from '../access/roles'
import { guarded, notLoggedIn } from '../http/endpoints'
import { HttpError } from '../http/errors'
import { AUDIT_ACTIONS, AUDIT_RESULTS } from './audit'

const EXPORT_LIMIT = 100_000

const COLUMNS: [key: string, title: string][] = [
  ['at', '时间'],
  ['action', '操作'],
  ['result', '结果'],
  ['actorName', '操作人'],
  ['actorId', '操作人编号'],
  ['email', '账号邮箱'],
  ['ip', 'IP 地址'],
  ['userAgent', '浏览器'],
  ['target', '对象'],
  ['detail', '详情'],
]

export function csvCell(value: unknown): string {
  let text = value == null ? '' : String(value)
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

export const auditExportEndpoint: Endpoint = {
  path: '/export',
  method: 'get',
  handler: guarded(async (req) => {
    if (!req.user) throw notLoggedIn()
    if (!isAdminUser(req.user))
      throw new HttpError(403, 'forbidden', '只有系统管理员可以导出审计日志', 'admins only')
    const where = (req.query?.where ?? undefined) as Where | undefined
    const { docs } = await req.payload.find({
      collection: 'audit-log',
      where,
      sort: '-at',
      limit: EXPORT_LIMIT,
      pagination: false,
      depth: 0,
      req,
      overrideAccess: false,
      user: req.user,
    })
    const rows = docs.map((doc) => {
      const row = doc as unknown as Record<string, unknown>
      return COLUMNS.map(([key]) => {
        if (key === 'action') return AUDIT_ACTIONS[row.action as keyof typeof AUDIT_ACTIONS]
        if (key === 'result') return AUDIT_RESULTS[row.result as keyof typeof AUDIT_RESULTS]
        return row[key]
      })
        .map(csvCell)
        .join(',')
    })
    const csv = `\uFEFF${COLUMNS.map(([, title]) => title).join(',')}\r\n${rows.join('\r\n')}\r\n`
    const day = new Date().toISOString().slice(0, 10)
    return new Response(csv, {
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="audit-log-${day}.csv"`,
        'Cache-Control': 'private, no-store',
      },
    })
  }),
}
