/**
 * Where the search index lives: in the database the product already runs on, no new server.
 * SQLite: two FTS5 tables (public and staff) of space-joined jieba tokens, tokenised by unicode61,
 * ranked by bm25 with the title weighted. MongoDB: two collections with a text index over the
 * token fields (`default_language: 'none'`, so no English stemming or stop words), ranked by
 * textScore. Writes join the caller's transaction (`req`), so an index row commits with the change
 * that made it.
 */
import type { Payload, PayloadRequest } from 'payload'

import { sql } from '@payloadcms/db-sqlite'

export type Scope = 'public' | 'staff'

export type IndexRow = {
  collection: string
  id: number | string
  /** Tokens, space-joined. */
  titleTokens: string
  bodyTokens: string
  /** Single characters and digit/Latin runs of title and text, for substring phrases. */
  titleGrams: string
  bodyGrams: string
  /** The text as shown in results. */
  title: string
  body: string
  slug?: string | null
  date?: string | null
}

export type Hit = {
  collection: string
  id: string
  title: string
  body: string
  slug: string | null
  date: string | null
  score: number
}

export type SearchQuery = {
  /** FTS terms: each inner list is a group of alternatives; all groups must match. */
  groups: string[][]
  collections: string[]
  limit: number
  offset: number
}

export const INDEXED_COLLECTIONS = ['articles', 'photos', 'projects'] as const

const TABLE: Record<Scope, string> = { public: 'search_public', staff: 'search_staff' }
const TITLE_WEIGHT = 5

/** A row id that is the same for a document across saves, so replacing a row is one lookup. */
function rowId(collection: string, id: number | string): number {
  const index = (INDEXED_COLLECTIONS as readonly string[]).indexOf(collection)
  return (index + 1) * 1_000_000_000 + Number(id)
}

const isSqlite = (payload: Payload) => payload.db.name !== 'mongoose'

async function sqliteDb(payload: Payload, req?: PayloadRequest): Promise<any> {
  const db = payload.db as any
  const id = req ? await req.transactionID : undefined
  return (id !== undefined && db.sessions?.[id]?.db) || db.drizzle
}

async function mongoCollection(payload: Payload, scope: Scope, req?: PayloadRequest) {
  const db = payload.db as any
  const id = req ? await req.transactionID : undefined
  const session = id !== undefined ? db.sessions?.[id] : undefined
  const collection = db.connection.db.collection(TABLE[scope])
  return { collection, options: session ? { session } : {} }
}

/** The MongoDB text indexes; SQLite's tables come from a migration. Safe to call again. */
export async function ensureSearchIndexes(payload: Payload): Promise<void> {
  if (isSqlite(payload)) return
  for (const scope of ['public', 'staff'] as const) {
    const { collection } = await mongoCollection(payload, scope)
    await collection.createIndex(
      { titleTokens: 'text', bodyTokens: 'text', titleGrams: 'text', bodyGrams: 'text' },
      {
        name: 'tokens_text',
        default_language: 'none',
        weights: {
          titleTokens: TITLE_WEIGHT,
          bodyTokens: 1,
          titleGrams: TITLE_WEIGHT,
          bodyGrams: 1,
        },
      },
    )
    await collection.createIndex({ collection: 1, docId: 1 }, { unique: true })
  }
}

export async function putRow(
  payload: Payload,
  scope: Scope,
  row: IndexRow,
  req?: PayloadRequest,
): Promise<void> {
  if (isSqlite(payload)) {
    const db = await sqliteDb(payload, req)
    const table = sql.raw(TABLE[scope])
    const rowid = rowId(row.collection, row.id)
    await db.run(sql`DELETE FROM ${table} WHERE rowid = ${rowid}`)
    await db.run(
      sql`INSERT INTO ${table} (rowid, collection, doc_id, title, body, tgrams, bgrams, title_text, body_text, slug, date)
          VALUES (${rowid}, ${row.collection}, ${String(row.id)}, ${row.titleTokens}, ${row.bodyTokens},
                  ${row.titleGrams}, ${row.bodyGrams}, ${row.title}, ${row.body}, ${row.slug ?? null}, ${row.date ?? null})`,
    )
    return
  }
  const { collection, options } = await mongoCollection(payload, scope, req)
  await collection.replaceOne(
    { collection: row.collection, docId: String(row.id) },
    {
      collection: row.collection,
      docId: String(row.id),
      titleTokens: row.titleTokens,
      bodyTokens: row.bodyTokens,
      titleGrams: row.titleGrams,
      bodyGrams: row.bodyGrams,
      title: row.title,
      body: row.body,
      slug: row.slug ?? null,
      date: row.date ?? null,
    },
    { ...options, upsert: true },
  )
}

export async function dropRow(
  payload: Payload,
  scope: Scope,
  collectionSlug: string,
  id: number | string,
  req?: PayloadRequest,
): Promise<void> {
  if (isSqlite(payload)) {
    const db = await sqliteDb(payload, req)
    await db.run(
      sql`DELETE FROM ${sql.raw(TABLE[scope])} WHERE rowid = ${rowId(collectionSlug, id)}`,
    )
    return
  }
  const { collection, options } = await mongoCollection(payload, scope, req)
  await collection.deleteOne({ collection: collectionSlug, docId: String(id) }, options)
}

/** Merges the FTS5 segments into one after a bulk load: fewer segments, faster queries. */
export async function optimizeIndexes(payload: Payload): Promise<void> {
  if (!isSqlite(payload)) return
  for (const scope of ['public', 'staff'] as const) {
    const table = sql.raw(TABLE[scope])
    await (payload.db as any).drizzle.run(sql`INSERT INTO ${table}(${table}) VALUES('optimize')`)
  }
}

export async function clearIndex(payload: Payload, scope: Scope, req?: PayloadRequest) {
  if (isSqlite(payload)) {
    const db = await sqliteDb(payload, req)
    await db.run(sql`DELETE FROM ${sql.raw(TABLE[scope])}`)
    return
  }
  const { collection, options } = await mongoCollection(payload, scope, req)
  await collection.deleteMany({}, options)
}

const hitOf = (row: any): Hit => ({
  collection: String(row.collection),
  id: String(row.doc_id),
  title: String(row.title_text ?? ''),
  body: String(row.body_text ?? ''),
  slug: (row.slug ?? null) as string | null,
  date: (row.date ?? null) as string | null,
  score: 0,
})

/** The count stops here (`moreThan` says so): counting every match of a common word costs. */
export const COUNT_CAP = 1000

async function querySqlite(payload: Payload, scope: Scope, query: SearchQuery) {
  const db = (payload.db as any).drizzle
  const table = sql.raw(TABLE[scope])
  const match = ftsMatch(query.groups)
  const only = query.collections.length
    ? sql` AND collection IN (${sql.join(
        query.collections.map((c) => sql`${c}`),
        sql`, `,
      )})`
    : sql``
  // Weights by column: title words and title pairs TITLE_WEIGHT, text words 1, text pairs less
  // (they only catch what segmentation missed).
  const score = sql`bm25(${table}, 0, 0, ${TITLE_WEIGHT}, 1, ${TITLE_WEIGHT}, 0.5, 0, 0, 0, 0)`
  const rows = (await db.all(
    sql`SELECT collection, doc_id, title_text, body_text, slug, date, ${score} AS score
        FROM ${table} WHERE ${table} MATCH ${match}${only}
        ORDER BY score LIMIT ${query.limit} OFFSET ${query.offset}`,
  )) as any[]
  // A page that is not full is the last one: its count needs no second pass.
  const total =
    rows.length < query.limit && (rows.length > 0 || query.offset === 0)
      ? query.offset + rows.length
      : Number(
          (
            await db.all(
              sql`SELECT count(*) AS n FROM (SELECT 1 FROM ${table} WHERE ${table} MATCH ${match}${only}
                  LIMIT ${COUNT_CAP + 1})`,
            )
          )[0]?.n ?? 0,
        )
  return {
    hits: rows.map((row) => ({ ...hitOf(row), score: -Number(row.score ?? 0) })),
    total: Math.min(total, COUNT_CAP),
    moreThan: total > COUNT_CAP,
  }
}

/** FTS5 query text: every term quoted (a quote doubled), alternatives OR-ed, groups AND-ed. */
export function ftsMatch(groups: string[][]): string {
  // A gram prefix (`湖*`) stays a prefix query outside its quotes.
  const quote = (term: string) =>
    term.endsWith('*') && term.length > 1
      ? `"${term.slice(0, -1).replace(/"/g, '""')}"*`
      : `"${term.replace(/"/g, '""')}"`
  return groups
    .map((group) => (group.length === 1 ? quote(group[0]!) : `(${group.map(quote).join(' OR ')})`))
    .join(' AND ')
}

export async function queryIndex(
  payload: Payload,
  scope: Scope,
  query: SearchQuery,
): Promise<{ hits: Hit[]; total: number; moreThan?: boolean }> {
  if (!query.groups.length) return { hits: [], total: 0 }
  if (isSqlite(payload)) return querySqlite(payload, scope, query)
  // MongoDB's $text ORs plain words and ANDs quoted phrases, with no OR between phrases: each
  // group becomes its gram phrase (a substring of the text, so no segmentation can miss it), or
  // its plain words when it has alternatives (pinyin initials).
  const { collection } = await mongoCollection(payload, scope)
  const search = query.groups
    .map((group) =>
      group.length <= 2 && group.at(-1)!.includes(' ')
        ? `"${group.at(-1)!.replace(/"/g, '')}"`
        : group.length === 1
          ? `"${group[0]!.replace(/"/g, '')}"`
          : group.filter((term) => !term.includes(' ')).join(' '),
    )
    .join(' ')
  const filter = {
    $text: { $search: search },
    ...(query.collections.length ? { collection: { $in: query.collections } } : {}),
  }
  const docs = await collection
    .find(filter, { projection: { score: { $meta: 'textScore' } } })
    .sort({ score: { $meta: 'textScore' } })
    .skip(query.offset)
    .limit(query.limit)
    .toArray()
  const total = await collection.countDocuments(filter)
  return {
    hits: docs.map((doc: any) => ({
      collection: doc.collection,
      id: String(doc.docId),
      title: doc.title ?? '',
      body: doc.body ?? '',
      slug: doc.slug ?? null,
      date: doc.date ?? null,
      score: Number(doc.score ?? 0),
    })),
    total,
  }
}
