import type { CollectionConfig } from 'payload'

import { referenceListAccess } from '../../src/access/content'
import { label } from '../../src/config/i18n'
import { queueRescan } from '../../src/quality/rescan'
import { recordListChange } from '../../src/security/hooks'

const audited = recordListChange('敏感词', 'term')

/** The office's list of sensitive terms. Versioned; every change rescans published articles. */
export const SensitiveTerms: CollectionConfig<'sensitive-terms'> = {
  slug: 'sensitive-terms',
  labels: {
    singular: label('敏感词', 'Sensitive term'),
    plural: label('敏感词', 'Sensitive terms'),
  },
  admin: {
    useAsTitle: 'term',
    defaultColumns: ['term', 'category', 'severity', 'note'],
    group: label('审核', 'Review'),
  },
  versions: { maxPerDoc: 50 },
  access: referenceListAccess,
  hooks: {
    afterChange: [queueRescan, audited.afterChange],
    afterDelete: [queueRescan, audited.afterDelete],
  },
  fields: [
    { name: 'term', type: 'text', required: true, unique: true, label: label('词语', 'Term') },
    {
      name: 'category',
      type: 'text',
      label: label('类别', 'Category'),
      admin: {
        description: label(
          '如:政治表述、错别字、绝对化用语',
          'e.g. political wording, typo, absolute claims',
        ),
      },
    },
    {
      name: 'severity',
      type: 'select',
      required: true,
      defaultValue: 'warn',
      label: label('级别', 'Severity'),
      options: [
        {
          value: 'block',
          label: label('禁用(阻止送审和通过)', 'Block (stops submit and approve)'),
        },
        { value: 'warn', label: label('提醒(列给审核人)', 'Warn (listed for the reviewer)') },
      ],
    },
    {
      name: 'note',
      type: 'textarea',
      label: label('说明', 'Note'),
      admin: { description: label('如:应改为……', 'e.g. what to write instead') },
    },
  ],
}
