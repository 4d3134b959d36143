import AhoCorasick from 'modern-ahocorasick'

import { excerpt, type Segment } from '../content/segments'

export type Term = {
  term: string
  category?: string | null
  severity: 'block' | 'warn'
  note?: string | null
}
export type TermHit = {
  term: string
  category: string | null
  severity: 'block' | 'warn'
  note: string | null
  place: string
  field: Segment['field']
  index: number
  offset: number
  excerpt: string
}

/** Every occurrence of every term, in one pass per text (Aho–Corasick). */
export function findTerms(segments: Segment[], terms: Term[]): TermHit[] {
  const usable = terms.filter((t) => t.term?.trim())
  if (!usable.length) return []
  const matcher = new AhoCorasick(usable.map((t) => t.term.trim()))
  const hits: TermHit[] = []
  for (const segment of segments) {
    for (const match of matcher.search(segment.text)) {
      const term = usable[match.patternIndex]!
      hits.push({
        term: term.term.trim(),
        category: term.category ?? null,
        severity: term.severity,
        note: term.note ?? null,
        place: segment.place,
        field: segment.field,
        index: segment.index,
        offset: Array.from(segment.text.slice(0, match.start)).length + 1,
        excerpt: excerpt(segment.text, match.start, match.end),
      })
    }
  }
  return hits
}
