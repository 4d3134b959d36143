import type { CollectionBeforeOperationHook } from 'payload'

import { asPayloadError } from '../http/endpoints'
import { HttpError } from '../http/errors'
import { byWorkflowEngine, latestVersion } from './context'

/**
 * A save made against a stale copy is refused with 409 instead of silently overwriting what
 * someone saved meanwhile (Payload's document lock does not stop a second tab or an API client).
 * The copy is named by `If-Match: "<version id>"` (the id GET /workflow and every version list
 * give), or by the `updatedAt` the copy was read with, which the admin's form sends back.
 */
export const refuseStaleSave: CollectionBeforeOperationHook = async ({
  args,
  operation,
  req,
  collection,
}) => {
  if (operation !== 'update' || byWorkflowEngine(req) || !req.user) return args
  const id = (args as { id?: number | string }).id
  if (id === undefined) return args
  const ifMatch = req.headers?.get('if-match')?.replace(/^W\//, '').replace(/"/g, '').trim()
  const readAt = (args.data as { updatedAt?: unknown } | undefined)?.updatedAt
  if (!ifMatch && typeof readAt !== 'string') return args
  const latest = await latestVersion(req, collection.slug, id)
  if (!latest) return args
  const stale = ifMatch
    ? ifMatch !== latest.id
    : typeof readAt === 'string' &&
      latest.contentUpdatedAt !== undefined &&
      new Date(readAt).getTime() < new Date(latest.contentUpdatedAt).getTime()
  if (!stale) return args
  throw asPayloadError(
    new HttpError(
      409,
      'stale-version',
      `保存失败:${latest.by} 已于 ${latest.at} 修改了本稿,您编辑的是旧版本,请刷新后再改`,
      `the document changed after you read it: ${latest.by} at ${latest.updatedAt}`,
    ),
  )
}
