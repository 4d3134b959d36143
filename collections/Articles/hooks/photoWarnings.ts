import type { Field } from 'payload'

import { isStaffUser } from '../../../src/access/roles'
import { hiddenFromReaders, loadPhotos } from '../../../src/content/loadPhotos'
import { relationId, type Id } from '../../../src/fields/relation'
import { label } from '../../../src/config/i18n'

/**
 * For staff: the photos this article uses that the public cannot see (not published, or withdrawn),
 * whose slots therefore show readers only their captions. Staff reads only; the photos of every
 * article in a response are loaded in one batched query.
 */
export const photoWarningsField = (): Field => ({
  name: 'photoWarnings',
  type: 'json',
  virtual: true,
  label: label('图片提醒', 'Photo warnings'),
  access: { read: ({ req }) => isStaffUser(req.user) },
  admin: {
    readOnly: true,
    position: 'sidebar',
    description: label(
      '这些图片对读者不可见,文章中只显示图片说明',
      'Readers do not see these photos; their slots show only the caption',
    ),
    condition: (data) => Array.isArray(data?.photoWarnings) && data.photoWarnings.length > 0,
    components: { Field: '/src/admin/PhotoWarnings#PhotoWarnings' },
  },
  hooks: {
    afterRead: [
      async ({ siblingData, req }) => {
        if (!isStaffUser(req.user)) return undefined
        const ids = (siblingData?.usedPhotos ?? [])
          .map(relationId)
          .filter((id: Id | null): id is Id => id != null)
        // What readers see is the live version; where each photo stands now is its newest
        // revision's state (a photo saved as a draft and then submitted is 审核中, not 草稿).
        const [photos, latest] = await Promise.all([
          loadPhotos(req, ids, { asReader: false }),
          loadPhotos(req, ids, { asReader: false, draft: true }),
        ])
        return [...photos.values()].filter(hiddenFromReaders).map((photo) => {
          const now = latest.get(String(photo.id)) ?? photo
          return {
            id: photo.id,
            caption: now.caption ?? photo.caption ?? photo.filename,
            state: now.workflowState ?? photo.workflowState,
          }
        })
      },
    ],
  },
})
