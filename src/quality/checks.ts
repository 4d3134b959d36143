/**
 * The machine review of an article: sensitive terms, personal data, and its figures against the
 * linked records. One function, used by the workflow gate, the checks endpoint and the rescan.
 */
import type { PayloadRequest } from 'payload'

import { relationId } from '../fields/relation'
import { checkFigures, extractFigures, type FigureFinding } from './figures'
import { findPersonalData, type PersonalKind } from './personal'
import { articleSegments, excerpt } from './segments'
import { findTerms, type Term, type TermHit } from './terms'

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
}

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

export async function runChecks(
  req: PayloadRequest,
  article: Record<string, any>,
  terms?: Term[],
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
  const projectIds = (article.projects ?? []).map(relationId).filter((id: unknown) => id != null)
  const sourceIds = (article.dataSources ?? []).map(relationId).filter((id: unknown) => id != null)
  const [projects, sources] = await Promise.all([
    projectIds.length
      ? req.payload.find({
          collection: 'projects',
          where: { id: { in: projectIds } },
          draft: true,
          depth: 0,
          pagination: false,
          req,
          overrideAccess: true,
        })
      : { docs: [] },
    sourceIds.length
      ? req.payload.find({
          collection: 'data-sources',
          where: { id: { in: sourceIds } },
          draft: true,
          depth: 0,
          pagination: false,
          req,
          overrideAccess: true,
        })
      : { docs: [] },
  ])
  const findings = checkFigures(
    extractFigures(segments),
    projects.docs as never,
    sources.docs as never,
  )
  return {
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
  }
}

export const describeTerm = (hit: TermHit) => `「${hit.term}」(${hit.place}第${hit.offset}字)`
export const describeFigure = (f: FigureFinding) =>
  `${f.place}「${f.text}」与${f.record?.name ?? ''}${f.record?.label ?? ''}记录的 ${f.record?.value}${f.record?.unit} 不符`
