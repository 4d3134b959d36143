import type { CollectionSlug, PayloadRequest } from 'payload'

import { createDataloaderCacheKey, getDataLoader } from 'payload'

/**
 * Documents by id through Payload's request dataloader, which batches the loads of every document
 * in one response into one query. `asReader` applies the reader's access (an unpublished document
 * stays out for the public); without it the loader reads as the system. `draft` reads each
 * document's newest revision instead of its live (or only) version.
 */
export async function loadDocuments(
  req: PayloadRequest,
  collection: CollectionSlug,
  ids: (number | string)[],
  { asReader, draft = false }: { asReader: boolean; draft?: boolean },
): Promise<Map<string, Record<string, any>>> {
  const found = new Map<string, Record<string, any>>()
  if (!ids.length) return found
  const loader = req.payloadDataLoader ?? getDataLoader(req)
  const loaded = await Promise.all(
    ids.map((id) =>
      loader
        .load(
          createDataloaderCacheKey({
            collectionSlug: collection,
            currentDepth: 1,
            depth: 0,
            docID: id,
            draft,
            fallbackLocale: req.fallbackLocale!,
            locale: req.locale!,
            overrideAccess: !asReader,
            showHiddenFields: false,
            transactionID: req.transactionID!,
          }),
        )
        .catch(() => null),
    ),
  )
  loaded.forEach((doc, i) => {
    if (doc) found.set(String(ids[i]), doc as Record<string, any>)
  })
  return found
}
