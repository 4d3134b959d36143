import type { Access, CollectionConfig, FieldAccess, Where } from 'payload'

import { relationId, sameId } from '../fields/relation'
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
 * The newsroom's reference lists (sensitive terms, the officials register, typo pairs, wording
 * rules): staff read them, chief editors and admins keep them.
 */
export const referenceListAccess: CollectionConfig['access'] = {
  read: isStaff,
  readVersions: isStaff,
  create: anyOf('chief-editor', 'admin'),
  update: anyOf('chief-editor', 'admin'),
  delete: anyOf('chief-editor', 'admin'),
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

/**
 * Photo history holds every draft and its metadata: the same rule as reading photos, on the
 * version's fields. Payload checks only this rule for /versions, not the read rule.
 */
export const readPhotoVersions: Access = ({ req }) => {
  const { user } = req
  if (hasRole(user, ...WRITERS)) return true
  if (hasRole(user, 'photographer')) return { 'version.createdBy': { equals: user!.id } }
  return false
}

/**
 * Where a photo was taken and the camera's serial number: the newsroom's writers, and the
 * photographer who took it. Not a colleague, not the public.
 */
export const photoPrivateField: FieldAccess = ({ req, doc }) =>
  hasRole(req.user, ...WRITERS) ||
  (hasRole(req.user, 'photographer') && sameId(relationId(doc?.createdBy), req.user!.id))

/**
 * Least privilege for photographers: of articles they read what is published, their own, and the
 * drafts that use their photos (to see how a photo is captioned in place). Other staff read all.
 */
export const readArticles: Access = ({ req }) => {
  const { user } = req
  if (hasRole(user, ...WRITERS)) return true
  if (hasRole(user, 'photographer')) {
    return {
      or: [
        published,
        { createdBy: { equals: user!.id } },
        { 'usedPhotos.createdBy': { equals: user!.id } },
      ],
    }
  }
  return published
}

/** An article's history (drafts, comments in them): writers, and a photographer only for their own. */
export const readArticleVersions: Access = ({ req }) => {
  const { user } = req
  if (hasRole(user, ...WRITERS)) return true
  if (hasRole(user, 'photographer')) return { 'version.createdBy': { equals: user!.id } }
  return false
}

/**
 * Workflow events carry review comments. Writers read them all; a photographer reads the events of
 * their own photos and their own actions.
 */
export const readWorkflowEvents: Access = async ({ req }) => {
  const { user } = req
  if (hasRole(user, ...WRITERS)) return true
  if (!hasRole(user, 'photographer')) return false
  const { docs } = await req.payload.find({
    collection: 'photos',
    where: { createdBy: { equals: user!.id } },
    select: {},
    depth: 0,
    pagination: false,
    draft: true,
    overrideAccess: true,
    req,
  })
  const own = docs.map((photo) => String(photo.id))
  const where: Where = {
    or: [
      { actor: { equals: user!.id } },
      { and: [{ collection: { equals: 'photos' } }, { documentId: { in: own } }] },
    ],
  }
  return where
}

/** Editors and above change any photo; a photographer only their own. */
export const updatePhotos: Access = ({ req }) => {
  const { user } = req
  if (hasRole(user, ...WRITERS)) return true
  if (hasRole(user, 'photographer')) return { createdBy: { equals: user!.id } }
  return false
}
