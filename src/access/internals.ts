import type { Access, SanitizedConfig } from 'payload'

import { isStaff } from './roles'

/** An API client or an anonymous reader is no member of staff: only staff pass, and then the original rule. */
const staffAnd =
  (rule: Access | undefined): Access =>
  (args) =>
    isStaff(args) ? (rule ? rule(args) : true) : false

/**
 * Payload's own collections default to "any logged-in user", and an API client is a logged-in
 * user: downstream keys could read, create and delete document locks and preferences. Those are
 * the admin's, so staff only. (The migration log has no REST or GraphQL route; the jobs queue's
 * run, queue and cancel are admin-only in payload.config.)
 */
export function lockPayloadInternals(config: SanitizedConfig): SanitizedConfig {
  for (const collection of config.collections) {
    const access = collection.access
    if (
      collection.slug === 'payload-locked-documents' ||
      collection.slug === 'payload-preferences'
    ) {
      for (const operation of ['read', 'create', 'update', 'delete'] as const)
        access[operation] = staffAnd(access[operation])
    }
  }
  return config
}

const nobody = () => false

/**
 * The access of a collection only the server's own code writes and reads (with overrideAccess):
 * no REST or GraphQL client, staff and admins included, may touch it.
 */
export const serverOnly = { read: nobody, create: nobody, update: nobody, delete: nobody }
