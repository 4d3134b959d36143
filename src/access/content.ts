import type { Access, CollectionConfig, Where } from 'payload'

import { hasRole, isStaff, isStaffUser, type Role } from './roles'

/** Who may write which content. Reviewers edit during review, as the 三审 desks do on paper. */
export const WRITERS: Role[] = ['admin', 'chief-editor', 'reviewer', 'editor']
export const AUTHORS: Role[] = ['admin', 'chief-editor', 'editor']
export const REMOVERS: Role[] = ['admin', 'chief-editor']
export const PHOTO_UPLOADERS: Role[] = ['admin', 'chief-editor', 'editor', 'photographer']

export const anyOf =
  (...roles: Role[]): Access =>
  ({ req }) =>
    hasRole(req.user, ...roles)

/** Live and not withdrawn. Withdrawal also unpublishes; the second test is belt and braces. */
export const published: Where = {
  and: [
    { _status: { equals: 'published' } },
    { or: [{ workflowState: { not_equals: 'withdrawn' } }, { workflowState: { exists: false } }] },
  ],
}

/** Staff read everything; everyone else reads only the live version. */
export const publishedOnly: Access = ({ req }) => (isStaffUser(req.user) ? true : published)

/**
 * The newsroom's own content (articles, projects, data sources): the public reads what is live,
 * staff read everything and its history, authors create, reviewers edit too, chiefs remove.
 * Photos have their own rule (photographers own theirs).
 */
export const editorialAccess: CollectionConfig['access'] = {
  read: publishedOnly,
  readVersions: isStaff,
  create: anyOf(...AUTHORS),
  update: anyOf(...WRITERS),
  delete: anyOf(...REMOVERS),
}

/**
 * Photographers work on their own photos: they read their own and whatever is published, never a
 * colleague's draft. Other staff read all photos; the public reads published ones.
 */
export const readPhotos: Access = ({ req }) => {
  const { user } = req
  if (hasRole(user, ...WRITERS)) return true
  if (hasRole(user, 'photographer')) return { or: [published, { createdBy: { equals: user!.id } }] }
  return published
}

/** Editors and above change any photo; a photographer only their own. */
export const updatePhotos: Access = ({ req }) => {
  const { user } = req
  if (hasRole(user, ...WRITERS)) return true
  if (hasRole(user, 'photographer')) return { createdBy: { equals: user!.id } }
  return false
}
