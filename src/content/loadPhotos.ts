import type { PayloadRequest } from 'payload'

import { createDataloaderCacheKey, getDataLoader } from 'payload'

/**
 * Photos by id through Payload's request dataloader, which batches the loads of every document in
 * one response into one query. `asReader` applies the reader's access (an unpublished photo stays
 * out for the public); without it the loader reads as the system.
 */
export async function loadPhotos(
  req: PayloadRequest,
  ids: (number | string)[],
  { asReader }: { asReader: boolean },
): Promise<Map<string, Record<string, any>>> {
  const photos = new Map<string, Record<string, any>>()
  if (!ids.length) return photos
  const loader = req.payloadDataLoader ?? getDataLoader(req)
  const loaded = await Promise.all(
    ids.map((id) =>
      loader
        .load(
          createDataloaderCacheKey({
            collectionSlug: 'photos',
            currentDepth: 1,
            depth: 0,
            docID: id,
            draft: false,
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
  loaded.forEach((photo, i) => {
    if (photo) photos.set(String(ids[i]), photo as Record<string, any>)
  })
  return photos
}
