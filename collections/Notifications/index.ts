import type { Access, CollectionConfig } from 'payload'

import { label } from '../../src/config/i18n'
import { createdByEngine } from '../../src/workflow/context'

/** Each user reads and marks only their own notifications. */
const ownOnly: Access = ({ req }) =>
  req.user?.collection === 'users' ? { recipient: { equals: req.user.id } } : false

export const Notifications: CollectionConfig<'notifications'> = {
  slug: 'notifications',
  labels: { singular: label('通知', 'Notification'), plural: label('通知', 'Notifications') },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'kind', 'read', 'createdAt'],
    group: label('审核', 'Review'),
  },
  access: {
    read: ownOnly,
    update: ownOnly,
    delete: ownOnly,
    create: createdByEngine,
  },
  fields: [
    {
      name: 'recipient',
      type: 'relationship',
      relationTo: 'users',
      required: true,
      index: true,
      label: label('接收人', 'Recipient'),
      access: { update: () => false },
    },
    {
      name: 'kind',
      type: 'select',
      required: true,
      label: label('类型', 'Kind'),
      options: [
        { value: 'review', label: label('待审核', 'Awaiting your review') },
        { value: 'publish', label: label('待发布', 'Ready to publish') },
        { value: 'rejected', label: label('被退回', 'Rejected') },
        { value: 'published', label: label('已发布', 'Published') },
        { value: 'withdrawn', label: label('已撤稿', 'Withdrawn') },
        { value: 'photo-rights', label: label('图片版权到期', 'Photo rights expired') },
        { value: 'quality', label: label('敏感词复查', 'Rescan report') },
        { value: 'site-health', label: label('网站健康检查', 'Site health') },
      ],
      access: { update: () => false },
    },
    {
      name: 'title',
      type: 'text',
      required: true,
      label: label('标题', 'Title'),
      access: { update: () => false },
    },
    {
      name: 'message',
      type: 'textarea',
      label: label('内容', 'Message'),
      access: { update: () => false },
    },
    {
      name: 'collectionSlug',
      type: 'text',
      label: label('内容类型', 'Collection'),
      access: { update: () => false },
    },
    {
      name: 'documentId',
      type: 'text',
      label: label('内容编号', 'Document ID'),
      access: { update: () => false },
    },
    {
      name: 'read',
      type: 'checkbox',
      defaultValue: false,
      index: true,
      label: label('已读', 'Read'),
    },
  ],
  timestamps: true,
}
