import type { Endpoint } from 'payload'

import { columnTree } from '../../../src/columns/tree'

/**
 * `GET /api/columns/tree`: the column tree with counts and last-updated times. Public: the delivery
 * front serves and caches it like any public read (and staff get it uncached, with their hidden
 * and draft columns).
 */
export const columnTreeEndpoint: Endpoint = {
  path: '/tree',
  method: 'get',
  handler: async (req) => {
    const tree = await columnTree(req)
    return Response.json(
      { docs: tree },
      { headers: { 'Cache-Control': req.user ? 'private, no-store' : 'public, max-age=60' } },
    )
  },
}
