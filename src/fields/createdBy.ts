import type { Field } from 'payload'

import { label } from '../config/i18n'

/**
 * Who made the document. Set from the logged-in user on create and never writable through the API,
 * so ownership rules (a photographer's own photos, nobody approves their own work) cannot be forged.
 */
export const createdByField = (): Field => ({
  name: 'createdBy',
  type: 'relationship',
  relationTo: 'users',
  index: true,
  label: label('创建人', 'Created by'),
  admin: { position: 'sidebar', readOnly: true },
  access: { create: () => false, update: () => false },
  hooks: {
    beforeChange: [
      ({ operation, req, value, originalDoc }) => {
        if (operation === 'create') {
          return req.user?.collection === 'users' ? req.user.id : (value ?? null)
        }
        return originalDoc?.createdBy ?? value
      },
    ],
  },
})
