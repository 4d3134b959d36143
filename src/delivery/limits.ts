import type { CollectionBeforeOperationHook } from 'payload'

import { isStaffUser } from '../access/roles'

export const PUBLIC_MAX_LIMIT = 100
export const PUBLIC_DEFAULT_LIMIT = 10
export const MAX_DEPTH = 3
/**
 * Set on a request by the delivery front, which has rewritten each GraphQL list to
 * `pagination: false` exactly when the query asks for no page field (see delivery/graphql.ts):
 * such a list still gets at most PUBLIC_MAX_LIMIT documents, only without a count.
 */
export const COUNT_NOT_ASKED = 'newsdesk.countNotAsked'
/** A page of 100 articles, each naming a few photos or projects, fits well within this. */
export const MAX_NAMED_DOCUMENTS = 2000

/**
 * What a public reader (anonymous or API client) may ask of a list: at most 100 documents a page,
 * paginated (`limit=0` and `pagination=false` no longer mean "everything"; only the delivery front
 * drops the count, see COUNT_NOT_ASKED), depth at most 3. Staff are left alone: the admin needs
 * its own paging.
 */
export const publicReadLimits: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (operation !== 'read' || isStaffUser(req.user) || args.overrideAccess) return args
  const list = args as typeof args & {
    limit?: number
    pagination?: boolean
    depth?: number
    where?: unknown
  }
  if (list.depth !== undefined) list.depth = Math.min(Number(list.depth) || 0, MAX_DEPTH)
  // Payload populates relationships by loading every id a response names in one unpaginated find
  // (its request dataloader). Clamping that would leave all but ten of them as bare ids. Such a
  // read returns only the documents it names, so it is not "everything" and passes unclamped; a
  // public request of the same shape is clamped like any other list.
  if (isRelationshipLoad(list)) return list
  const limit = Number(list.limit)
  if ('where' in list || 'limit' in list || 'pagination' in list) {
    list.limit =
      !Number.isFinite(limit) || limit <= 0
        ? PUBLIC_DEFAULT_LIMIT
        : Math.min(limit, PUBLIC_MAX_LIMIT)
    list.pagination = !(list.pagination === false && req.context?.[COUNT_NOT_ASKED] === true)
  }
  return list
}

/**
 * Payload's relationship loader: `where: { id: { in: [...] } }` and nothing else, unpaginated, with
 * the population depth it has reached (`currentDepth`), which no REST or GraphQL request can set.
 */
function isRelationshipLoad(list: {
  pagination?: boolean
  limit?: number
  where?: unknown
  currentDepth?: number
}): boolean {
  if (list.currentDepth === undefined || list.pagination !== false || list.limit !== undefined)
    return false
  const where = list.where as Record<string, Record<string, unknown>> | undefined
  if (!where || Object.keys(where).length !== 1 || !where.id || Object.keys(where.id).length !== 1)
    return false
  const ids = where.id.in
  return Array.isArray(ids) && ids.length <= MAX_NAMED_DOCUMENTS
}
