import type { CollectionConfig } from 'payload'

import { isAdmin, isAdminUser } from '../../src/access/roles'
import { label } from '../../src/config/i18n'
import { recordApiClientChange, recordApiClientDelete } from '../../src/security/hooks'

/**
 * Downstream sites that read published content with an API key
 * (`Authorization: api-clients API-Key <key>`). A client has no roles: it reads what the public
 * reads, through the public cache, rate-limited per key, and can write nothing. Admins create and
 * revoke keys; turning `enabled` off revokes at once.
 */
export const ApiClients: CollectionConfig<'api-clients'> = {
  slug: 'api-clients',
  labels: {
    singular: label('接口客户端', 'API client'),
    plural: label('接口客户端', 'API clients'),
  },
  auth: { useAPIKey: true, disableLocalStrategy: true },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'siteUrl', 'enabled'],
    group: label('系统', 'System'),
  },
  access: {
    // A client may read its own record (GET /api/api-clients/me), nothing else.
    read: ({ req }) =>
      isAdminUser(req.user) ||
      (req.user?.collection === 'api-clients' ? { id: { equals: req.user.id } } : false),
    create: isAdmin,
    update: isAdmin,
    delete: isAdmin,
    admin: () => false,
  },
  hooks: {
    beforeChange: [
      // Disabling a client revokes its key: the key itself is deleted (Payload 3.90 still accepts a
      // key whose enableAPIKey is off). Re-enabling means issuing a new key.
      ({ data }) =>
        data.enabled === false
          ? { ...data, enableAPIKey: false, apiKey: null, apiKeyIndex: null }
          : { ...data, enableAPIKey: true },
    ],
    afterChange: [recordApiClientChange],
    afterDelete: [recordApiClientDelete],
  },
  fields: [
    { name: 'name', type: 'text', required: true, label: label('名称', 'Name') },
    { name: 'siteUrl', type: 'text', label: label('网站地址', 'Site URL') },
    { name: 'contact', type: 'text', label: label('联系人', 'Contact') },
    { name: 'enabled', type: 'checkbox', defaultValue: true, label: label('启用', 'Enabled') },
  ],
}
