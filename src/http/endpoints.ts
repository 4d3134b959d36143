/**
 * What every custom endpoint of the product shares: JSON answers that no cache keeps, HttpErrors
 * turned into their answer, the staff check, and the latest revision of the document a route
 * names. Lower than any feature: src/http imports no feature folder.
 */
import type { CollectionSlug, PayloadHandler, PayloadRequest } from 'payload'

import { APIError } from 'payload'

import { isStaffUser } from '../access/roles'
import { HttpError, isHttpError } from './errors'

export const json = (body: unknown, status = 200) =>
  Response.json(body, { status, headers: { 'Cache-Control': 'private, no-store' } })

/** An endpoint handler whose HttpErrors become their JSON answer; anything else stays a 500. */
export const guarded =
  (handler: PayloadHandler): PayloadHandler =>
  async (req) => {
    try {
      return await handler(req)
    } catch (error) {
      if (isHttpError(error)) return json({ errors: [error.toJSON()] }, error.status)
      throw error
    }
  }

/**
 * An HttpError as Payload's own error, for code that answers through Payload (hooks, GraphQL
 * resolvers): same status and message, and the code in `data` (GraphQL: `extensions.data.code`).
 */
export const asPayloadError = (error: unknown) =>
  isHttpError(error) ? new APIError(error.message, error.status, { code: error.code }, true) : error

export const notLoggedIn = () => new HttpError(401, 'not-logged-in', '请先登录', 'log in first')

export function requireStaff(req: PayloadRequest) {
  if (!isStaffUser(req.user)) throw notLoggedIn()
}

/**
 * A document's latest revision (its newest draft, or the live version), as the logged-in user may
 * read it or as the system; 404 when there is none to read.
 */
export async function loadRevision(
  req: PayloadRequest,
  collection: CollectionSlug,
  id: number | string,
  asUser: boolean,
) {
  const doc = await req.payload
    .findByID({
      collection,
      id,
      draft: true,
      depth: 0,
      req,
      overrideAccess: !asUser,
      user: asUser ? req.user : undefined,
      disableErrors: true,
    })
    .catch(() => null)
  if (!doc) throw new HttpError(404, 'not-found', '找不到该内容', `no ${collection} with id ${id}`)
  return doc as Record<string, any> & { id: number | string }
}

/** The latest revision of the document the route names (`/:id/…`), as the logged-in staff user may read it. */
export async function loadLatest(req: PayloadRequest, collection: CollectionSlug) {
  requireStaff(req)
  return loadRevision(req, collection, String(req.routeParams?.id), true)
}
