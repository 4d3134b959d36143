/**
 * A search: the query normalised and segmented as the index was, each word required (pinyin
 * initials such as `lzxq` stand for the office's names, for staff), ranked by the index, and each
 * hit given its title and a snippet with the words marked (`<mark>`), everything else escaped.
 */
import type { PayloadRequest } from 'payload'

import { dependsOn, EVERYTHING, listTag } from '../delivery/dependencies'
import { HttpError } from '../http/errors'
import { normalizeForSearch } from './normalize'
import { gramPhrase, tokens, wordsForInitials } from './segment'
import { INDEXED_COLLECTIONS, queryIndex, type Hit, type Scope } from './store'

export const TYPE_LABELS: Record<string, string> = {
  articles: '文章',
  photos: '图片',
  projects: '产业项目',
}

export type SearchParams = {
  q: string
  collections?: string[]
  limit?: number
  page?: number
  scope: Scope
}

export type SearchResult = {
  collection: string
  type: string
  id: string
  title: string
  titleHtml: string
  snippet: string
  slug: string | null
  date: string | null
  score: number
}

const MAX_QUERY = 100
export const MAX_LIMIT = 50

/** The index terms of a query: groups of alternatives, all of which must match. */
export function queryTerms(q: string, scope: Scope): { groups: string[][]; marks: string[] } {
  const groups: string[][] = []
  const marks = new Set<string>()
  for (const term of normalizeForSearch(q).split(/\s+/).filter(Boolean)) {
    const initials = scope === 'staff' && /^[a-z]{2,10}$/.test(term) ? wordsForInitials(term) : []
    if (initials.length) {
      groups.push([...initials, term])
      initials.forEach((word) => marks.add(word))
      continue
    }
    // A term must occur whole: as the word jieba indexed, or as its run of character pairs (which
    // no segmentation can miss). bm25 then ranks by where and how often it occurs.
    marks.add(term)
    for (const token of tokens(term)) if (Array.from(token).length > 1) marks.add(token)
    const phrase = gramPhrase(term)
    groups.push(phrase && phrase !== term ? [term, phrase] : [term])
  }
  return { groups, marks: [...marks].sort((a, b) => b.length - a.length) }
}

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!,
  )
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** Text with the words marked and the rest escaped. */
export function highlight(text: string, marks: string[]): string {
  if (!marks.length) return escapeHtml(text)
  const pattern = new RegExp(`(${marks.map(escapeRegExp).join('|')})`, 'gi')
  return text
    .split(pattern)
    .map((part, index) => (index % 2 === 1 ? `<mark>${escapeHtml(part)}</mark>` : escapeHtml(part)))
    .join('')
    .replace(/<\/mark><mark>/g, '')
}

/** About a hundred characters of the text around the first marked word. */
export function snippet(text: string, marks: string[], width = 100): string {
  const chars = Array.from(text)
  const lower = text.toLowerCase()
  const first = marks
    .map((mark) => lower.indexOf(mark.toLowerCase()))
    .filter((at) => at >= 0)
    .sort((a, b) => a - b)[0]
  // Code-unit offset to character offset.
  const at = first === undefined ? 0 : Array.from(text.slice(0, first)).length
  const start = Math.max(0, at - Math.floor(width / 4))
  const piece = chars.slice(start, start + width).join('')
  return `${start > 0 ? '…' : ''}${highlight(piece, marks)}${start + width < chars.length ? '…' : ''}`
}

export function checkParams(raw: {
  q?: unknown
  collection?: unknown
  limit?: unknown
  page?: unknown
}): { q: string; collections: string[]; limit: number; page: number } {
  const q = typeof raw.q === 'string' ? raw.q.trim() : ''
  if (!q) throw new HttpError(400, 'search-query', '请输入搜索词(q)', 'the q parameter is required')
  if (Array.from(q).length > MAX_QUERY) {
    throw new HttpError(
      400,
      'search-query',
      `搜索词不能超过 ${MAX_QUERY} 个字`,
      `q is longer than ${MAX_QUERY} characters`,
    )
  }
  const collections =
    typeof raw.collection === 'string' && raw.collection
      ? raw.collection.split(',').map((c) => c.trim())
      : Array.isArray(raw.collection)
        ? raw.collection.map(String)
        : []
  for (const collection of collections) {
    if (!(INDEXED_COLLECTIONS as readonly string[]).includes(collection)) {
      throw new HttpError(
        400,
        'search-query',
        `不能搜索「${collection}」,可选:${INDEXED_COLLECTIONS.join('、')}`,
        `collection must be one of ${INDEXED_COLLECTIONS.join(', ')}`,
      )
    }
  }
  const limit = raw.limit === undefined ? 10 : Number(raw.limit)
  const page = raw.page === undefined ? 1 : Number(raw.page)
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT)
    throw new HttpError(400, 'search-query', `limit 须为 1 到 ${MAX_LIMIT} 的整数`, 'bad limit')
  if (!Number.isInteger(page) || page < 1 || page > 100)
    throw new HttpError(400, 'search-query', 'page 须为 1 到 100 的整数', 'bad page')
  return { q, collections, limit, page }
}

export async function search(req: PayloadRequest, params: SearchParams) {
  const limit = params.limit ?? 10
  const page = params.page ?? 1
  const { groups, marks } = queryTerms(params.q, params.scope)
  // The index is read directly, not through Payload's hooks: a cached public answer depends on
  // every published document of the collections searched (all of them when none is named).
  if (params.scope === 'public')
    dependsOn(params.collections?.length ? params.collections.map(listTag) : [EVERYTHING])
  const { hits, total, moreThan } = await queryIndex(req.payload, params.scope, {
    groups,
    collections: params.collections ?? [],
    limit,
    offset: (page - 1) * limit,
  })
  // The query is not echoed: an answer holds only what the index found.
  return {
    totalDocs: total,
    /** More matches than the count goes to (COUNT_CAP): `totalDocs` is then a floor. */
    moreThan: moreThan ?? false,
    limit,
    page,
    totalPages: Math.ceil(total / limit),
    docs: hits.map((hit: Hit): SearchResult => ({
      collection: hit.collection,
      type: TYPE_LABELS[hit.collection] ?? hit.collection,
      id: hit.id,
      title: hit.title,
      titleHtml: highlight(hit.title, marks),
      snippet: snippet(hit.body, marks),
      slug: hit.slug,
      date: hit.date,
      score: hit.score,
    })),
  }
}
