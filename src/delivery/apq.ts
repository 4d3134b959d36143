import { createHash } from 'node:crypto'

import { LRUCache } from 'lru-cache'

/**
 * Automatic persisted queries (Apollo's APQ protocol): a client sends only the SHA-256 of its
 * query; if the server does not know it, the client sends the query once with its hash, and from
 * then on GET requests by hash alone are short and cacheable by CDNs.
 */
const known = new LRUCache<string, string>({
  max: 5000,
  maxSize: 16 * 1024 * 1024,
  sizeCalculation: (query) => query.length + 64,
})

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex')

/** `register`: the hash to remember once the query has run (registerPersistedQuery). */
export type ApqResult = { query: string; register?: string } | { error: 'not-found' | 'mismatch' }

/**
 * Remembers a query under its hash: called only after the query validated and ran, so a query
 * over the cost budget (or invalid) is never registered and a hash-only request cannot run it.
 */
export function registerPersistedQuery(hash: string, query: string) {
  known.set(hash, query)
}

export function resolvePersistedQuery(
  query: string | undefined,
  hash: string | undefined,
): ApqResult | undefined {
  if (!hash) return query ? { query } : undefined
  if (!/^[a-f0-9]{64}$/i.test(hash)) return { error: 'mismatch' }
  if (query) {
    if (sha256(query) !== hash.toLowerCase()) return { error: 'mismatch' }
    return { query, register: hash.toLowerCase() }
  }
  const stored = known.get(hash.toLowerCase())
  return stored ? { query: stored } : { error: 'not-found' }
}
