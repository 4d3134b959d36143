import type { Endpoint } from 'payload'

import { guarded, json, requireStaff } from '../http/endpoints'
import { siteHealth } from './health'

/** `GET /api/site-health`: the inspection findings, for staff (the dashboard panel reads it). */
export const siteHealthEndpoint: Endpoint = {
  path: '/site-health',
  method: 'get',
  handler: guarded(async (req) => {
    requireStaff(req)
    const report = await siteHealth(req)
    const counts: Record<string, number> = {}
    for (const finding of report.findings) counts[finding.kind] = (counts[finding.kind] ?? 0) + 1
    return json({ ...report, counts })
  }),
}
