import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'

import { LRUCache } from 'lru-cache'

import { afterCommit } from '../config/afterCommit'

export type CachedResponse = {
  status: number
  body: Buffer
  etag: string
  contentType: string
  /** Ready-made headers for the fast path. */
  headers?: Record<string, string>
}

const KEY = Symbol.for('newsdesk.publicCache')
const GENERATION = Symbol.for('newsdesk.publicCacheGeneration')
type Holder = Record<symbol, unknown> & { [GENERATION]?: number }

/**
 * The byte cache of public responses, bounded by bytes (LRU). One per process, shared through
 * globalThis: Next's bundle and src/server.ts load separate copies of this module, and a write
 * through either must empty the one cache the delivery front reads.
 */
export function publicCache(): LRUCache<string, CachedResponse> {
  const holder = globalThis as unknown as Record<
    symbol,
    LRUCache<string, CachedResponse> | undefined
  >
  holder[KEY] ??= new LRUCache<string, CachedResponse>({
    maxSize: Number(process.env.PUBLIC_CACHE_MB || 64) * 1024 * 1024,
    sizeCalculation: (entry, key) => entry.body.length + key.length + 200,
    ttl: Number(process.env.PUBLIC_CACHE_TTL_SECONDS || 300) * 1000,
  })
  return holder[KEY]!
}

/**
 * Counts invalidations. A render remembers the generation it started in and is stored only if no
 * invalidation came in between: what it read may already be out of date.
 */
export const cacheGeneration = (): number => (globalThis as unknown as Holder)[GENERATION] ?? 0

export function emptyPublicCache() {
  const holder = globalThis as unknown as Holder
  holder[GENERATION] = cacheGeneration() + 1
  publicCache().clear()
}

/**
 * Anything a cached public response may include changed when an item was published, was changed
 * while published, or was withdrawn (its previous version was published). Responses embed related
 * items at any depth, so the whole cache goes: correct first, and a cold entry costs one render.
 *
 * Emptied twice: now, so that no render already under way is stored, and again after the
 * transaction commits, because until then a new render still reads the old, committed rows.
 */
export const invalidatePublicCache: CollectionAfterChangeHook & CollectionAfterDeleteHook = async ({
  doc,
  previousDoc,
  req,
}: any) => {
  if (
    doc?._status === 'published' ||
    previousDoc?._status === 'published' ||
    doc?.workflowState === 'withdrawn'
  ) {
    emptyPublicCache()
    await afterCommit(req, emptyPublicCache)
  }
  return doc
}

const ALIASES = Symbol.for('newsdesk.publicCacheAliases')

/**
 * GraphQL GET request lines → the cache key of the operation they name, so the fast path finds a
 * GraphQL entry by its request line alone. An alias to an entry that is gone is simply a miss.
 */
export function cacheAliases(): LRUCache<string, string> {
  const holder = globalThis as unknown as Record<symbol, LRUCache<string, string> | undefined>
  holder[ALIASES] ??= new LRUCache<string, string>({
    max: 10_000,
    maxSize: 8 * 1024 * 1024,
    sizeCalculation: (key, line) => key.length + line.length + 32,
  })
  return holder[ALIASES]!
}
