/**
 * Typos (错别字) and dated wording rules (过期提法): both are lists of wrong text with the right
 * text, found in one Aho–Corasick pass per piece of text; wording rules may also be patterns and
 * apply only to articles dated inside their window.
 */
import AhoCorasick from 'modern-ahocorasick'

import type { Segment } from '../../content/segments'
import { findingAt, type ProofFinding } from './finding'

export type TypoEntry = { wrong: string; right: string; severity: 'block' | 'warn'; note?: string }

export type WordingRule = {
  term: string
  isPattern?: boolean | null
  replacement?: string | null
  severity: 'block' | 'warn'
  validFrom?: string | null
  validTo?: string | null
  note?: string | null
}

/** A matcher built once per list: the checks endpoint and the rescan reuse it. */
const matchers = new WeakMap<object, AhoCorasick>()
function matcherFor(list: { wrong: string }[]): AhoCorasick {
  let matcher = matchers.get(list)
  if (!matcher) {
    matcher = new AhoCorasick(list.map((entry) => entry.wrong))
    matchers.set(list, matcher)
  }
  return matcher
}

/** Every hit, the longest where hits overlap: 一愁莫展 is reported once, not with its parts. */
function hits(text: string, list: { wrong: string }[]) {
  const found = matcherFor(list)
    .search(text)
    .map((match) => ({ start: match.start, end: match.end, entry: match.patternIndex }))
    .sort((a, b) => a.start - b.start || b.end - a.end)
  const kept: typeof found = []
  for (const hit of found) if (!kept.length || hit.start >= kept.at(-1)!.end) kept.push(hit)
  return kept
}

/** Lists prepared once per loaded list (the caller keeps the array for a request or a rescan). */
const prepared = new WeakMap<object, unknown>()
function prepare<T>(list: object, make: () => T): T {
  if (!prepared.has(list)) prepared.set(list, make())
  return prepared.get(list) as T
}

export function findTypos(segments: Segment[], typos: TypoEntry[]): ProofFinding[] {
  const usable = prepare(typos, () =>
    typos.filter((entry) => entry.wrong && entry.wrong !== entry.right),
  )
  if (!usable.length) return []
  return segments.flatMap((segment) =>
    hits(segment.text, usable).map(({ start, end, entry }) => {
      const typo = usable[entry]!
      return findingAt(segment, start, end, {
        severity: typo.severity,
        suggestion: typo.right,
        message: `错别字「${typo.wrong}」,应为「${typo.right}」${typo.note ? `(${typo.note})` : ''}`,
        fix: true,
      })
    }),
  )
}

const inWindow = (rule: WordingRule, date: Date) =>
  (!rule.validFrom || new Date(rule.validFrom) <= date) &&
  (!rule.validTo || date < new Date(rule.validTo))

/** A pattern an editor typed: refused if it could backtrack without end (nested quantifiers). */
export function patternProblem(source: string): string | null {
  if (source.length > 120) return '规则表达式不能超过 120 个字符'
  if (/\([^)]*[+*}][^)]*\)\s*[+*{]/.test(source) || /\\[1-9]/.test(source))
    return '规则表达式含有嵌套的重复或回溯引用,可能使审读卡住,请改写'
  try {
    new RegExp(source, 'u')
    return null
  } catch {
    return '规则表达式写法有误'
  }
}

export function findWording(segments: Segment[], rules: WordingRule[], date: Date): ProofFinding[] {
  const all = prepare(rules, () => ({
    plain: rules
      .filter((rule) => rule.term && !rule.isPattern)
      .map((rule) => ({ ...rule, wrong: rule.term })),
    patterns: rules
      .filter((rule) => rule.term && rule.isPattern && !patternProblem(rule.term))
      .map((rule) => ({ rule, source: rule.term })),
  }))
  const plain = all.plain
  const patterns = all.patterns
    .filter(({ rule }) => inWindow(rule, date))
    .map(({ rule, source }) => ({ rule, regex: new RegExp(source, 'gu') }))
  const findings: ProofFinding[] = []
  const describe = (rule: WordingRule, text: string) =>
    `过期提法「${text}」${rule.replacement ? `,应改为「${rule.replacement}」` : ''}` +
    `${rule.note ? `(依据:${rule.note})` : ''}`
  for (const segment of segments) {
    if (plain.length) {
      for (const { start, end, entry } of hits(segment.text, plain)) {
        const rule = plain[entry]!
        if (!inWindow(rule, date)) continue
        findings.push(
          findingAt(segment, start, end, {
            severity: rule.severity,
            suggestion: rule.replacement ?? null,
            message: describe(rule, rule.term),
            fix: !!rule.replacement,
          }),
        )
      }
    }
    for (const { rule, regex } of patterns) {
      for (const match of segment.text.matchAll(regex)) {
        if (!match[0]) continue
        findings.push(
          findingAt(segment, match.index!, match.index! + match[0].length, {
            severity: rule.severity,
            suggestion: rule.replacement ?? null,
            message: describe(rule, match[0]),
            // A pattern's replacement is a hint: the editor decides the words.
            fix: false,
          }),
        )
      }
    }
  }
  return findings
}
