import type { CollectionConfig } from 'payload'

import { anyOf } from '../../src/access/content'
import { nobody } from '../../src/access/roles'
import { label } from '../../src/config/i18n'

/** What a rescan of published content found after the term list changed: for the chief editor. */
export const QualityReports: CollectionConfig<'quality-reports'> = {
  slug: 'quality-reports',
  labels: {
    singular: label('复查报告', 'Rescan report'),
    plural: label('复查报告', 'Rescan reports'),
  },
  admin: {
    useAsTitle: 'summary',
    defaultColumns: ['summary', 'kind', 'createdAt'],
    group: label('审核', 'Review'),
  },
  access: {
    read: anyOf('chief-editor', 'admin'),
    create: nobody,
    update: nobody,
    delete: anyOf('admin'),
  },
  fields: [
    {
      name: 'kind',
      type: 'select',
      defaultValue: 'rescan',
      index: true,
      label: label('报告类型', 'Kind'),
      options: [
        { value: 'rescan', label: label('敏感词复查', 'Rescan') },
        { value: 'site-health', label: label('网站健康检查', 'Site health') },
        { value: 'links', label: label('链接巡检', 'Link check') },
      ],
    },
    { name: 'summary', type: 'text', required: true, label: label('摘要', 'Summary') },
    { name: 'scanned', type: 'number', label: label('已扫描文章', 'Articles scanned') },
    {
      name: 'matches',
      type: 'json',
      label: label('命中', 'Matches'),
      admin: { components: { Field: '/src/admin/ReportMatches#ReportMatches' } },
    },
  ],
  timestamps: true,
}
