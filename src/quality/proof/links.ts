/**
 * Links in an article: each one is fetched (HEAD, or GET where HEAD is refused), redirects followed
 * by hand, and judged: a redirect to another registrable domain is a hijacked link (an expired
 * government domain now serving someone else's pages) and blocks; a 404/410 is a dead link and
 * blocks; other failures warn. Results are kept for ten minutes. Targets inside the server's network
 * are refused as for webhooks, unless LINK_CHECK_ALLOW_INTERNAL=true (tests, intranets).
 */
import { getDomain } from 'tldts'

import { bodyParts, textOf, type Segment } from '../../content/segments'
import { assertDeliverable } from '../../delivery/webhookTarget'
import { findingAt, type ProofFinding } from './finding'

export type LinkResult = {
  url: string
  status: number | null
  finalUrl: string
  hijacked: boolean
  error?: string
}

const TTL_MS = 10 * 60_000
const MAX_CACHED = 2000
const MAX_REDIRECTS = 5
const TIMEOUT_MS = 5000
const cache = new Map<string, { at: number; result: LinkResult }>()

const URL_IN_TEXT = /https?:\/\/[^\s"'<>()()\u3000-\u303F\uFF01-\uFF0F]+/gi

const registrable = (url: string) => {
  const host = new URL(url).hostname
  return getDomain(host) ?? host
}

async function request(url: string, method: 'HEAD' | 'GET') {
  return fetch(url, {
    method,
    redirect: 'manual',
    signal: AbortSignal.timeout(TIMEOUT_MS),
    headers: { 'User-Agent': 'Newsdesk link checker' },
  })
}

export async function checkLink(url: string, { fresh = false } = {}): Promise<LinkResult> {
  const cached = cache.get(url)
  if (!fresh && cached && Date.now() - cached.at < TTL_MS) return cached.result
  const allowInternal = process.env.LINK_CHECK_ALLOW_INTERNAL === 'true'
  let current = url
  let result: LinkResult
  try {
    let response: Response | undefined
    for (let hop = 0; hop <= MAX_REDIRECTS; hop += 1) {
      await assertDeliverable(current, allowInternal)
      response = await request(current, 'HEAD')
      if ([405, 501].includes(response.status)) response = await request(current, 'GET')
      const location = response.headers.get('location')
      if (response.status >= 300 && response.status < 400 && location) {
        current = new URL(location, current).toString()
        continue
      }
      break
    }
    result = {
      url,
      status: response!.status,
      finalUrl: current,
      hijacked: registrable(current) !== registrable(url),
    }
  } catch (error) {
    result = {
      url,
      status: null,
      finalUrl: current,
      hijacked: current !== url && registrable(current) !== registrable(url),
      error: error instanceof Error ? error.message : String(error),
    }
  }
  if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value!)
  cache.set(url, { at: Date.now(), result })
  return result
}

export type LinkPlace = { url: string; segment: Segment; start: number; end: number }

/** The article's links: URLs in its text, and the targets of its rich-text links. */
export function linksOf(article: Record<string, any>, segments: Segment[]): LinkPlace[] {
  const places: LinkPlace[] = []
  for (const segment of segments) {
    for (const match of segment.text.matchAll(URL_IN_TEXT)) {
      const url = match[0].replace(/[.,;:!?。,;:!?]+$/, '')
      places.push({ url, segment, start: match.index!, end: match.index! + url.length })
    }
  }
  // Rich-text links: found in the paragraph that holds their text.
  const body = segments.filter((segment) => segment.field === 'body')
  for (const part of bodyParts(article.body)) {
    if (part.kind !== 'paragraph') continue
    const segment = body.find((s) => s.index === part.index)
    for (const link of linkNodes(part.node)) {
      const url = String(link.fields?.url ?? link.url ?? '')
      if (!/^https?:\/\//i.test(url) || places.some((p) => p.url === url)) continue
      const label = textOf(link)
      const start = segment ? Math.max(0, segment.text.indexOf(label)) : 0
      if (segment) places.push({ url, segment, start, end: start + label.length })
    }
  }
  return places
}

function linkNodes(node: any): any[] {
  if (!node || typeof node !== 'object') return []
  const here = node.type === 'link' || node.type === 'autolink' ? [node] : []
  return [...here, ...(node.children ?? []).flatMap(linkNodes)]
}

export async function findLinkIssues(
  article: Record<string, any>,
  segments: Segment[],
  { fresh = false } = {},
): Promise<ProofFinding[]> {
  const places = linksOf(article, segments)
  const results = await Promise.all(
    [...new Set(places.map((p) => p.url))].map((url) => checkLink(url, { fresh })),
  )
  const byUrl = new Map(results.map((result) => [result.url, result]))
  const findings: ProofFinding[] = []
  for (const place of places) {
    const result = byUrl.get(place.url)!
    const finding = (severity: 'block' | 'warn', message: string) =>
      findings.push(
        findingAt(place.segment, place.start, place.end, { severity, suggestion: null, message }),
      )
    if (result.hijacked) {
      finding(
        'block',
        `链接被劫持:${place.url} 跳转到了其他网站 ${new URL(result.finalUrl).hostname},请删除或更换`,
      )
    } else if (result.status === 404 || result.status === 410) {
      finding('block', `死链:${place.url} 已不存在(${result.status}),请删除或更换`)
    } else if (result.status === null) {
      finding('warn', `链接无法访问:${place.url}(${result.error ?? '无响应'})`)
    } else if (result.status >= 400) {
      finding('warn', `链接返回错误 ${result.status}:${place.url}`)
    }
  }
  return findings
}
