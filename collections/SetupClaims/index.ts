import type { CollectionConfig } from 'payload'

import { nobody } from '../../src/access/roles'
import { label } from '../../src/config/i18n'

/**
 * One-time claims made during setup, each a unique key. "The first account becomes admin" is
 * decided by claiming `first-admin`: of two registrations racing on an empty database (MongoDB's
 * snapshot transactions let both count zero users), the unique index lets only one claim it.
 * No API reads or writes these; only the system does.
 */
export const SetupClaims: CollectionConfig<'setup-claims'> = {
  slug: 'setup-claims',
  labels: {
    singular: label('初始化标记', 'Setup claim'),
    plural: label('初始化标记', 'Setup claims'),
  },
  admin: { hidden: true },
  lockDocuments: false,
  access: { read: nobody, create: nobody, update: nobody, delete: nobody },
  fields: [
    { name: 'key', type: 'text', required: true, unique: true, label: label('标记', 'Key') },
  ],
  timestamps: true,
}
