import type { CollectionConfig } from 'payload'

import { isAdmin, nobody } from '../../src/access/roles'
import { label } from '../../src/config/i18n'

/** One row per delivery attempt: status and duration, for admins to see what receivers answered. */
export const WebhookDeliveries: CollectionConfig<'webhook-deliveries'> = {
  slug: 'webhook-deliveries',
  labels: {
    singular: label('推送投递记录', 'Webhook delivery'),
    plural: label('推送投递记录', 'Webhook deliveries'),
  },
  admin: {
    defaultColumns: [
      'webhook',
      'event',
      'documentId',
      'attempt',
      'status',
      'durationMs',
      'createdAt',
    ],
    group: label('系统', 'System'),
  },
  access: { read: isAdmin, create: nobody, update: nobody, delete: isAdmin },
  fields: [
    {
      name: 'webhook',
      type: 'relationship',
      relationTo: 'webhooks',
      index: true,
      label: label('推送订阅', 'Webhook'),
    },
    { name: 'event', type: 'text', label: label('事件', 'Event') },
    { name: 'documentId', type: 'text', label: label('内容编号', 'Document ID') },
    { name: 'attempt', type: 'number', label: label('第几次', 'Attempt') },
    { name: 'status', type: 'number', label: label('HTTP 状态', 'HTTP status') },
    { name: 'ok', type: 'checkbox', label: label('成功', 'OK') },
    { name: 'durationMs', type: 'number', label: label('耗时(毫秒)', 'Duration (ms)') },
    { name: 'error', type: 'text', label: label('错误', 'Error') },
  ],
  timestamps: true,
}
