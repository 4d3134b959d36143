/**
 * Numbers as GB/T 15835 asks them written (warnings): no full-width digits beside half-width ones,
 * no space between a number and its unit, one range dash throughout, one way of writing a percentage.
 */
import type { Segment } from '../../content/segments'
import { TEXT_UNITS } from '../../fields/units'
import { findingAt, type ProofFinding } from './finding'

const UNITS = [...TEXT_UNITS, '万亩', '亿元', '元', '个百分点', '岁']
  .sort((a, b) => b.length - a.length)
  .map((u) => u.replace(/[/%]/g, (c) => `\\${c}`))
  .join('|')
const SPLIT_UNIT = new RegExp(`(\\d)([ \\u00A0\\u3000]+)(${UNITS}|%)`, 'g')
const FULL_DIGITS = /[０-９]+/g
const RANGE = /(\d)\s*([—–~～\-－至到])\s*(\d)/g
const DASH_NAMES: Record<string, string> = {
  '—': '一字线「—」',
  '–': '半字线「–」',
  '-': '连字符「-」',
  '－': '全角连字符「－」',
  '~': '浪纹线「~」',
  '～': '浪纹线「～」',
  至: '「至」',
  到: '「到」',
}

export function findNumberStyle(segments: Segment[]): ProofFinding[] {
  const findings: ProofFinding[] = []
  const all = segments.map((s) => s.text).join('\n')
  const mixedDigits = /[０-９]/.test(all) && /[0-9]/.test(all)
  const dashes = new Map<string, number>()
  for (const segment of segments)
    for (const match of segment.text.matchAll(RANGE))
      dashes.set(match[2]!, (dashes.get(match[2]!) ?? 0) + 1)
  const usual = [...dashes].sort((a, b) => b[1] - a[1])[0]?.[0]
  const percentWays = [/\d\s*[%%]/.test(all), /百分之[零一二三四五六七八九十百\d]/.test(all)]

  for (const segment of segments) {
    if (mixedDigits) {
      for (const match of segment.text.matchAll(FULL_DIGITS)) {
        const half = match[0].replace(/[０-９]/g, (d) =>
          String.fromCharCode(d.charCodeAt(0) - 0xfee0),
        )
        findings.push(
          findingAt(segment, match.index!, match.index! + match[0].length, {
            severity: 'warn',
            suggestion: half,
            message: `全角数字「${match[0]}」与半角数字混用,应为「${half}」`,
            fix: true,
          }),
        )
      }
    }
    for (const match of segment.text.matchAll(SPLIT_UNIT)) {
      findings.push(
        findingAt(segment, match.index!, match.index! + match[0].length, {
          severity: 'warn',
          suggestion: `${match[1]}${match[3]}`,
          message: `数字与单位「${match[3]}」之间不应有空格`,
          fix: true,
        }),
      )
    }
    if (dashes.size > 1 && usual) {
      for (const match of segment.text.matchAll(RANGE)) {
        if (match[2] === usual) continue
        const fixed = `${match[1]}${usual}${match[3]}`
        findings.push(
          findingAt(segment, match.index!, match.index! + match[0].length, {
            severity: 'warn',
            suggestion: fixed,
            message: `范围号用了${DASH_NAMES[match[2]!] ?? match[2]},全文其他处用${DASH_NAMES[usual] ?? usual}`,
            fix: true,
          }),
        )
      }
    }
    if (percentWays.every(Boolean)) {
      for (const match of segment.text.matchAll(/百分之[零一二三四五六七八九十百\d.]+/g)) {
        findings.push(
          findingAt(segment, match.index!, match.index! + match[0].length, {
            severity: 'warn',
            suggestion: null,
            message: `百分数一处写作「${match[0]}」,别处用「%」,全文应统一`,
          }),
        )
      }
    }
  }
  return findings
}
