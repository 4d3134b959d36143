import type { Endpoint } from 'payload'

import { isStaffUser } from '../access/roles'
import { guarded, json } from '../http/endpoints'
import { HttpError } from '../http/errors'
import { checkParams, search } from './query'

/**
 * `GET /api/search?q=…&collection=articles,photos&limit=10&page=1`: published documents, ranked,
 * with `<mark>`ed snippets. Public: the delivery front caches, rate-limits and ETags it. Staff add
 * `scope=staff` to search every revision (drafts, items in review); nobody else may.
 */
export const searchEndpoint: Endpoint = {
  path: '/search',
  method: 'get',
  handler: guarded(async (req) => {
    const query = (req.query ?? {}) as Record<string, unknown>
    const params = checkParams(query)
    const staff = query.scope === 'staff'
    if (staff && !isStaffUser(req.user)) {
      throw new HttpError(
        401,
        'not-logged-in',
        '请先登录后再搜索全部稿件',
        'log in to search drafts',
      )
    }
    const result = await search(req, { ...params, scope: staff ? 'staff' : 'public' })
    if (staff) return json(result)
    return Response.json(result, { headers: { 'Cache-Control': 'public, max-age=60' } })
  }),
}
