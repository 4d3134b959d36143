import type { CollectionConfig } from 'payload'

import {
  adminOnlyField,
  isAdmin,
  isAdminUser,
  isStaff,
  ROLE_LABELS,
  ROLES,
} from '../../src/access/roles'
import { label } from '../../src/config/i18n'
import { isProduction } from '../../src/config/env'
import { firstUserIsAdmin } from './hooks/firstUserIsAdmin'
import { enforcePasswordPolicy } from './hooks/passwordPolicy'

export const Users: CollectionConfig<'users'> = {
  slug: 'users',
  labels: { singular: label('用户', 'User'), plural: label('用户', 'Users') },
  auth: {
    // Logins last a working day; the admin refreshes while in use.
    tokenExpiration: 60 * 60 * 8,
    maxLoginAttempts: 10,
    lockTime: 10 * 60 * 1000,
    // The login cookie travels only over HTTPS in production, never to scripts or other sites' posts.
    cookies: { secure: isProduction(), sameSite: 'Lax' },
  },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'email', 'roles'],
    group: label('系统', 'System'),
  },
  access: {
    // Only staff may log in to the admin; API clients and the public never see users.
    admin: ({ req }) => isStaff({ req }) as boolean,
    read: isStaff,
    create: isAdmin,
    delete: isAdmin,
    // Unlocking resets the failed-login count: in anyone else's hands, unlimited password guessing.
    unlock: isAdmin,
    // Staff edit their own profile; admins edit anyone. Roles are guarded per field below.
    update: ({ req }) => {
      if (isAdminUser(req.user)) return true
      if (!req.user || req.user.collection !== 'users') return false
      return { id: { equals: req.user.id } }
    },
  },
  hooks: {
    beforeOperation: [enforcePasswordPolicy],
    beforeChange: [firstUserIsAdmin],
  },
  fields: [
    {
      name: 'name',
      type: 'text',
      required: true,
      label: label('姓名', 'Name'),
      maxLength: 60,
      // A reviewer's name is their signature on the 审签单: only an admin changes it.
      access: { update: adminOnlyField },
    },
    {
      name: 'roles',
      type: 'select',
      hasMany: true,
      required: true,
      saveToJWT: true,
      label: label('角色', 'Roles'),
      defaultValue: ['editor'],
      options: ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] })),
      // Nobody raises their own role: only an admin may set roles, on create or update.
      access: { create: adminOnlyField, update: adminOnlyField },
    },
  ],
  timestamps: true,
}
