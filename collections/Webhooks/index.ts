import type { CollectionConfig } from 'payload'

import { isAdmin } from '../../src/access/roles'
import { label } from '../../src/config/i18n'
import { targetProblem } from '../../src/delivery/webhookTarget'
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
  labels: {
    singular: label('推送订阅', 'Webhook'),
    plural: label('推送订阅', 'Webhooks'),
  },
  admin: {
    useAsTitle: 'url',
    defaultColumns: ['url', 'events', 'collections', 'enabled'],
    group: label('系统', 'System'),
  },
  access: { read: isAdmin, create: isAdmin, update: isAdmin, delete: isAdmin },
  fields: [
    {
      name: 'url',
      type: 'text',
      required: true,
      label: label('接收地址', 'URL'),
      validate: (
        value: unknown,
        { siblingData }: { siblingData: { allowPrivateNetwork?: boolean } },
      ) => targetProblem(String(value ?? ''), siblingData?.allowPrivateNetwork === true) ?? true,
    },
    {
      name: 'allowPrivateNetwork',
      type: 'checkbox',
      defaultValue: false,
      label: label('允许内网地址', 'Allow internal addresses'),
      admin: {
        description: label(
          '默认不投递到本机、链路本地或内网地址;仅在接收方确实位于内网时勾选',
          'Loopback, link-local and private targets are refused unless this is set',
        ),
      },
    },
    {
      name: 'secret',
      type: 'text',
      required: true,
      minLength: 16,
      label: label('签名密钥', 'Signing secret'),
      // Written, never read back over the API: deliveries read it as the system.
      access: { read: () => false },
      admin: {
        description: label(
          '用于 HMAC-SHA256 签名,至少 16 个字符;保存后不再显示,修改时重新填写',
          'Signs each delivery with HMAC-SHA256; at least 16 characters; not shown again after saving',
        ),
      },
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
      options: WORKFLOW_COLLECTIONS.map((slug) => ({
        value: slug.replace('-', '_'),
        label: { zh: slug, en: slug },
      })),
    },
    { name: 'enabled', type: 'checkbox', defaultValue: true, label: label('启用', 'Enabled') },
  ],
}
