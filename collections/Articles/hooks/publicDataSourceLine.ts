import type { FieldHook } from 'payload'

import { isStaffUser } from '../../../src/access/roles'
import { loadDocuments } from '../../../src/content/loadDocuments'
import { relationId, type Id } from '../../../src/fields/relation'
import { dataSourceLine } from './deriveArticleText'

/**
 * The stored line names every linked office, published or not, for staff. A public reader gets it
 * rebuilt from the data sources they may read, so an office whose entry is still a draft (or was
 * withdrawn) is never named. One batched load per response, through the request dataloader.
 */
export const publicDataSourceLine: FieldHook = async ({
  value,
  siblingData,
  req,
  overrideAccess,
}) => {
  // Staff, and the system's own reads (the engine, the importer), see the line as stored.
  if (overrideAccess || isStaffUser(req.user)) return value
  const ids = ((siblingData?.dataSources ?? []) as unknown[])
    .map(relationId)
    .filter((id): id is Id => id != null)
  if (!ids.length) return null
  const readable = await loadDocuments(req, 'data-sources', ids, { asReader: true })
  return dataSourceLine(ids.map((id) => String(readable.get(String(id))?.office ?? '')))
}
