import type { CollectionConfig } from 'payload'

import { referenceListAccess } from '../../src/access/content'
import { label } from '../../src/config/i18n'
import { queueRescan } from '../../src/quality/rescan'
import { recordListChange } from '../../src/security/hooks'

const audited = recordListChange('错别字表', 'wrong')
import { severityField } from '../shared/severity'

/**
 * The office's own typo pairs (错别字), on top of the starter list shipped in
 * src/quality/proof/typoList.ts; an entry here with the same wrong form replaces the shipped one.
 */
export const Typos: CollectionConfig<'typos'> = {
  slug: 'typos',
  labels: { singular: label('错别字', 'Typo'), plural: label('错别字表', 'Typos') },
  admin: {
    useAsTitle: 'wrong',
    defaultColumns: ['wrong', 'right', 'severity', 'note'],
    group: label('审核', 'Review'),
    description: label(
      '系统已内置 200 多组常见错别字;这里添加本单位的词条,同一错误写法以这里为准',
      'Over 200 common pairs are built in; add your own here (yours win)',
    ),
  },
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
          name: 'wrong',
          type: 'text',
          required: true,
          unique: true,
          label: label('错误写法', 'Wrong'),
        },
        { name: 'right', type: 'text', required: true, label: label('正确写法', 'Right') },
      ],
    },
    severityField('warn'),
    { name: 'note', type: 'text', label: label('说明', 'Note') },
  ],
}
