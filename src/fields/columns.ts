import type { Field } from 'payload'

import { label } from '../config/i18n'

/**
 * Where an item stands on the downstream sites: one primary column (栏目) and any number of
 * others. Shared by articles and photos.
 */
export function columnFields(): Field[] {
  return [
    {
      name: 'primaryColumn',
      type: 'relationship',
      relationTo: 'columns',
      index: true,
      label: label('所属栏目', 'Column'),
      admin: { position: 'sidebar' },
    },
    {
      name: 'columns',
      type: 'relationship',
      relationTo: 'columns',
      hasMany: true,
      index: true,
      label: label('同时发布到', 'Also in'),
      admin: { position: 'sidebar' },
    },
  ]
}
