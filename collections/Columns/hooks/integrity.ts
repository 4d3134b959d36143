import type { CollectionBeforeChangeHook, CollectionBeforeDeleteHook } from 'payload'

import { inColumns } from '../../../src/columns/tree'
import { relationId } from '../../../src/fields/relation'
import { asPayloadError } from '../../../src/http/endpoints'
import { HttpError } from '../../../src/http/errors'

/** A column may not sit under itself or under one of its own descendants. */
export const noParentLoop: CollectionBeforeChangeHook = async ({ data, originalDoc, req }) => {
  const selfId = originalDoc?.id
  let parent = relationId(data.parent ?? (data.parent === null ? null : originalDoc?.parent))
  const seen = new Set<string>()
  while (parent != null) {
    if (selfId != null && String(parent) === String(selfId)) {
      throw asPayloadError(
        new HttpError(
          400,
          'column-loop',
          '上级栏目不能是本栏目或它的下级栏目',
          'a column cannot sit under itself or its descendants',
        ),
      )
    }
    if (seen.has(String(parent))) break
    seen.add(String(parent))
    const row = await req.payload.findByID({
      collection: 'columns',
      id: parent,
      depth: 0,
      draft: true,
      select: { parent: true },
      disableErrors: true,
      req,
      overrideAccess: true,
    })
    parent = relationId(row?.parent)
  }
  return data
}

/** A column whose published content readers can reach is hidden, never deleted. */
export const keepPublishedColumns: CollectionBeforeDeleteHook = async ({ id, req }) => {
  for (const collection of ['articles', 'photos'] as const) {
    const { totalDocs } = await req.payload.count({
      collection,
      where: { and: [{ _status: { equals: 'published' } }, inColumns([id])] },
      req,
      overrideAccess: true,
    })
    if (totalDocs > 0) {
      throw asPayloadError(
        new HttpError(
          409,
          'column-in-use',
          `栏目下有 ${totalDocs} 条已发布内容,不能删除;如不再使用,请取消「对外公开」将其隐藏`,
          'a column with published content cannot be deleted, only hidden',
        ),
      )
    }
  }
  const { totalDocs: children } = await req.payload.count({
    collection: 'columns',
    where: { parent: { equals: id } },
    req,
    overrideAccess: true,
  })
  if (children > 0) {
    throw asPayloadError(
      new HttpError(
        409,
        'column-in-use',
        `栏目下还有 ${children} 个下级栏目,请先移走或删除它们`,
        'a column with child columns cannot be deleted',
      ),
    )
  }
}
