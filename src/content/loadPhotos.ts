import type { PayloadRequest } from 'payload'

import { loadDocuments } from './loadDocuments'

/** A photo the public cannot see: never published, or withdrawn (its slot shows only the caption). */
export const hiddenFromReaders = (photo: { _status?: unknown; workflowState?: unknown }) =>
  photo._status !== 'published' || photo.workflowState === 'withdrawn'

/** Photos by id through the request dataloader (see loadDocuments). */
export const loadPhotos = (
  req: PayloadRequest,
  ids: (number | string)[],
  options: { asReader: boolean; draft?: boolean },
) => loadDocuments(req, 'photos', ids, options)
