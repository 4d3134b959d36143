/**
 * Proofreading, as an inspection reads a government site: officials, typos, dated wording,
 * leftovers, number style and links. Each check is a pure function of the article's text and a
 * list; this file loads the lists and runs them, under the keys the checks panel and
 * `GET /api/articles/:id/checks` use.
 */
import type { PayloadRequest } from 'payload'

import type { Segment } from '../../content/segments'
import type { ProofFinding } from './finding'
import { findLeftovers } from './leftovers'
import { findLinkIssues } from './links'
import { findNumberStyle } from './numbers'
import { findOfficialIssues, type Official } from './officials'
import { STARTER_TYPOS } from './typoList'
import { findTypos, findWording, type TypoEntry, type WordingRule } from './typos'

export type { ProofFinding } from './finding'

export type ProofLists = { officials: Official[]; typos: TypoEntry[]; rules: WordingRule[] }

export type ProofChecks = {
  officials: ProofFinding[]
  typos: ProofFinding[]
  wording: ProofFinding[]
  leftovers: ProofFinding[]
  numbers: ProofFinding[]
  links: ProofFinding[]
}

export const PROOF_KEYS = [
  'officials',
  'typos',
  'wording',
  'leftovers',
  'numbers',
  'links',
] as const

export const PROOF_LABELS: Record<(typeof PROOF_KEYS)[number], string> = {
  officials: '领导姓名与职务',
  typos: '错别字',
  wording: '过期提法',
  leftovers: '遗留标记',
  numbers: '数字用法',
  links: '链接',
}

/** The office's lists: the register, its typo pairs over the starter list, its wording rules. */
export async function loadProofLists(req: PayloadRequest): Promise<ProofLists> {
  const all = async (collection: 'officials' | 'typos' | 'wording-rules') =>
    (
      await req.payload.find({
        collection,
        depth: 0,
        pagination: false,
        req,
        overrideAccess: true,
      })
    ).docs as unknown[]
  const [officials, own, rules] = await Promise.all([
    all('officials'),
    all('typos'),
    all('wording-rules'),
  ])
  const ownTypos = own as TypoEntry[]
  const overridden = new Set(ownTypos.map((entry) => entry.wrong))
  return {
    officials: officials as Official[],
    typos: [...ownTypos, ...STARTER_TYPOS.filter((entry) => !overridden.has(entry.wrong))],
    rules: rules as WordingRule[],
  }
}

/** The date an article speaks for: its publication, the original an import found, or today. */
export function articleDate(article: Record<string, any>): Date {
  const value = article.publishedDate ?? article.originalPublishedAt
  const date = value ? new Date(value) : new Date()
  return Number.isNaN(date.getTime()) ? new Date() : date
}

export type LinkMode = 'cached' | 'fresh' | 'skip'

export async function runProofChecks(
  article: Record<string, any>,
  segments: Segment[],
  lists: ProofLists,
  { links = 'cached' }: { links?: LinkMode } = {},
): Promise<ProofChecks> {
  const date = articleDate(article)
  return {
    officials: findOfficialIssues(segments, lists.officials, date),
    typos: findTypos(segments, lists.typos),
    wording: findWording(segments, lists.rules, date),
    leftovers: findLeftovers(segments),
    numbers: findNumberStyle(segments),
    links:
      links === 'skip' ? [] : await findLinkIssues(article, segments, { fresh: links === 'fresh' }),
  }
}

/** Every blocking finding, for the gate. */
export const blocking = (checks: ProofChecks) =>
  PROOF_KEYS.flatMap((key) => checks[key].filter((finding) => finding.severity === 'block'))
