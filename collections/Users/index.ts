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
import { sessionTimeoutSeconds } from '../../src/security/session'
import {
  guardLogin,
  recordFailedLogin,
  recordLogin,
  recordLogout,
  recordUserChange,
  recordUserDelete,
  recordUserOperation,
} from '../../src/security/hooks'

export const Users: CollectionConfig<'users'> = {
  slug: 'users',
  labels: { singular: label('用户', 'User'), plural: label('用户', 'Users') },
  auth: {
    // A login ends after SESSION_TIMEOUT_MINUTES (30) without activity: the admin renews it while
    // in use, and logs out a forgotten browser.
    tokenExpiration: sessionTimeoutSeconds(),
    // No lock on the account: anyone who knows an e-mail could lock its owner out. Failed logins
    // are limited per address and per address+account instead (src/security/loginGuard.ts).
    maxLoginAttempts: 0,
    // Payload's own throttle of reset e-mails reserves the account outside the request's
    // transaction, which on SQLite waits on that very transaction's lock until the busy timeout:
    // reset requests are throttled per address and per e-mail instead (src/security/loginGuard.ts).
    forgotPassword: { minRequestInterval: 0 },
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
    beforeOperation: [enforcePasswordPolicy, guardLogin],
    beforeChange: [firstUserIsAdmin],
    // The security audit log (src/security): logins, failures, logouts, password and role changes.
    afterChange: [recordUserChange],
    afterDelete: [recordUserDelete],
    afterLogin: [recordLogin],
    afterLogout: [recordLogout],
    afterOperation: [recordUserOperation],
    afterError: [recordFailedLogin],
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
