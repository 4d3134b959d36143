/**
 * Leftovers that must never reach readers: placeholders (XX, ××, 某某, 【待补】, TODO), an
 * editing note (`此处补充…`), doubled punctuation, and brackets or quotes opened and not closed.
 * All block submit.
 */
import type { Segment } from '../../content/segments'
import { findingAt, type ProofFinding } from './finding'

const PLACEHOLDERS: { pattern: RegExp; what: string }[] = [
  // XX as a stand-in, not inside a Latin word (XXL, Xbox stay).
  { pattern: /(?<![A-Za-z])(?:XX+|xx+|ＸＸ+|××+)(?![A-Za-z])/g, what: '占位符' },
  { pattern: /某某/g, what: '占位符「某某」' },
  {
    pattern:
      /[【[〔(（]\s*(?:待补|待定|待核|待填|待确认|补充|此处[^】\]〕)）]{0,10})\s*[】\]〕)）]/g,
    what: '待补标记',
  },
  { pattern: /(?<![A-Za-z])(?:TODO|TBD|FIXME)(?![A-Za-z])/gi, what: '待办标记' },
  // 此处 as an instruction to the editor, not 此处风景优美.
  {
    pattern: /此处(?:需|须|应|待|请)?(?:补充|填写|插入|添加|加入|替换|修改|待定|省略|略)/g,
    what: '编辑批注',
  },
]

/** Doubled sentence punctuation; …… and —— are single marks written twice and stay. */
const DOUBLED = /([,。、;:!?,;!?])\1+|[,。;:][,。;:]/g

const PAIRS: [string, string][] = [
  ['“', '”'],
  ['‘', '’'],
  ['《', '》'],
  ['(', ')'],
  ['【', '】'],
  ['「', '」'],
  ['〔', '〕'],
]

export function findLeftovers(segments: Segment[]): ProofFinding[] {
  const findings: ProofFinding[] = []
  for (const segment of segments) {
    for (const { pattern, what } of PLACEHOLDERS) {
      for (const match of segment.text.matchAll(pattern)) {
        findings.push(
          findingAt(segment, match.index!, match.index! + match[0].length, {
            severity: 'block',
            suggestion: null,
            message: `${what}「${match[0]}」未替换,不能送审`,
          }),
        )
      }
    }
    for (const match of segment.text.matchAll(DOUBLED)) {
      const single = match[0][0]!
      findings.push(
        findingAt(segment, match.index!, match.index! + match[0].length, {
          severity: 'block',
          suggestion: single,
          message: `标点重复「${match[0]}」`,
          fix: /^(.)\1+$/.test(match[0]),
        }),
      )
    }
    for (const [open, close] of PAIRS) {
      let depth = 0
      let lastOpen = -1
      for (let i = 0; i < segment.text.length; i += 1) {
        const ch = segment.text[i]
        if (ch === open) {
          depth += 1
          lastOpen = i
        } else if (ch === close) {
          if (depth === 0) {
            findings.push(
              findingAt(segment, i, i + 1, {
                severity: 'block',
                suggestion: null,
                message: `「${close}」没有对应的「${open}」`,
              }),
            )
          } else depth -= 1
        }
      }
      if (depth > 0) {
        findings.push(
          findingAt(segment, lastOpen, lastOpen + 1, {
            severity: 'block',
            suggestion: null,
            message: `「${open}」没有对应的「${close}」`,
          }),
        )
      }
    }
  }
  return findings
}
