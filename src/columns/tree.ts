/**
 * The column tree as downstream sites build their navigation from it, with each column's count of
 * published items and the time it was last updated, both counting its descendants. Read as the
 * caller may read: the public sees published, public columns only, and a hidden column hides its
 * branch.
 */
import type { PayloadRequest, Where } from 'payload'

import { published } from '../access/content'
import type { Id } from '../fields/relation'
import { relationId } from '../fields/relation'

export type ColumnRow = {
  id: Id
  name: string
  slug?: string | null
  kind?: string | null
  parent?: unknown
  order?: number | null
  cadenceDays?: number | null
  isPublic?: boolean | null
  _status?: string | null
}

export type ColumnNode = {
  id: Id
  name: string
  slug: string | null
  kind: string | null
  order: number
  cadenceDays: number | null
  /** Published articles and photos in this column or below it. */
  count: number
  /** When the newest of them was published. */
  lastUpdated: string | null
  children: ColumnNode[]
}

/** Published content in any of these columns, as primary column or as another. */
export const inColumns = (ids: Id[]): Where => ({
  or: [{ primaryColumn: { in: ids } }, { columns: { in: ids } }],
})

/** The columns the caller may read, as the access rules of `columns` decide. */
export async function readableColumns(req: PayloadRequest): Promise<ColumnRow[]> {
  const { docs } = await req.payload.find({
    collection: 'columns',
    depth: 0,
    pagination: false,
    sort: ['order', 'createdAt'],
    select: {
      name: true,
      slug: true,
      kind: true,
      parent: true,
      order: true,
      cadenceDays: true,
      isPublic: true,
      _status: true,
    },
    req,
    overrideAccess: false,
    user: req.user,
  })
  return docs as ColumnRow[]
}

/** A column and everything below it, among the given rows (a loop in old data cannot hang this). */
export function withDescendants(rows: ColumnRow[], rootId: Id): Id[] {
  const ids = [String(rootId)]
  for (let i = 0; i < ids.length; i += 1) {
    for (const row of rows) {
      const parent = relationId(row.parent)
      if (parent != null && String(parent) === ids[i] && !ids.includes(String(row.id)))
        ids.push(String(row.id))
    }
  }
  return rows.filter((row) => ids.includes(String(row.id))).map((row) => row.id)
}

/** The column a request names by slug or id, among those the caller may read. */
export function findColumn(rows: ColumnRow[], name: string): ColumnRow | undefined {
  return rows.find((row) => row.slug === name) ?? rows.find((row) => String(row.id) === name)
}

/** Count and newest publication of the published articles and photos in some columns. */
export async function columnActivity(req: PayloadRequest, ids: Id[]) {
  let count = 0
  let lastUpdated: string | null = null
  const sources = [
    { collection: 'articles' as const, date: 'publishedDate' },
    { collection: 'photos' as const, date: 'updatedAt' },
  ]
  for (const { collection, date } of sources) {
    const where: Where = { and: [published, inColumns(ids)] }
    const { docs, totalDocs } = await req.payload.find({
      collection,
      where,
      sort: `-${date}`,
      limit: 1,
      depth: 0,
      select: { [date]: true } as never,
      req,
      overrideAccess: true,
    })
    count += totalDocs
    const newest = (docs[0] as Record<string, unknown> | undefined)?.[date] as string | undefined
    if (newest && (!lastUpdated || newest > lastUpdated)) lastUpdated = newest
  }
  return { count, lastUpdated }
}

/** The tree of the columns the caller may read. A column whose parent they may not read is left out. */
export async function columnTree(req: PayloadRequest): Promise<ColumnNode[]> {
  const rows = await readableColumns(req)
  const known = new Set(rows.map((row) => String(row.id)))
  const build = async (row: ColumnRow, seen: Set<string>): Promise<ColumnNode> => {
    const children = rows.filter(
      (child) => String(relationId(child.parent)) === String(row.id) && !seen.has(String(child.id)),
    )
    const activity = await columnActivity(req, withDescendants(rows, row.id))
    return {
      id: row.id,
      name: row.name,
      slug: row.slug ?? null,
      kind: row.kind ?? null,
      order: row.order ?? 0,
      cadenceDays: row.cadenceDays ?? null,
      ...activity,
      children: await Promise.all(
        children.map((child) => build(child, new Set([...seen, String(child.id)]))),
      ),
    }
  }
  const roots = rows.filter((row) => {
    const parent = relationId(row.parent)
    return parent == null || !known.has(String(parent))
  })
  const staff = !!req.user
  // For the public, a column under a parent they may not read is hidden with its parent.
  const visibleRoots = staff ? roots : roots.filter((row) => relationId(row.parent) == null)
  return Promise.all(visibleRoots.map((row) => build(row, new Set([String(row.id)]))))
}
