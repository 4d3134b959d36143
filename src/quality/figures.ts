/**
 * Figures in an article's text, and how they stand against the records: the linked projects
 * (investment, capacities) and the linked data sources' figures. A contradiction is the same
 * project and measure (or data-source figure) with a different value.
 */
import { distance } from 'fastest-levenshtein'

import { MONEY_UNITS, TEXT_UNITS, toWanYuan, type MoneyUnit } from '../fields/units'
import type { Segment } from '../content/segments'

/**
 * How alike a sentence and a data-source label must be (0 to 1, by edit distance) for the figure
 * to be that label's. A figure with the recorded value confirms it on a loose likeness; a
 * different value contradicts it only on a close one: editors stop reading a panel that cries wolf.
 */
const SAME_VALUE_MATCH = 0.3
const CONTRADICTION_MATCH = 0.6
/** A measure of at least this many characters found inside a label counts as this alike. */
const CONTAINED_MEASURE_MIN = 4
const CONTAINED_MEASURE_SCORE = 0.7
/** Characters before the figure compared with a label, beyond the label's own length. */
const LABEL_SLACK = 4
/** The distinctive part of a company name: 兰州宏彬新能源科技有限公司 → 宏彬. */
const COMPANY_CORE_LENGTH = 2

const UNIT_PATTERN = TEXT_UNITS.map((u) => u.replace(/[/%]/g, (c) => `\\${c}`)).join('|')
const FIGURE = new RegExp(
  `(\\d+(?:\\.\\d+)?)(?:\\s*[—–~-]\\s*(\\d+(?:\\.\\d+)?))?\\s*(余|多)?\\s*(${UNIT_PATTERN})`,
  'g',
)
/** Words before a figure that make it approximate: 约200个, 近200个, 超200个, 逾200个. */
const APPROX_BEFORE = /(约|大约|近|将近|接近|超过|超|逾|多达)$/
const APPROX_AFTER = /^(左右|上下|以上)/

export type Approx = 'about' | 'under' | 'over'

/** Whether a recorded value lies inside what an approximate figure says (exact figures: equal). */
export function fits(figure: Pick<Figure, 'value' | 'approx'>, recorded: number): boolean {
  const { value, approx } = figure
  if (!approx) return recorded === value
  if (approx === 'about') return Math.abs(recorded - value) <= value * 0.1
  if (approx === 'under') return recorded <= value && recorded >= value * 0.9
  return recorded >= value && recorded < value * 2
}
const CLAUSE_BREAK = /[,。;:!?、,;:!?\n“”]/
const CONNECTIVE = /^(?:及|和|与|以及|共|约|达|为|的|分别|均)+$/

export type Figure = {
  text: string
  value: number
  upper?: number
  unit: string
  /** 余/多/超/逾: more than; 约/左右: about; 近: just under. */
  approx?: Approx
  measure: string
  product?: string
  place: string
  field: Segment['field']
  index: number
  start: number
  end: number
  sentence: string
}

/** Every figure, with its unit and what it measures (the clause before it). */
export function extractFigures(segments: Segment[]): Figure[] {
  const figures: Figure[] = []
  for (const segment of segments) {
    let previous: Figure | undefined
    for (const match of segment.text.matchAll(FIGURE)) {
      const start = match.index!
      const end = start + match[0].length
      // A figure glued to a longer number or a date (2023年) is not one.
      if (/[\d.]/.test(segment.text[start - 1] ?? '')) continue
      const clauseStart = lastBreak(segment.text, start)
      const sentence = sentenceAround(segment.text, start)
      const sameSentence = previous && previous.sentence === sentence
      let measure = segment.text.slice(clauseStart, start).trim()
      if (sameSentence && previous!.end >= clauseStart) {
        const between = segment.text.slice(previous!.end, start).trim()
        // "20万吨石墨化材料及20万吨负极材料": a product and a connective carry the measure over.
        measure =
          /^[\p{Script=Han}A-Za-z]*(?:及|和|与|、)$/u.test(between) || !between
            ? previous!.measure
            : between
      }
      if (!measure || CONNECTIVE.test(measure)) {
        measure = sameSentence
          ? previous!.measure
          : segment.text
              .slice(lastBreak(segment.text, Math.max(0, clauseStart - 1)), clauseStart)
              .replace(CLAUSE_BREAK, '')
              .trim()
      }
      let unit = match[4]!
      const before = segment.text.slice(Math.max(0, start - 4), start)
      const approxWord = APPROX_BEFORE.exec(before)?.[1]
      const approx: Approx | undefined = match[3]
        ? 'over'
        : approxWord
          ? /近|将近|接近/.test(approxWord)
            ? 'under'
            : /约|大约/.test(approxWord)
              ? 'about'
              : 'over'
          : APPROX_AFTER.test(segment.text.slice(end))
            ? /左右|上下/.test(segment.text.slice(end, end + 2))
              ? 'about'
              : 'over'
            : undefined
      const clause = segment.text.slice(clauseStart, start)
      // 年产20万吨 is a capacity of 20 万吨/年, and so is the 10万吨 that follows it in the sentence.
      const perYear = `${unit}/年`
      const yearly = /年产/.test(clause) || (sameSentence && previous!.unit === perYear)
      if (yearly && TEXT_UNITS.includes(perYear)) unit = perYear
      const after = segment.text.slice(end)
      const product = /^([\p{Script=Han}A-Za-z]{2,12}?)(?=及|和|与|、|,|。|项目|的|$|\s)/u.exec(
        after,
      )?.[1]
      const figure: Figure = {
        text: match[0],
        value: Number(match[1]),
        upper: match[2] ? Number(match[2]) : undefined,
        unit,
        ...(approx ? { approx } : {}),
        measure,
        product: product && !/^(项目|的)/.test(product) ? product : undefined,
        place: segment.place,
        field: segment.field,
        index: segment.index,
        start,
        end,
        sentence,
      }
      figures.push(figure)
      previous = figure
    }
  }
  return figures
}

function lastBreak(text: string, before: number): number {
  for (let i = before - 1; i >= 0; i -= 1) if (CLAUSE_BREAK.test(text[i]!)) return i + 1
  return 0
}

function sentenceAround(text: string, at: number): string {
  const startAt = Math.max(...['。', '!', '?', ';'].map((p) => text.lastIndexOf(p, at - 1))) + 1
  const ends = ['。', '!', '?', ';'].map((p) => text.indexOf(p, at)).filter((i) => i >= 0)
  return text.slice(startAt, ends.length ? Math.min(...ends) + 1 : text.length)
}

const similarity = (a: string, b: string) =>
  a && b ? 1 - distance(a, b) / Math.max(a.length, b.length) : 0

export type ProjectRecord = {
  id: number | string
  name: string
  company?: string | null
  investment?: { amount?: number | null; unit?: string | null; wanYuan?: number | null } | null
  capacities?: { value: number; unit: string; product?: string | null }[] | null
}

export type SourceRecord = {
  id: number | string
  office: string
  figures?: { label: string; value: number; unit: string; project?: unknown }[] | null
}

export type FigureFinding = Figure & {
  status: 'confirmed' | 'contradicts' | 'unverified'
  record?: {
    kind: 'project' | 'data-source'
    id: number | string
    name: string
    label: string
    value: number
    unit: string
  }
}

const money = (value: number, unit: string) =>
  unit in MONEY_UNITS ? toWanYuan(value, unit as MoneyUnit) : null

/** The distinctive part of a company name: 兰州宏彬新能源科技有限公司 → 宏彬. */
function companyCore(company: string | null | undefined): string | undefined {
  const core = (company ?? '')
    .replace(/^(?:甘肃省?|兰州新区|兰州市?)/, '')
    .replace(/(?:集团)?(?:股份)?(?:有限)?(?:责任)?公司$/, '')
  return core.length >= COMPANY_CORE_LENGTH ? core.slice(0, COMPANY_CORE_LENGTH) : undefined
}

/**
 * The projects a figure is about: those the sentence names (by name, company, or the company's
 * distinctive part), nearest mention before the figure first.
 */
function projectsFor(figure: Figure, projects: ProjectRecord[]) {
  const at = figure.sentence.indexOf(figure.text)
  const mentions = projects.flatMap((p) => {
    const keys = [p.name, p.company ?? '', companyCore(p.company) ?? ''].filter(Boolean)
    const positions = keys
      .map((k) => figure.sentence.lastIndexOf(k, at >= 0 ? at : undefined))
      .filter((i) => i >= 0)
    const after = keys.map((k) => figure.sentence.indexOf(k)).filter((i) => i >= 0)
    if (!positions.length && !after.length) return []
    return [{ project: p, before: positions.length ? Math.max(...positions) : -1 }]
  })
  return mentions.sort((a, b) => b.before - a.before).map((m) => m.project)
}

function againstProject(figure: Figure, project: ProjectRecord): FigureFinding | undefined {
  const asWan = money(figure.value, figure.unit)
  if (asWan !== null && /投资/.test(figure.measure) && project.investment?.wanYuan != null) {
    const record = {
      kind: 'project' as const,
      id: project.id,
      name: project.name,
      label: '总投资',
      value: project.investment.amount!,
      unit: project.investment.unit!,
    }
    return {
      ...figure,
      status: fits({ value: asWan, approx: figure.approx }, project.investment.wanYuan)
        ? 'confirmed'
        : 'contradicts',
      record,
    }
  }
  const sameUnit = (project.capacities ?? []).filter((c) => c.unit === figure.unit)
  if (!sameUnit.length) return undefined
  const byProduct = figure.product
    ? sameUnit.filter(
        (c) =>
          c.product &&
          (c.product.includes(figure.product!) || figure.product!.startsWith(c.product)),
      )
    : []
  // A named product that the project does not make is another project's figure, not a contradiction.
  const candidates = byProduct.length
    ? byProduct
    : !figure.product && sameUnit.length === 1
      ? sameUnit
      : []
  if (!candidates.length) return undefined
  const exact = candidates.find((c) => fits(figure, c.value))
  const capacity = exact ?? candidates[0]!
  const record = {
    kind: 'project' as const,
    id: project.id,
    name: project.name,
    label: `产能${capacity.product ? `(${capacity.product})` : ''}`,
    value: capacity.value,
    unit: capacity.unit,
  }
  return { ...figure, status: exact ? 'confirmed' : 'contradicts', record }
}

function againstSources(figure: Figure, sources: SourceRecord[]): FigureFinding | undefined {
  const context = figure.sentence.slice(
    0,
    figure.sentence.indexOf(figure.text) >= 0 ? figure.sentence.indexOf(figure.text) : undefined,
  )
  let best:
    | { score: number; source: SourceRecord; f: NonNullable<SourceRecord['figures']>[number] }
    | undefined
  let sameValue: typeof best
  for (const source of sources) {
    for (const f of source.figures ?? []) {
      if (f.unit !== figure.unit) continue
      const tail = context
        .replace(/\d+(?:\.\d+)?\s*[^\d,、,]{0,4}/g, '')
        .slice(-(f.label.length + LABEL_SLACK))
      const score = Math.max(
        similarity(tail, f.label),
        similarity(figure.measure, f.label),
        f.label.includes(figure.measure) && figure.measure.length >= CONTAINED_MEASURE_MIN
          ? CONTAINED_MEASURE_SCORE
          : 0,
      )
      if (!best || score > best.score) best = { score, source, f }
      if (fits(figure, f.value) && (!sameValue || score > sameValue.score))
        sameValue = { score, source, f }
    }
  }
  const as = (hit: NonNullable<typeof best>) => ({
    kind: 'data-source' as const,
    id: hit.source.id,
    name: hit.source.office,
    label: hit.f.label,
    value: hit.f.value,
    unit: hit.f.unit,
  })
  if (sameValue && sameValue.score >= SAME_VALUE_MATCH)
    return { ...figure, status: 'confirmed', record: as(sameValue) }
  if (best && best.score >= CONTRADICTION_MATCH)
    return { ...figure, status: 'contradicts', record: as(best) }
  return undefined
}

export function checkFigures(
  figures: Figure[],
  projects: ProjectRecord[],
  sources: SourceRecord[],
): FigureFinding[] {
  return figures.map((figure) => {
    for (const project of projectsFor(figure, projects)) {
      const finding = againstProject(figure, project)
      if (finding) return finding
    }
    return againstSources(figure, sources) ?? { ...figure, status: 'unverified' as const }
  })
}
