import type { PayloadRequest } from 'payload'

import { loadDocuments } from './loadDocuments'

/** Photos by id through the request dataloader (see loadDocuments). */
export const loadPhotos = (
  req: PayloadRequest,
  ids: (number | string)[],
  options: { asReader: boolean; draft?: boolean },
) => loadDocuments(req, 'photos', ids, options)
