import type { CollectionBeforeOperationHook, Where } from 'payload'

import { findColumn, inColumns, readableColumns, withDescendants } from './tree'

/** Matches nothing: a list filtered by a column the caller may not read (or that does not exist). */
const NOTHING: Where = { id: { in: [] } }

/**
 * `?column=<slug or id>` on a list of articles or photos: what is in that column or any column
 * below it. The column is looked up as the caller may read it, so a hidden column's content is not
 * listed by it to the public.
 */
export const filterByColumn: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  if (operation !== 'read') return args
  const wanted = (req.query as Record<string, unknown> | undefined)?.column
  if (typeof wanted !== 'string' || !wanted.trim()) return args
  const rows = await readableColumns(req)
  const column = findColumn(rows, wanted.trim())
  const filter = column ? inColumns(withDescendants(rows, column.id)) : NOTHING
  const list = args as typeof args & { where?: Where }
  list.where = list.where ? { and: [list.where, filter] } : filter
  return list
}
