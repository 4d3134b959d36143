import type { CollectionConfig } from 'payload'

import { isAdmin } from '../../src/access/roles'
import { label } from '../../src/config/i18n'
import { WEBHOOK_EVENTS } from '../../src/delivery/webhooks'
import { WORKFLOW_COLLECTIONS } from '../../src/workflow/table'

const EVENT_LABELS = {
  published: label('首次发布', 'Published'),
  updated: label('更新发布', 'Updated'),
  withdrawn: label('撤稿', 'Withdrawn'),
  corrected: label('更正', 'Corrected'),
}

/** Where downstream sites want to be told about published content. Admins only. */
export const Webhooks: CollectionConfig<'webhooks'> = {
  slug: 'webhooks',
  labels: { singular: label('Webhook', 'Webhook'), plural: label('Webhook', 'Webhooks') },
  admin: { useAsTitle: 'url', defaultColumns: ['url', 'events', 'collections', 'enabled'], group: label('系统', 'System') },
  access: { read: isAdmin, create: isAdmin, update: isAdmin, delete: isAdmin },
  fields: [
    {
      name: 'url',
      type: 'text',
      required: true,
      label: label('接收地址', 'URL'),
      validate: (value: unknown) =>
        /^https?:\/\/\S+$/.test(String(value ?? '')) ? true : '请填写 http:// 或 https:// 开头的地址 (must be an http(s) URL)',
    },
    {
      name: 'secret',
      type: 'text',
      required: true,
      minLength: 16,
      label: label('签名密钥', 'Signing secret'),
      admin: { description: label('用于 HMAC-SHA256 签名,至少 16 个字符', 'Signs each delivery with HMAC-SHA256; at least 16 characters') },
    },
    {
      name: 'events',
      type: 'select',
      hasMany: true,
      required: true,
      label: label('事件', 'Events'),
      options: WEBHOOK_EVENTS.map((event) => ({ value: event, label: EVENT_LABELS[event] })),
    },
    {
      name: 'collections',
      type: 'select',
      hasMany: true,
      label: label('内容类型(留空为全部)', 'Collections (empty: all)'),
      options: WORKFLOW_COLLECTIONS.map((slug) => ({ value: slug.replace('-', '_'), label: { zh: slug, en: slug } })),
    },
    { name: 'enabled', type: 'checkbox', defaultValue: true, label: label('启用', 'Enabled') },
  ],
}
