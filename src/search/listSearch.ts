import type { CollectionBeforeOperationHook, Where } from 'payload'

import { isStaffUser } from '../access/roles'
import { search } from './query'

const MAX_IDS = 500

/**
 * The admin list's search box (`?search=…`) matches titles by `like`; for staff it also matches
 * the full text: the `or` of `like` conditions the admin builds gets the ids the staff index finds
 * for the same words.
 */
export const fullTextListSearch: CollectionBeforeOperationHook = async ({
  args,
  collection,
  operation,
  req,
}) => {
  if (operation !== 'read' || !isStaffUser(req.user)) return args
  const list = args as typeof args & { where?: Where }
  const node = findSearchClause(list.where)
  if (!node) return args
  const term = node.term.trim()
  if (!term) return args
  const { docs } = await search(req, {
    q: term,
    collections: [collection.slug],
    limit: MAX_IDS,
    scope: 'staff',
  }).catch(() => ({ docs: [] as { id: string }[] }))
  if (docs.length) node.clause.or!.push({ id: { in: docs.map((doc) => doc.id) } })
  return list
}

/** The admin's search clause: an `or` whose every condition is `{ field: { like: term } }`. */
function findSearchClause(where: Where | undefined): { clause: Where; term: string } | undefined {
  if (!where || typeof where !== 'object') return undefined
  const or = where.or
  if (Array.isArray(or) && or.length) {
    const terms = or.map((condition) => {
      const entries = Object.entries(condition ?? {})
      const like = entries.length === 1 ? (entries[0]![1] as { like?: unknown })?.like : undefined
      return typeof like === 'string' ? like : undefined
    })
    if (terms.every((term) => term !== undefined && term === terms[0]))
      return { clause: where, term: terms[0]! }
  }
  for (const key of ['and', 'or'] as const) {
    for (const child of (where[key] as Where[] | undefined) ?? []) {
      const found = findSearchClause(child)
      if (found) return found
    }
  }
  return undefined
}
