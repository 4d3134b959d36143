/**
 * Rebuilds both search indexes from the documents: every document's newest revision into the
 * staff index, every live version into the public one. One transaction per collection page.
 */
import type { Payload } from 'payload'

import { published } from '../access/content'
import { withTransaction } from '../config/transaction'
import { loadSearchDictionary } from './dictionary'
import { indexRow } from './indexer'
import {
  clearIndex,
  ensureSearchIndexes,
  INDEXED_COLLECTIONS,
  optimizeIndexes,
  putRow,
} from './store'

const PAGE = 200

export async function reindexSearch(
  payload: Payload,
  onProgress: (collection: string, done: number) => void = () => {},
): Promise<{ staff: number; public: number }> {
  await ensureSearchIndexes(payload)
  await loadSearchDictionary(payload)
  await withTransaction(payload, async (req) => {
    await clearIndex(payload, 'staff', req)
    await clearIndex(payload, 'public', req)
  })
  const counts = { staff: 0, public: 0 }
  for (const collection of INDEXED_COLLECTIONS) {
    for (const scope of ['staff', 'public'] as const) {
      for (let page = 1; ; page += 1) {
        const { docs, hasNextPage } = await payload.find({
          collection,
          draft: scope === 'staff',
          where: scope === 'public' ? published : undefined,
          depth: 0,
          limit: PAGE,
          page,
          overrideAccess: true,
        })
        await withTransaction(payload, async (req) => {
          for (const doc of docs) {
            const row = indexRow(collection, doc as Record<string, any>)
            if (row) await putRow(payload, scope, row, req)
          }
        })
        counts[scope] += docs.length
        onProgress(collection, counts[scope])
        if (!hasNextPage) break
      }
    }
  }
  await optimizeIndexes(payload)
  return counts
}
