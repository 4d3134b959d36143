import type { Access } from 'payload'

import { isStaffUser } from './roles'

/**
 * Staff read everything; everyone else (anonymous readers, API clients) reads only the published
 * version. With drafts enabled the main document IS the live version, so this constraint also keeps
 * newer drafts of a live item out of public reads.
 */
export const publishedOnly: Access = ({ req }) => {
  if (isStaffUser(req.user)) return true
  return { _status: { equals: 'published' } }
}
