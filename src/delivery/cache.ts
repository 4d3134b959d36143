import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'

import { LRUCache } from 'lru-cache'

export type CachedResponse = {
  status: number
  body: Buffer
  etag: string
  contentType: string
  /** Ready-made headers for the fast path. */
  headers?: Record<string, string>
}

const KEY = Symbol.for('newsdesk.publicCache')

/**
 * The byte cache of public responses, bounded by bytes (LRU). One per process, shared through
 * globalThis: Next's bundle and src/server.ts load separate copies of this module, and a write
 * through either must empty the one cache the delivery front reads.
 */
export function publicCache(): LRUCache<string, CachedResponse> {
  const holder = globalThis as unknown as Record<symbol, LRUCache<string, CachedResponse> | undefined>
  holder[KEY] ??= new LRUCache<string, CachedResponse>({
    maxSize: Number(process.env.PUBLIC_CACHE_MB || 64) * 1024 * 1024,
    sizeCalculation: (entry, key) => entry.body.length + key.length + 200,
    ttl: Number(process.env.PUBLIC_CACHE_TTL_SECONDS || 300) * 1000,
  })
  return holder[KEY]!
}

/**
 * Anything a cached public response may include changed when an item was published, was changed
 * while published, or was withdrawn (its previous version was published). Responses embed related
 * items at any depth, so the whole cache goes: correct first, and a cold entry costs one render.
 */
export const invalidatePublicCache: CollectionAfterChangeHook & CollectionAfterDeleteHook = ({ doc, previousDoc }: any) => {
  if (doc?._status === 'published' || previousDoc?._status === 'published' || doc?.workflowState === 'withdrawn') {
    publicCache().clear()
  }
  return doc
}
