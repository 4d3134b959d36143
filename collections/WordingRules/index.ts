import type { CollectionConfig, TextFieldSingleValidation } from 'payload'

import { referenceListAccess } from '../../src/access/content'
import { label } from '../../src/config/i18n'
import { patternProblem } from '../../src/quality/proof/typos'
import { queueRescan } from '../../src/quality/rescan'
import { recordListChange } from '../../src/security/hooks'

const audited = recordListChange('规范表述', 'term')
import { severityField } from '../shared/severity'

const validPattern: TextFieldSingleValidation = (value, { siblingData }) =>
  (siblingData as { isPattern?: boolean })?.isPattern && value
    ? (patternProblem(value) ?? true)
    : true

/**
 * Dated wording rules (规范表述): a formulation that a new document or meeting changed, with what
 * to write instead and the window in which it applies to an article's date. Adding or ending a
 * rule rescans published articles.
 */
export const WordingRules: CollectionConfig<'wording-rules'> = {
  slug: 'wording-rules',
  labels: {
    singular: label('规范表述', 'Wording rule'),
    plural: label('规范表述', 'Wording rules'),
  },
  admin: {
    useAsTitle: 'term',
    defaultColumns: ['term', 'replacement', 'severity', 'validFrom', 'validTo'],
    group: label('审核', 'Review'),
  },
  versions: { maxPerDoc: 50 },
  access: referenceListAccess,
  hooks: {
    afterChange: [queueRescan, audited.afterChange],
    afterDelete: [queueRescan, audited.afterDelete],
  },
  fields: [
    {
      type: 'row',
      fields: [
        {
          name: 'term',
          type: 'text',
          required: true,
          label: label('过期提法', 'Outdated wording'),
          validate: validPattern,
        },
        { name: 'replacement', type: 'text', label: label('应改为', 'Write instead') },
      ],
    },
    {
      name: 'isPattern',
      type: 'checkbox',
      label: label('按正则表达式匹配', 'Match as a pattern'),
    },
    severityField('block'),
    {
      type: 'row',
      fields: [
        {
          name: 'validFrom',
          type: 'date',
          label: label('生效日期', 'Valid from'),
          admin: { date: { pickerAppearance: 'dayOnly', displayFormat: 'yyyy-MM-dd' } },
        },
        {
          name: 'validTo',
          type: 'date',
          label: label('失效日期', 'Valid to'),
          admin: { date: { pickerAppearance: 'dayOnly', displayFormat: 'yyyy-MM-dd' } },
        },
      ],
    },
    {
      name: 'note',
      type: 'textarea',
      label: label('依据', 'Source'),
      admin: {
        description: label('引用改变此提法的文件或会议', 'The document or meeting that changed it'),
      },
    },
  ],
}
