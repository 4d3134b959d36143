import type { PayloadRequest, TaskConfig } from 'payload'

import { withTransaction } from '../config/transaction'
import { SCHEDULER } from '../workflow/decide'
import { isLive, transition } from '../workflow/engine'
import { relationId, type Id } from '../fields/relation'
import { notifyUsers } from '../workflow/notify'
import { loadIfStillDue } from '../workflow/jobs'

export const RIGHTS_EXPIRED_COMMENT = '图片版权到期,自动撤下 (rights expired)'

/**
 * On a photo's rights-expiry date: withdraw it (a workflow event with the scheduler as actor) and
 * notify the editors of the published articles that use it, who must replace it.
 */
export const photoRightsExpiryTask: TaskConfig<'photoRightsExpiry'> = {
  slug: 'photoRightsExpiry',
  label: '图片版权到期 (photo rights expiry)',
  retries: 3,
  inputSchema: [
    { name: 'id', type: 'text', required: true },
    { name: 'at', type: 'text', required: true },
  ],
  handler: async ({ input, req }) => {
    return withTransaction(
      req.payload,
      async () => {
        const photo = await loadIfStillDue(req, 'photos', input.id, 'rightsExpireAt', input.at)
        if (!photo) return { output: { withdrawn: false } }
        // The live version is what readers see; a newer draft revision does not protect it.
        const live = await isLive(req, 'photos', input.id)
        if (live) {
          await transition(
            req,
            {
              collection: 'photos',
              id: input.id,
              action: 'withdraw',
              comment: RIGHTS_EXPIRED_COMMENT,
            },
            { actor: SCHEDULER },
          )
        }
        await notifyArticleEditors(req, photo)
        return { output: { withdrawn: live } }
      },
      { req },
    )
  },
}

async function notifyArticleEditors(req: PayloadRequest, photo: Record<string, any>) {
  const { docs } = await req.payload.find({
    collection: 'articles',
    where: { and: [{ usedPhotos: { in: [photo.id] } }, { _status: { equals: 'published' } }] },
    select: { title: true, createdBy: true, author: true },
    depth: 0,
    pagination: false,
    req,
    overrideAccess: true,
  })
  for (const article of docs) {
    // Ids as the database gives them: numbers on SQLite, strings on MongoDB.
    const editors = new Set(
      [article.createdBy, article.author].map(relationId).filter((id): id is Id => id != null),
    )
    await notifyUsers(req, [...editors], {
      kind: 'photo-rights',
      title: `图片版权到期:「${article.title}」需要换图`,
      message: `图片 #${photo.id}「${photo.caption ?? photo.filename}」版权已到期并撤下,请为文章更换图片。`,
      collectionSlug: 'articles',
      documentId: String(article.id),
    })
  }
}
