import type { CollectionBeforeOperationHook } from 'payload'

import { isStaffUser } from '../access/roles'

export const PUBLIC_MAX_LIMIT = 100
export const PUBLIC_DEFAULT_LIMIT = 10
export const MAX_DEPTH = 3

/**
 * What a public reader (anonymous or API client) may ask of a list: at most 100 documents a page,
 * always paginated (`limit=0` and `pagination=false` no longer mean "everything"), depth at most 3.
 * Staff are left alone: the admin needs its own paging.
 */
export const publicReadLimits: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (operation !== 'read' || isStaffUser(req.user) || args.overrideAccess) return args
  const list = args as typeof args & { limit?: number; pagination?: boolean; depth?: number }
  const limit = Number(list.limit)
  if ('where' in list || 'limit' in list || 'pagination' in list) {
    list.limit = !Number.isFinite(limit) || limit <= 0 ? PUBLIC_DEFAULT_LIMIT : Math.min(limit, PUBLIC_MAX_LIMIT)
    list.pagination = true
  }
  if (list.depth !== undefined) list.depth = Math.min(Number(list.depth) || 0, MAX_DEPTH)
  return list
}
