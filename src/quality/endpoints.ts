import type { Endpoint, PayloadRequest } from 'payload'

import { addDataAndFileToRequest } from 'payload'

import { WRITERS } from '../access/content'
import { hasRole } from '../access/roles'
import { withTransaction } from '../config/transaction'
import { queueWebhooks } from '../delivery/webhooks'
import { recordEvent } from '../workflow/events'
import { HttpError } from '../http/errors'
import { guarded, json, loadLatest, requireStaff } from '../http/endpoints'
import { slugify } from '../fields/slug'
import { asEngine } from '../workflow/context'
import { correctionsWith } from '../workflow/engine'
import type { State } from '../workflow/table'
import { runChecks } from './checks'
import { applyFix, type FixRequest } from './proof/fix'
import { findPersonalData, maskAll } from './personal'
import { articleSegments } from '../content/segments'

/** Text nodes and photo captions of a Lexical body, with personal data masked. */
function maskBody(node: any): any {
  if (!node || typeof node !== 'object') return node
  if (Array.isArray(node)) return node.map(maskBody)
  const copy: any = { ...node }
  if (typeof copy.text === 'string') copy.text = maskAll(copy.text)
  if (
    copy.type === 'block' &&
    copy.fields?.blockType === 'photoSlot' &&
    typeof copy.fields.caption === 'string'
  ) {
    copy.fields = { ...copy.fields, caption: maskAll(copy.fields.caption) }
  }
  if (copy.children) copy.children = maskBody(copy.children)
  if (copy.root) copy.root = maskBody(copy.root)
  return copy
}

/** Staff whose role may edit articles: fixes and masking change the text. */
function requireWriter(req: PayloadRequest) {
  requireStaff(req)
  if (!hasRole(req.user, ...WRITERS))
    throw new HttpError(403, 'forbidden', '您的角色不能修改文章', 'your role may not edit articles')
}

export const checksEndpoints: Endpoint[] = [
  {
    // POST /api/articles/:id/checks/fix: a finding's unambiguous fix, saved as a draft revision.
    path: '/:id/checks/fix',
    method: 'post',
    handler: guarded(async (req) => {
      requireWriter(req)
      await addDataAndFileToRequest(req)
      const doc = await loadLatest(req, 'articles')
      const data = applyFix(doc, (req.data ?? {}) as FixRequest)
      await req.payload.update({
        collection: 'articles',
        id: doc.id,
        data,
        draft: true,
        depth: 0,
        req,
        overrideAccess: false,
        user: req.user,
      })
      const latest = await loadLatest(req, 'articles')
      return json({ id: doc.id, ...(await runChecks(req, latest)) })
    }),
  },
  {
    // GET /api/articles/:id/checks: what the machine review found in the latest revision.
    path: '/:id/checks',
    method: 'get',
    handler: guarded(async (req) => {
      const doc = await loadLatest(req, 'articles')
      return json({ id: doc.id, ...(await runChecks(req, doc)) })
    }),
  },
  {
    // POST /api/articles/:id/checks/mask: mask every ID number, mobile and email in one action.
    path: '/:id/checks/mask',
    method: 'post',
    handler: guarded(async (req) => {
      requireWriter(req)
      return json(await maskPersonalData(req))
    }),
  },
]

/** Masking is a correction, not a new revision: the state stays, and a live item is fixed live. */
async function maskPersonalData(req: PayloadRequest) {
  return withTransaction(
    req.payload,
    async () => {
      // Read inside the transaction, so no edit can slip in between reading and masking.
      const doc = await loadLatest(req, 'articles')
      const before = articleSegments(doc).reduce(
        (count, segment) => count + findPersonalData(segment.text).length,
        0,
      )
      const masked = (value: unknown) =>
        typeof value === 'string' && value ? maskAll(value) : value
      const data = {
        title: maskAll(doc.title),
        kicker: masked(doc.kicker),
        subtitle: masked(doc.subtitle),
        slogan: masked(doc.slogan),
        lead: masked(doc.lead),
        body: maskBody(doc.body),
        // Derived from the text, and stored: the excerpt is public, the slug is in every URL.
        excerpt: masked(doc.excerpt),
        ...(doc.slug && findPersonalData(doc.slug).length
          ? { slug: slugify(maskAll(doc.slug)) }
          : {}),
      }
      const state = (doc.workflowState ?? 'draft') as State
      // Live text changed: that is a correction, and it is recorded as one (README 更正).
      if (state === 'published' && before > 0) {
        const note = `遮盖个人信息 ${before} 处`
        Object.assign(data, {
          corrections: await correctionsWith(req, 'articles', doc.id, note, req.user ?? null),
        })
      }
      const saved = await asEngine(req, () =>
        req.payload.update({
          collection: 'articles',
          id: doc.id,
          data: data as never,
          draft: state !== 'published',
          depth: 0,
          req,
          overrideAccess: false,
          user: req.user,
        }),
      )
      const step = { state, stage: doc.reviewStage ?? null }
      await recordEvent(req, {
        collection: 'articles',
        doc: saved,
        action: 'mask-personal-data',
        from: step,
        to: step,
        comment: `遮盖个人信息 ${before} 处 (masked ${before} item(s) of personal data)`,
      })
      if (state === 'published' && before > 0)
        await queueWebhooks(req, { event: 'corrected', collection: 'articles', doc: saved })
      return { id: saved.id, masked: before }
    },
    { req },
  )
}
