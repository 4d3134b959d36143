/**
 * Invalidation of the public cache, in this process and in every other one on the same database.
 *
 * A change that public readers can see (a publish, an edit of a live item, a withdrawal, a delete)
 * drops the cached entries that depend on the document (delivery/dependencies.ts) and writes the
 * tags it dropped to `delivery-invalidations`, in the change's own transaction. Every server
 * process follows that collection: on MongoDB through a change stream, on SQLite (where several
 * processes share one file) by reading the newest row id, its version stamp, every
 * INVALIDATION_POLL_MS (250). A withdrawal through one instance is gone from the others' caches
 * well within a second.
 */
import { randomUUID } from 'node:crypto'

import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  CollectionConfig,
  Payload,
  PayloadRequest,
} from 'payload'

import { serverOnly } from '../access/internals'
import { afterCommit } from '../config/afterCommit'
import { label } from '../config/i18n'
import { emptyPublicCache, invalidateTags } from './cache'
import { changeTags, joinTagsOf } from './dependencies'
import { refreshReadModel } from './readModel'

export const INVALIDATIONS = 'delivery-invalidations'
/** Rows older than this are of no use to anyone (an instance polls several times a second). */
const KEEP_MINUTES = 10

export const DeliveryInvalidations: CollectionConfig = {
  slug: INVALIDATIONS,
  labels: {
    singular: label('缓存失效记录', 'Cache invalidation'),
    plural: label('缓存失效记录', 'Cache invalidations'),
  },
  admin: { hidden: true },
  access: serverOnly,
  graphQL: false,
  fields: [
    // The tags dropped; an empty list means everything.
    { name: 'tags', type: 'json', required: true, label: label('失效标签', 'Tags') },
    // The process that wrote the row, which has applied it already.
    { name: 'origin', type: 'text', required: true, label: label('来源实例', 'Instance') },
  ],
}

const ORIGIN = Symbol.for('newsdesk.instanceId')

/** This process's id, the same in Next's bundle and in the server's modules. */
export function instanceId(): string {
  const holder = globalThis as unknown as Record<symbol, string | undefined>
  holder[ORIGIN] ??= randomUUID()
  return holder[ORIGIN]!
}

/**
 * Drops the entries that depend on the tags (`null`: every entry) now, so that no render already
 * under way is kept; tells the other instances, in the same transaction; and drops them again after
 * the commit, because until then a new render still reads the old, committed rows.
 */
export async function invalidate(req: PayloadRequest, tags: string[] | null) {
  const apply = () => (tags ? invalidateTags(tags) : emptyPublicCache())
  apply()
  await req.payload.create({
    collection: INVALIDATIONS as never,
    data: { tags: tags ?? [], origin: instanceId() } as never,
    depth: 0,
    overrideAccess: true,
    req,
  })
  await afterCommit(req, apply)
}

type Doc = { id: number | string } & Record<string, unknown>

/**
 * A change a public reader can see, in the change's transaction: the read model follows it, then
 * the cached answers that depend on it are dropped, here and in every other instance, and nothing
 * else. Publishing an article leaves a cached project page alone unless the page shows it.
 */
export async function publicChange(
  req: PayloadRequest,
  collection: string,
  doc: Doc,
  previousDoc?: Doc | null,
) {
  const tags = [
    ...changeTags(collection, doc.id),
    ...joinTagsOf(req.payload.config.collections, collection, [doc, previousDoc]),
  ]
  // The read model first: what a render after the commit reads must already be the new version.
  await refreshReadModel(req, collection, doc.id, tags)
  await invalidate(req, tags)
}

/** The collections' hook: a change to what is or was published, or a withdrawal, is public. */
export const invalidatePublicCache: CollectionAfterChangeHook & CollectionAfterDeleteHook = async ({
  collection,
  doc,
  previousDoc,
  req,
}: any) => {
  if (
    doc?._status === 'published' ||
    previousDoc?._status === 'published' ||
    doc?.workflowState === 'withdrawn'
  )
    await publicChange(req, collection.slug, doc, previousDoc)
  return doc
}

type Row = { id: number | string; tags: unknown; origin: string }

/**
 * Follows the invalidations other instances write and applies them here. Returns a stop function.
 * On MongoDB a change stream pushes each row; where there is none (a server that is not a replica
 * set), and on SQLite, the newest id is polled.
 */
export function followInvalidations(
  payload: Payload,
  { intervalMs = Number(process.env.INVALIDATION_POLL_MS || 250) } = {},
): () => void {
  let stopped = false
  let last: number | string | undefined
  let timer: NodeJS.Timeout | undefined
  let lastPrune = 0
  const me = instanceId()

  const applyRow = (row: Row) => {
    if (row.origin === me) return
    const tags = Array.isArray(row.tags) ? (row.tags as string[]) : []
    if (tags.length) invalidateTags(tags)
    else emptyPublicCache()
  }

  const newest = async () => {
    const { docs } = await payload.find({
      collection: INVALIDATIONS as never,
      sort: '-id',
      limit: 1,
      depth: 0,
      pagination: false,
      overrideAccess: true,
    })
    return (docs[0] as unknown as Row | undefined)?.id
  }

  const poll = async () => {
    try {
      if (last === undefined) {
        last = (await newest()) ?? 0
        return
      }
      const { docs } = await payload.find({
        collection: INVALIDATIONS as never,
        where: { id: { greater_than: last } },
        sort: 'id',
        limit: 1000,
        depth: 0,
        pagination: false,
        overrideAccess: true,
      })
      const rows = docs as unknown as Row[]
      // More than a page behind: whatever was missed, nothing cached here can be trusted.
      if (rows.length === 1000) emptyPublicCache()
      else rows.forEach(applyRow)
      if (rows.length) last = rows.at(-1)!.id
      if (Date.now() - lastPrune > 60_000) {
        lastPrune = Date.now()
        await prune(payload)
      }
    } catch (error) {
      // A busy database is asked again at the next tick; the cache's TTL bounds what is missed.
      payload.logger.warn({ err: error, msg: 'reading delivery invalidations failed' })
    }
  }

  const loop = async () => {
    await poll()
    if (!stopped) {
      timer = setTimeout(() => void loop(), intervalMs)
      timer.unref()
    }
  }

  const stream = changeStream(payload, applyRow)
  if (stream) {
    stream.on('error', () => {
      // Not a replica set: poll instead.
      stream.close().catch(() => undefined)
      if (!stopped) void loop()
    })
  } else void loop()

  return () => {
    stopped = true
    if (timer) clearTimeout(timer)
    stream?.close().catch(() => undefined)
  }
}

type Stream = {
  on: (event: string, listener: (value: any) => void) => unknown
  close: () => Promise<unknown>
}

/** A MongoDB change stream of new rows, or undefined on SQLite. */
function changeStream(payload: Payload, apply: (row: Row) => void): Stream | undefined {
  const model = (
    payload.db as { collections?: Record<string, { watch?: (pipeline: object[]) => unknown }> }
  ).collections?.[INVALIDATIONS]
  if (payload.db.name !== 'mongoose' || typeof model?.watch !== 'function') return undefined
  const stream = model.watch([{ $match: { operationType: 'insert' } }]) as Stream
  stream.on('change', (change: { fullDocument?: Row & { _id?: unknown } }) => {
    if (change.fullDocument) apply({ ...change.fullDocument, id: String(change.fullDocument._id) })
  })
  return stream
}

/** Deletes rows no instance still needs. */
async function prune(payload: Payload) {
  const before = new Date(Date.now() - KEEP_MINUTES * 60_000).toISOString()
  await payload.delete({
    collection: INVALIDATIONS as never,
    where: { createdAt: { less_than: before } },
    overrideAccess: true,
  })
}
