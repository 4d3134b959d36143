import type { CollectionConfig } from 'payload'

import { referenceListAccess } from '../../src/access/content'
import { label } from '../../src/config/i18n'
import { queueRescan } from '../../src/quality/rescan'
import { recordListChange } from '../../src/security/hooks'

const audited = recordListChange('领导名录', 'name')
import { learnOfficialName } from '../../src/search/indexer'

/**
 * The officials register (领导名录): names, posts and their order, checked against every article
 * (src/quality/proof/officials.ts). Staff-only, versioned; chief editors and admins keep it, and
 * every change rescans published articles.
 */
export const Officials: CollectionConfig<'officials'> = {
  slug: 'officials',
  labels: { singular: label('领导', 'Official'), plural: label('领导名录', 'Officials') },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'post', 'organisation', 'rank', 'status', 'termEnd'],
    group: label('审核', 'Review'),
  },
  versions: { maxPerDoc: 50 },
  access: referenceListAccess,
  hooks: {
    afterChange: [queueRescan, learnOfficialName, audited.afterChange],
    afterDelete: [queueRescan, audited.afterDelete],
  },
  fields: [
    {
      type: 'row',
      fields: [
        { name: 'name', type: 'text', required: true, label: label('姓名', 'Name'), index: true },
        { name: 'post', type: 'text', required: true, label: label('职务', 'Post') },
      ],
    },
    {
      type: 'row',
      fields: [
        { name: 'organisation', type: 'text', label: label('单位', 'Organisation') },
        {
          name: 'rank',
          type: 'number',
          min: 1,
          label: label('排序', 'Rank'),
          admin: {
            description: label('在本单位的排名,1 为第一', 'Order in the organisation, 1 first'),
          },
        },
      ],
    },
    {
      type: 'row',
      fields: [
        {
          name: 'termStart',
          type: 'date',
          label: label('任职起', 'Term start'),
          admin: { date: { pickerAppearance: 'dayOnly', displayFormat: 'yyyy-MM-dd' } },
        },
        {
          name: 'termEnd',
          type: 'date',
          label: label('任职止', 'Term end'),
          admin: { date: { pickerAppearance: 'dayOnly', displayFormat: 'yyyy-MM-dd' } },
        },
      ],
    },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'serving',
      label: label('状态', 'Status'),
      options: [
        { value: 'serving', label: label('在任', 'Serving') },
        { value: 'left', label: label('离任', 'Left') },
        { value: 'removed', label: label('落马/撤职', 'Removed') },
      ],
    },
  ],
}
