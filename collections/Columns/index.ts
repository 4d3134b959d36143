import type { CollectionConfig } from 'payload'

import { anyOf, published } from '../../src/access/content'
import { isStaff, isStaffUser } from '../../src/access/roles'
import { label } from '../../src/config/i18n'
import { invalidatePublicCache } from '../../src/delivery/invalidations'
import { publicReadLimits } from '../../src/delivery/limits'
import { createdByField } from '../../src/fields/createdBy'
import { slugField } from '../../src/fields/slug'
import { withWorkflow } from '../../src/workflow/collection'
import { recordRevision, resetWorkflowOnEdit, saveAsDraft } from '../../src/workflow/hooks'
import { refuseStaleSave } from '../../src/workflow/staleSave'
import { everyWorkflowStep } from '../shared/workflowSteps'
import { columnTreeEndpoint } from './endpoints/tree'
import { keepPublishedColumns, noParentLoop } from './hooks/integrity'

/** What a column holds decides which inspection rules apply to it (src/columns/health.ts). */
export const COLUMN_KINDS = [
  { value: 'news', label: label('新闻动态类', 'News') },
  { value: 'notice', label: label('通知公告类', 'Notices') },
  { value: 'policy', label: label('政策文件', 'Policy documents') },
  { value: 'interpretation', label: label('政策解读', 'Policy interpretations') },
  { value: 'photo', label: label('图片新闻', 'Photo news') },
  { value: 'other', label: label('其他', 'Other') },
]

/**
 * A column (栏目) of the downstream sites: the tree they build their navigation from. Readers see a
 * column once it is published and public; hiding one (`isPublic` off) is how a column with
 * published content is retired, since it cannot be deleted.
 */
export const Columns: CollectionConfig<'columns'> = withWorkflow('columns', {
  slug: 'columns',
  labels: { singular: label('栏目', 'Column'), plural: label('栏目', 'Columns') },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'parent', 'kind', 'cadenceDays', 'isPublic'],
    group: label('内容', 'Content'),
  },
  versions: { drafts: { validate: true }, maxPerDoc: 50 },
  access: {
    read: ({ req }) =>
      isStaffUser(req.user) ? true : { and: [published, { isPublic: { equals: true } }] },
    readVersions: isStaff,
    create: anyOf('chief-editor', 'admin'),
    // Reviewers edit during review, as with all content; only chiefs create and remove columns.
    update: anyOf('chief-editor', 'admin', 'reviewer'),
    delete: anyOf('chief-editor', 'admin'),
  },
  defaultPopulate: { name: true, slug: true, parent: true },
  hooks: {
    beforeOperation: [saveAsDraft, refuseStaleSave, publicReadLimits],
    beforeChange: [noParentLoop, resetWorkflowOnEdit],
    beforeDelete: [keepPublishedColumns],
    afterChange: [recordRevision, invalidatePublicCache],
    afterDelete: [invalidatePublicCache],
  },
  custom: { workflow: everyWorkflowStep },
  endpoints: [columnTreeEndpoint],
  fields: [
    {
      type: 'row',
      fields: [
        {
          name: 'name',
          type: 'text',
          required: true,
          label: label('栏目名称', 'Name'),
          maxLength: 40,
          admin: { width: '50%' },
        },
        {
          name: 'kind',
          type: 'select',
          required: true,
          defaultValue: 'news',
          options: COLUMN_KINDS,
          label: label('栏目类型', 'Kind'),
          admin: { width: '50%' },
        },
      ],
    },
    slugField({ sourceField: 'name' }),
    {
      name: 'parent',
      type: 'relationship',
      relationTo: 'columns',
      label: label('上级栏目', 'Parent'),
      filterOptions: ({ id }) => (id ? { id: { not_equals: id } } : true),
    },
    { name: 'description', type: 'textarea', label: label('栏目说明', 'Description') },
    {
      type: 'row',
      fields: [
        {
          name: 'order',
          type: 'number',
          defaultValue: 0,
          label: label('排序', 'Order'),
          admin: { width: '33%', description: label('小的在前', 'Smaller first') },
        },
        {
          name: 'cadenceDays',
          type: 'number',
          min: 1,
          max: 3650,
          label: label('更新周期(天)', 'Update cadence (days)'),
          admin: {
            width: '33%',
            description: label(
              '超过此天数未更新即提醒;新闻类常为 14,通知公告、政策类常为 180',
              'Warn when not updated for this many days: 14 for news, 180 for notices and policy',
            ),
          },
        },
        {
          name: 'isPublic',
          type: 'checkbox',
          defaultValue: true,
          label: label('对外公开', 'Public'),
          admin: {
            width: '33%',
            description: label(
              '取消即隐藏;有已发布内容的栏目只能隐藏,不能删除',
              'Untick to hide; a column with published content can only be hidden',
            ),
          },
        },
      ],
    },
    createdByField(),
  ],
})
