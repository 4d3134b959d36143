import type { CollectionConfig } from 'payload'

import { isAdmin, nobody } from '../../src/access/roles'
import { label } from '../../src/config/i18n'
import { AUDIT_ACTIONS, AUDIT_RESULTS } from '../../src/security/audit'
import { auditExportEndpoint } from '../../src/security/auditExport'

/**
 * 安全审计日志: append-only for everyone, admins included (src/security/audit.ts writes it). Admins
 * read it, filter it in the list and export it as CSV. Kept at least 180 days: nothing deletes it.
 */
export const AuditLog: CollectionConfig<'audit-log'> = {
  slug: 'audit-log',
  labels: {
    singular: label('审计日志', 'Audit log entry'),
    plural: label('审计日志', 'Audit log'),
  },
  admin: {
    useAsTitle: 'action',
    defaultColumns: ['at', 'action', 'result', 'actorName', 'email', 'ip', 'target'],
    group: label('系统', 'System'),
    components: { beforeListTable: ['/src/security/admin/AuditExport#AuditExport'] },
    pagination: { defaultLimit: 50 },
  },
  access: { read: isAdmin, create: nobody, update: nobody, delete: nobody },
  // Nobody edits a row, so nobody needs to lock one.
  lockDocuments: false,
  disableBulkEdit: true,
  defaultSort: '-at',
  endpoints: [auditExportEndpoint],
  fields: [
    {
      name: 'at',
      type: 'date',
      required: true,
      index: true,
      label: label('时间', 'Time'),
      admin: { date: { pickerAppearance: 'dayAndTime', displayFormat: 'yyyy-MM-dd HH:mm:ss' } },
    },
    {
      name: 'action',
      type: 'select',
      required: true,
      index: true,
      label: label('操作', 'Action'),
      options: Object.entries(AUDIT_ACTIONS).map(([value, zh]) => ({
        value,
        label: label(zh, value),
      })),
    },
    {
      name: 'result',
      type: 'select',
      required: true,
      index: true,
      label: label('结果', 'Result'),
      options: Object.entries(AUDIT_RESULTS).map(([value, zh]) => ({
        value,
        label: label(zh, value),
      })),
    },
    { name: 'actorId', type: 'text', index: true, label: label('操作人编号', 'Actor ID') },
    { name: 'actorName', type: 'text', label: label('操作人', 'Actor') },
    { name: 'email', type: 'text', index: true, label: label('账号邮箱', 'E-mail') },
    { name: 'ip', type: 'text', index: true, label: label('IP 地址', 'IP address') },
    { name: 'userAgent', type: 'text', label: label('浏览器', 'User agent') },
    { name: 'target', type: 'text', label: label('对象', 'Target') },
    { name: 'detail', type: 'textarea', label: label('详情', 'Detail') },
  ],
  timestamps: true,
}
