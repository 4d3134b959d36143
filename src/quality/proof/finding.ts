import { excerpt, type Segment } from '../../content/segments'

/**
 * One proofreading finding, the same shape for every check: what was found (`text`), what it
 * should be (`suggestion`, when known), where (`place` as an editor reads it, `field`/`index` for
 * the editor's cursor, `offset` the 1-based character in that piece of text), and `fix` when the
 * suggestion replaces the text unambiguously (the panel's one-click fix).
 */
export type ProofFinding = {
  severity: 'block' | 'warn'
  text: string
  suggestion: string | null
  message: string
  place: string
  field: Segment['field']
  index: number
  offset: number
  excerpt: string
  fix?: { from: string; to: string }
}

export function findingAt(
  segment: Segment,
  start: number,
  end: number,
  details: Pick<ProofFinding, 'severity' | 'suggestion' | 'message'> & { fix?: boolean },
): ProofFinding {
  const text = segment.text.slice(start, end)
  return {
    severity: details.severity,
    text,
    suggestion: details.suggestion,
    message: details.message,
    place: segment.place,
    field: segment.field,
    index: segment.index,
    offset: Array.from(segment.text.slice(0, start)).length + 1,
    excerpt: excerpt(segment.text, start, end),
    ...(details.fix && details.suggestion !== null
      ? { fix: { from: text, to: details.suggestion } }
      : {}),
  }
}
