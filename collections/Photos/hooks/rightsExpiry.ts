import type { CollectionAfterChangeHook } from 'payload'

/**
 * A photo with a rights-expiry date gets a job on the workflow queue for that moment; the job
 * (src/photodesk/rights.ts) withdraws it as the scheduler and tells the editors of the published
 * articles that use it. A changed date queues a new job; the old one finds the date moved and stops.
 */
export const scheduleRightsExpiry: CollectionAfterChangeHook = async ({
  doc,
  previousDoc,
  req,
}) => {
  const at = doc.rightsExpireAt ? new Date(doc.rightsExpireAt).toISOString() : null
  const before = previousDoc?.rightsExpireAt
    ? new Date(previousDoc.rightsExpireAt).toISOString()
    : null
  if (!at || at === before) return doc
  await req.payload.jobs.queue({
    task: 'photoRightsExpiry',
    queue: 'workflow',
    input: { id: String(doc.id), at },
    waitUntil: new Date(at),
    req,
  })
  return doc
}
