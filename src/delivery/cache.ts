import { LRUCache } from 'lru-cache'

import { EVERYTHING } from './dependencies'

export type CachedResponse = {
  status: number
  body: Buffer
  etag: string
  contentType: string
  /** Ready-made headers for the fast path. */
  headers?: Record<string, string>
  /** What the response depends on (delivery/dependencies.ts). */
  tags?: string[]
}

const KEY = Symbol.for('newsdesk.publicCache')
const STATE = Symbol.for('newsdesk.publicCacheState')

type State = {
  /** Counts invalidations; a render remembers the one it started in. */
  generation: number
  /** Cache keys by tag, for dropping exactly the entries a change touches. */
  byTag: Map<string, Set<string>>
  /** The latest invalidations, newest last: which tags each dropped (null: everything). */
  recent: { generation: number; tags: Set<string> | null }[]
}

/** How many invalidations a render in progress can be checked against before it is not kept. */
const RECENT = 1000

function state(): State {
  const holder = globalThis as unknown as Record<symbol, State | undefined>
  holder[STATE] ??= { generation: 0, byTag: new Map(), recent: [] }
  return holder[STATE]!
}

function untag(key: string, tags: string[] | undefined) {
  const { byTag } = state()
  for (const tag of tags ?? [EVERYTHING]) {
    const keys = byTag.get(tag)
    if (!keys) continue
    keys.delete(key)
    if (!keys.size) byTag.delete(tag)
  }
}

/**
 * The byte cache of public responses, bounded by bytes (LRU). One per process, shared through
 * globalThis: Next's bundle and src/server.ts load separate copies of this module, and a write
 * through either must reach the one cache the delivery front reads.
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
    dispose: (entry, key) => untag(key, entry.tags),
  })
  return holder[KEY]!
}

/** The invalidation count now: a render started now passes it to storeIfCurrent. */
export const cacheGeneration = (): number => state().generation

/**
 * Keeps a rendered entry unless something it read changed while it rendered (what it read may then
 * be out of date): an invalidation since `generation` of one of its tags, of everything, or of
 * anything at all when the entry depends on everything.
 */
export function storeIfCurrent(key: string, entry: CachedResponse, generation: number): boolean {
  const { recent, byTag } = state()
  const tags = entry.tags?.length ? entry.tags : [EVERYTHING]
  // Older than the invalidations remembered: what came between is unknown.
  if (recent.length && generation < recent[0]!.generation - 1) return false
  for (const change of recent) {
    if (change.generation <= generation) continue
    if (!change.tags || tags.includes(EVERYTHING)) return false
    if (tags.some((tag) => change.tags!.has(tag))) return false
  }
  const cache = publicCache()
  cache.set(key, { ...entry, tags })
  for (const tag of tags) {
    let keys = byTag.get(tag)
    if (!keys) byTag.set(tag, (keys = new Set()))
    keys.add(key)
  }
  return true
}

function remember(tags: Set<string> | null) {
  const current = state()
  current.generation += 1
  current.recent.push({ generation: current.generation, tags })
  if (current.recent.length > RECENT) current.recent.shift()
}

/** Drops every entry. */
export function emptyPublicCache() {
  remember(null)
  publicCache().clear()
  state().byTag.clear()
}

/** Drops the entries that depend on any of the tags, and those that depend on everything. */
export function invalidateTags(tags: Iterable<string>) {
  const dropped = new Set(tags)
  remember(dropped)
  const cache = publicCache()
  const { byTag } = state()
  for (const tag of [...dropped, EVERYTHING]) {
    for (const key of [...(byTag.get(tag) ?? [])]) cache.delete(key)
  }
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
