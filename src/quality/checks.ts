/**
 * The machine review of an article: sensitive terms, personal data, and its figures against the
 * linked records. One function, used by the workflow gate, the checks endpoint and the rescan.
 */
import type { PayloadRequest } from 'payload'

import { relationId } from '../fields/relation'
import {
  checkFigures,
  extractFigures,
  type FigureFinding,
  type ProjectRecord,
  type SourceRecord,
} from './figures'
import { findPersonalData, type PersonalKind } from './personal'
import { articleSegments, excerpt } from '../content/segments'
import { findTerms, type Term, type TermHit } from './terms'
import {
  loadProofLists,
  runProofChecks,
  type LinkMode,
  type ProofChecks,
  type ProofLists,
} from './proof'
import { findMissingAltText, type AltTextFinding } from './altText'

export type Checks = {
  terms: { block: TermHit[]; warn: TermHit[] }
  personal: {
    kind: PersonalKind
    value: string
    place: string
    field: string
    index: number
    offset: number
    excerpt: string
  }[]
  figures: { all: FigureFinding[]; contradictions: FigureFinding[]; unverified: FigureFinding[] }
  missingDataSource: boolean
  /** Photos the article uses without alt text (warnings; not read by the nightly rescan). */
  altText: AltTextFinding[]
} & ProofChecks

export async function loadTerms(req: PayloadRequest): Promise<Term[]> {
  const { docs } = await req.payload.find({
    collection: 'sensitive-terms',
    depth: 0,
    pagination: false,
    select: { term: true, category: true, severity: true, note: true },
    req,
    overrideAccess: true,
  })
  return docs as Term[]
}

/** The projects and data sources some articles link to, loaded once for all of them. */
export type LinkedRecords = {
  projects: Map<string, ProjectRecord>
  sources: Map<string, SourceRecord>
}

const linkedIds = (articles: Record<string, any>[], field: 'projects' | 'dataSources') => [
  ...new Set(
    articles.flatMap((article) =>
      ((article[field] ?? []) as unknown[])
        .map(relationId)
        .filter((id) => id != null)
        .map(String),
    ),
  ),
]

/** Two queries, however many articles: the rescan reads fifty at a time. */
export async function loadLinkedRecords(
  req: PayloadRequest,
  articles: Record<string, any>[],
): Promise<LinkedRecords> {
  const projectIds = linkedIds(articles, 'projects')
  const sourceIds = linkedIds(articles, 'dataSources')
  const read = (collection: 'projects' | 'data-sources', ids: string[]) =>
    ids.length
      ? req.payload.find({
          collection,
          where: { id: { in: ids } },
          draft: true,
          depth: 0,
          pagination: false,
          req,
          overrideAccess: true,
        })
      : Promise.resolve({ docs: [] })
  const [projects, sources] = await Promise.all([
    read('projects', projectIds),
    read('data-sources', sourceIds),
  ])
  return {
    projects: new Map(
      projects.docs.map((doc) => [String(doc.id), doc as unknown as ProjectRecord]),
    ),
    sources: new Map(sources.docs.map((doc) => [String(doc.id), doc as unknown as SourceRecord])),
  }
}

export async function runChecks(
  req: PayloadRequest,
  article: Record<string, any>,
  {
    terms,
    records,
    lists,
    links = 'cached',
    photos = true,
  }: {
    terms?: Term[]
    records?: LinkedRecords
    lists?: ProofLists
    links?: LinkMode
    photos?: boolean
  } = {},
): Promise<Checks> {
  const all = articleSegments(article)
  const segments = all.filter((segment) => !segment.derived)
  const termHits = findTerms(segments, terms ?? (await loadTerms(req)))
  const personal = all.flatMap((segment) =>
    findPersonalData(segment.text).map((hit) => ({
      kind: hit.kind,
      value: hit.value,
      place: segment.place,
      field: segment.field,
      index: segment.index,
      offset: Array.from(segment.text.slice(0, hit.start)).length + 1,
      excerpt: excerpt(segment.text, hit.start, hit.end),
    })),
  )
  const linked = records ?? (await loadLinkedRecords(req, [article]))
  const pick = <T>(ids: string[], from: Map<string, T>) =>
    ids.flatMap((id) => (from.has(id) ? [from.get(id)!] : []))
  const projects = pick(linkedIds([article], 'projects'), linked.projects)
  const sourceIds = linkedIds([article], 'dataSources')
  const findings = checkFigures(extractFigures(segments), projects, pick(sourceIds, linked.sources))
  const proof = await runProofChecks(article, segments, lists ?? (await loadProofLists(req)), {
    links,
  })
  return {
    ...proof,
    terms: {
      block: termHits.filter((h) => h.severity === 'block'),
      warn: termHits.filter((h) => h.severity === 'warn'),
    },
    personal,
    figures: {
      all: findings,
      contradictions: findings.filter((f) => f.status === 'contradicts'),
      unverified: findings.filter((f) => f.status === 'unverified'),
    },
    missingDataSource: findings.length > 0 && sourceIds.length === 0,
    altText: photos ? await findMissingAltText(req, article) : [],
  }
}

export const describeTerm = (hit: TermHit) => `「${hit.term}」(${hit.place}第${hit.offset}字)`
export const describeFigure = (f: FigureFinding) =>
  `${f.place}「${f.text}」与${f.record?.name ?? ''}${f.record?.label ?? ''}记录的 ${f.record?.value}${f.record?.unit} 不符`
