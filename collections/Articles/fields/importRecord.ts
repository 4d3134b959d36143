import type { Field } from 'payload'

import { staffOnlyField } from '../../../src/access/roles'
import { label } from '../../../src/config/i18n'

/**
 * What the importer could not be sure of, kept on the article for the editor: the original date a
 * dateline gave, and each choice the importer made by position alone (a caption, a title taken from
 * the file name), which the editor ticks off as confirmed.
 */
export function importRecordFields(): Field[] {
  return [
    {
      name: 'originalPublishedAt',
      type: 'date',
      label: label('原发布时间', 'Originally published'),
      admin: {
        position: 'sidebar',
        date: { pickerAppearance: 'dayAndTime' },
        description: label(
          '导入稿件原文的日期行;首次发布时作为发布日期',
          "The imported text's dateline; becomes the published date at first publication",
        ),
      },
    },
    {
      name: 'importNotes',
      type: 'array',
      label: label('导入待确认', 'Import: to confirm'),
      labels: { singular: label('待确认项', 'Item'), plural: label('待确认项', 'Items') },
      access: { read: staffOnlyField },
      admin: {
        initCollapsed: false,
        condition: (data) => Array.isArray(data?.importNotes) && data.importNotes.length > 0,
        description: label(
          '导入时凭位置猜测的判断,请逐条核对后勾选「已确认」',
          'Choices the importer made by position alone: check each and tick it',
        ),
      },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'line', type: 'number', label: label('行号', 'Line'), admin: { width: '15%' } },
            {
              name: 'kind',
              type: 'text',
              label: label('判断为', 'Read as'),
              admin: { width: '20%' },
            },
            { name: 'text', type: 'text', label: label('原文', 'Text'), admin: { width: '65%' } },
          ],
        },
        { name: 'reason', type: 'text', label: label('依据', 'Why') },
        { name: 'confirmed', type: 'checkbox', label: label('已确认', 'Confirmed') },
      ],
    },
  ]
}
