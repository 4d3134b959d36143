import type { CollectionBeforeOperationHook } from 'payload'

import { asPayloadError } from '../http/endpoints'
import { HttpError } from '../http/errors'
import { byWorkflowEngine } from './context'

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
  const { docs } = await req.payload.findVersions({
    collection: collection.slug as 'articles',
    where: { parent: { equals: id } },
    sort: '-updatedAt',
    limit: 1,
    depth: 1,
    req,
    overrideAccess: true,
  })
  const latest = docs[0] as
    | {
        id: number | string
        updatedAt: string
        version?: { updatedAt?: string; lastChangedBy?: { name?: string } | null }
      }
    | undefined
  if (!latest) return args
  const stale = ifMatch
    ? ifMatch !== String(latest.id)
    : typeof readAt === 'string' &&
      latest.version?.updatedAt !== undefined &&
      new Date(readAt).getTime() < new Date(latest.version.updatedAt).getTime()
  if (!stale) return args
  const who = latest.version?.lastChangedBy?.name ?? '他人'
  const when = new Date(latest.updatedAt).toLocaleString('zh-CN', {
    timeZone: 'Asia/Shanghai',
    hour12: false,
  })
  throw asPayloadError(
    new HttpError(
      409,
      'stale-version',
      `保存失败:${who} 已于 ${when} 修改了本稿,您编辑的是旧版本,请刷新后再改`,
      `the document changed after you read it: ${who} at ${latest.updatedAt}`,
    ),
  )
}
