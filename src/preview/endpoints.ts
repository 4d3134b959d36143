/**
 * 预览: `GET /api/articles/:id/preview` (staff) answers with a redirect to an opaque, expiring
 * link, `/api/preview/<token>`, which shows the article's current revision as readers would see
 * it; `?compare=live` shows the redline against the live version. The link works only for a
 * logged-in staff member who may read the article; it is never cached and never indexed.
 * `?format=json` gives the page's body as JSON instead, for the admin's phone read view.
 */
import type { Endpoint, PayloadRequest } from 'payload'

import { bodyToHtml, correctionsHtml, escapeHtml, type PopulatedPhoto } from '../content/bodyHtml'
import { hiddenFromReaders, loadPhotos } from '../content/loadPhotos'
import { isStaffUser } from '../access/roles'
import { guarded, json, loadLatest, loadRevision } from '../http/endpoints'
import { photoSlotsOf } from '../import/lexical'
import { redline } from '../workflow/redline'
import { STATE_LABELS, stageLabel, type State } from '../workflow/table'
import { articleHtml, compareHtml, pageHtml, refusalHtml } from './page'
import { openPreview, sealPreview } from './token'

const HEADERS = {
  'Content-Type': 'text/html; charset=utf-8',
  'Cache-Control': 'private, no-store',
  'X-Robots-Tag': 'noindex, nofollow',
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
  'Content-Security-Policy':
    "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
}

const page = (html: string, status = 200) => new Response(html, { status, headers: HEADERS })

const wantsCompare = (req: PayloadRequest) => req.searchParams?.get('compare') === 'live'

/** The link for an article, as a redirect (the admin's 预览 button is a plain link). */
export const previewLinkEndpoint: Endpoint = {
  path: '/:id/preview',
  method: 'get',
  handler: guarded(async (req) => {
    const doc = await loadLatest(req, 'articles')
    // The same page body as JSON, for the admin's read view on a phone (待我审核).
    if (req.searchParams?.get('format') === 'json')
      return json({ id: doc.id, title: doc.title, html: await previewBody(req, doc) })
    const { token } = sealPreview(doc.id)
    const location = `${req.payload.config.routes.api}/preview/${token}${wantsCompare(req) ? '?compare=live' : ''}`
    return new Response(null, {
      status: 303,
      headers: { Location: location, 'Cache-Control': 'private, no-store' },
    })
  }),
}

export const previewPageEndpoint: Endpoint = {
  path: '/preview/:token',
  method: 'get',
  handler: async (req) => {
    const opened = openPreview(String(req.routeParams?.token ?? ''))
    if ('error' in opened) {
      return opened.error === 'expired'
        ? page(refusalHtml('预览链接已过期,请回到编辑页重新点击「预览」。'), 410)
        : page(refusalHtml('找不到这个预览。'), 404)
    }
    if (!isStaffUser(req.user)) return page(refusalHtml('请先登录后台,再打开预览链接。'), 401)
    const doc = await loadRevision(req, 'articles', opened.claim.id, true).catch(() => null)
    if (!doc) return page(refusalHtml('找不到这个预览,或您无权查看。'), 404)
    const compare = wantsCompare(req)
    const base = `${req.payload.config.routes.api}/preview/${String(req.routeParams?.token)}`
    const state = (doc.workflowState ?? 'draft') as State
    const stage = stageLabel('articles', doc.reviewStage)?.zh
    const bar = [
      `<strong>预览</strong>`,
      `<span class="tag">${escapeHtml(STATE_LABELS[state].zh)}${stage ? ` · ${escapeHtml(stage)}` : ''}</span>`,
      `<span>仅供内部审阅,链接 ${new Date(opened.claim.exp).toLocaleTimeString('zh-CN', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit' })} 前有效</span>`,
      compare
        ? `<a href="${base}" data-preview-link>查看预览</a>`
        : `<a href="${base}?compare=live" data-compare-link>与线上版本对比</a>`,
    ].join('')
    if (compare) {
      const live = await liveVersion(req, doc.id)
      return page(
        pageHtml(`对比 · ${doc.title}`, bar, compareHtml(live ? redline(live, doc) : null)),
      )
    }
    return page(pageHtml(`预览 · ${doc.title}`, bar, await previewBody(req, doc)))
  },
}

/** The live version as a reader gets it, or null when the article is not live. */
async function liveVersion(req: PayloadRequest, id: number | string) {
  const live = await req.payload
    .findByID({
      collection: 'articles',
      id,
      depth: 0,
      req,
      overrideAccess: false,
      user: req.user,
      disableErrors: true,
    })
    .catch(() => null)
  return live && live._status === 'published' && live.workflowState !== 'withdrawn'
    ? (live as Record<string, any>)
    : null
}

/** The revision's page, with the photos it will show once they go live with it. */
async function previewBody(req: PayloadRequest, doc: Record<string, any>) {
  const ids = photoSlotsOf(doc.body)
    .map((slot) => slot.photo)
    .filter((photo): photo is number | string => photo != null && typeof photo !== 'object')
  const photos = await loadPhotos(req, ids, { asReader: false })
  const unpublished = [...photos.values()].filter(hiddenFromReaders)
  const note = unpublished.length
    ? `<p class="note">文中 ${unpublished.length} 张图片尚未发布:读者要等它们随文章发布后才能看到,此前图片位只显示说明。</p>`
    : ''
  return (
    note +
    articleHtml({
      title: doc.title,
      kicker: doc.kicker,
      subtitle: doc.subtitle,
      slogan: doc.slogan,
      lead: doc.lead,
      byline: doc.byline,
      source: doc.masthead?.source,
      date: doc.publishedDate ?? doc.originalPublishedAt ?? new Date().toISOString(),
      bodyHtml:
        bodyToHtml(doc.body, photos as Map<string, PopulatedPhoto>) +
        correctionsHtml(doc.corrections),
      dataSourceLine: doc.dataSourceLine,
    })
  )
}
