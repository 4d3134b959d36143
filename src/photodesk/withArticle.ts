import { HttpError } from '../http/errors'
import { transition } from '../workflow/engine'
import { photosUsedBy } from '../workflow/photos'
import type { Effect } from '../workflow/steps'

/**
 * An article's photos go live with it: publishing an article publishes, in the same transaction,
 * the approved photos it uses, as the same actor. If any of them is not yet approved, the whole
 * publication is refused with the list (and rolled back).
 */
export const publishPhotosWithArticle: Effect = async ({ req, action, doc, actor }) => {
  if (action !== 'publish') return
  const ids = photosUsedBy(doc as { coverPhoto?: unknown; body?: unknown })
  if (!ids.length) return
  const { docs } = await req.payload.find({
    collection: 'photos',
    where: { id: { in: ids } },
    draft: true,
    depth: 0,
    limit: ids.length,
    pagination: false,
    select: { caption: true, filename: true, workflowState: true },
    req,
    overrideAccess: true,
  })
  const blocked = docs.filter(
    (photo) => !['approved', 'published'].includes(String(photo.workflowState)),
  )
  if (blocked.length) {
    const list = blocked
      .map((p) => `#${p.id}「${p.caption || p.filename}」(${p.workflowState})`)
      .join('、')
    throw new HttpError(
      409,
      'photos-not-approved',
      `文章使用的图片尚未审核通过,不能发布:${list}`,
      'photos not yet approved',
    )
  }
  for (const photo of docs.filter((p) => p.workflowState === 'approved')) {
    await transition(req, { collection: 'photos', id: photo.id, action: 'publish' }, { actor })
  }
}
