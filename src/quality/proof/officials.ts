/**
 * Officials against the register (`officials`), the checks an inspection fails a site on:
 * - a name one character off a registered name (same pinyin, or a character of similar shape),
 *   standing by a post or in a list of officials: block, naming the registered form;
 * - a name with a post the register does not give that person at the article's date: block;
 * - a post the person held but had left by the article's date: warn;
 * - officials of one organisation listed in one sentence out of the register's rank order: warn;
 * - a name the register marks removed (落马/撤职): block.
 */
import AhoCorasick from 'modern-ahocorasick'
import { pinyin } from 'pinyin-pro'

import type { Segment } from '../../content/segments'
import { findingAt, type ProofFinding } from './finding'

export type Official = {
  id?: number | string
  name: string
  post: string
  organisation?: string | null
  rank?: number | null
  termStart?: string | null
  termEnd?: string | null
  status: 'serving' | 'left' | 'removed'
}

/** Characters often written for one another by shape (形近字). */
const SHAPE_GROUPS = [
  '己已巳',
  '未末',
  '戊戌戍',
  '侯候',
  '拨拔',
  '赢嬴羸',
  '汩汨',
  '祗祇',
  '崇祟',
  '刺剌',
  '析折',
  '荼茶',
  '徽微',
  '暑署',
  '辨辩辫',
  '株珠',
  '洁浩',
  '斌彬',
  '玉王',
  '土士',
  '日曰',
  '人入',
  '千干',
  '天夭',
  '鸟乌',
  '免兔',
  '贝见',
  '峰锋烽',
  '晖辉',
  '琦绮',
  '璐潞',
  '渊洲',
  '钧钩',
  '坤堃',
]
const SHAPE = new Map<string, Set<string>>()
for (const group of SHAPE_GROUPS)
  for (const ch of group) SHAPE.set(ch, new Set([...group].filter((c) => c !== ch)))

const POST_WORD =
  /(?:副?书记|副?主任|副?区长|副?市长|副?省长|副?县长|副?镇长|副?局长|副?部长|副?厅长|副?主席|委员|常委|秘书长|巡视员|调研员|总经理|董事长)/
const CLAUSE = /[,。;:!?、,;:!?\n]/
const LIST_SEPARATOR = /^[、,,\s]$/

const syllable = new Map<string, string>()
function pinyinOf(ch: string): string {
  let value = syllable.get(ch)
  if (value === undefined) {
    value = pinyin(ch, { toneType: 'none', type: 'array' })[0] ?? ''
    syllable.set(ch, value)
  }
  return value
}

const activeAt = (o: Official, date: Date) =>
  (!o.termStart || new Date(o.termStart) <= date) && (!o.termEnd || date <= new Date(o.termEnd))

/** The register, indexed once per loaded list. */
type Register = {
  byName: Map<string, Official[]>
  names: string[]
  matcher: AhoCorasick
  posts: string[]
  /** Masked forms (`林?远`) of every name, for the one-character-off search. */
  masked: Map<string, string[]>
  lengths: number[]
}
const registers = new WeakMap<object, Register>()

function register(officials: Official[]): Register {
  let built = registers.get(officials)
  if (built) return built
  const byName = new Map<string, Official[]>()
  for (const official of officials) {
    if (!official.name) continue
    byName.set(official.name, [...(byName.get(official.name) ?? []), official])
  }
  const names = [...byName.keys()]
  const masked = new Map<string, string[]>()
  for (const name of names) {
    const chars = Array.from(name)
    chars.forEach((_, i) => {
      const key = chars.map((c, j) => (j === i ? '?' : c)).join('')
      masked.set(key, [...(masked.get(key) ?? []), name])
    })
  }
  const posts = [...new Set(officials.map((o) => o.post).filter(Boolean))].sort(
    (a, b) => b.length - a.length,
  )
  built = {
    byName,
    names,
    matcher: new AhoCorasick(names.length ? names : ['\u0000']),
    posts,
    masked,
    lengths: [...new Set(names.map((n) => Array.from(n).length))],
  }
  registers.set(officials, built)
  return built
}

/** The post written right before a name in the same clause (`管委会主任林志远`), if any. */
function postBefore(text: string, start: number, posts: string[]): string | undefined {
  let from = start
  while (from > 0 && !CLAUSE.test(text[from - 1]!) && start - from < 20) from -= 1
  const before = text.slice(from, start)
  const registered = posts.find((post) => before.endsWith(post))
  if (registered) return registered
  const generic = new RegExp(`(${POST_WORD.source})$`).exec(before)
  return generic?.[1]
}

const nearPost = (text: string, start: number, end: number) =>
  POST_WORD.test(text.slice(Math.max(0, start - 8), start)) ||
  POST_WORD.test(text.slice(end, end + 4))

export function findOfficialIssues(
  segments: Segment[],
  officials: Official[],
  date: Date,
): ProofFinding[] {
  if (!officials.length) return []
  const reg = register(officials)
  const findings: ProofFinding[] = []
  const day = (iso?: string | null) => (iso ? iso.slice(0, 10) : '')

  for (const segment of segments) {
    const text = segment.text
    const mentions: { name: string; start: number; end: number }[] = []
    for (const match of reg.matcher.search(text)) {
      const name = reg.names[match.patternIndex]!
      mentions.push({ name, start: match.start, end: match.end })
      const records = reg.byName.get(name)!
      const removed = records.find((o) => o.status === 'removed')
      if (removed) {
        findings.push(
          findingAt(segment, match.start, match.end, {
            severity: 'block',
            suggestion: null,
            message: `「${name}」在名录中已标为落马/撤职,不应出现在稿件中,请核实`,
          }),
        )
        continue
      }
      const post = postBefore(text, match.start, reg.posts)
      if (!post) continue
      const holds = (o: Official) => o.post === post || o.post.endsWith(post)
      const now = records.filter((o) => holds(o) && activeAt(o, date))
      if (now.length) continue
      const former = records.find((o) => holds(o))
      const current = records.filter((o) => activeAt(o, date) && o.status === 'serving')
      if (former) {
        findings.push(
          findingAt(segment, match.start, match.end, {
            severity: 'warn',
            suggestion: current[0]?.post ?? null,
            message: `「${name}」已于 ${day(former.termEnd)} 卸任「${former.post}」${current.length ? `,现任「${current.map((o) => o.post).join('、')}」` : ''}`,
          }),
        )
      } else {
        findings.push(
          findingAt(segment, match.start, match.end, {
            severity: 'block',
            suggestion: current[0]?.post ?? null,
            message: `「${name}」的职务与名录不符:文中为「${post}」,名录为「${(current.length ? current : records).map((o) => o.post).join('、')}」`,
          }),
        )
      }
    }

    // One character off a registered name, by sound or shape, where officials are spoken of.
    const chars = Array.from(text)
    const offsets: number[] = []
    let at = 0
    for (const ch of chars) {
      offsets.push(at)
      at += ch.length
    }
    offsets.push(at)
    for (const length of reg.lengths) {
      for (let i = 0; i + length <= chars.length; i += 1) {
        const window = chars.slice(i, i + length)
        if (!window.every((ch) => /\p{Script=Han}/u.test(ch))) continue
        const written = window.join('')
        if (reg.byName.has(written)) continue
        for (let k = 0; k < length; k += 1) {
          const key = window.map((c, j) => (j === k ? '?' : c)).join('')
          const candidates = reg.masked.get(key)
          if (!candidates) continue
          const name = candidates.find((candidate) => {
            const right = Array.from(candidate)[k]!
            const wrong = window[k]!
            return pinyinOf(right) === pinyinOf(wrong) || SHAPE.get(right)?.has(wrong)
          })
          if (!name) continue
          const start = offsets[i]!
          const end = offsets[i + length]!
          const inList = mentions.some(
            (m) =>
              (m.end <= start && LIST_SEPARATOR.test(text.slice(m.end, start))) ||
              (m.start >= end && LIST_SEPARATOR.test(text.slice(end, m.start))),
          )
          if (!nearPost(text, start, end) && !inList) continue
          findings.push(
            findingAt(segment, start, end, {
              severity: 'block',
              suggestion: name,
              message: `疑为「${name}」之误:「${written}」与名录中的姓名只差一字`,
              fix: true,
            }),
          )
          break
        }
      }
    }

    // Several officials of one organisation in one sentence: the register's rank order.
    const sentences = text.split(/(?<=[。!?;!?;])/)
    let base = 0
    for (const sentence of sentences) {
      const inSentence = mentions
        .filter((m) => m.start >= base && m.end <= base + sentence.length)
        .map((m) => ({ m, o: reg.byName.get(m.name)!.find((o) => activeAt(o, date)) }))
        .filter((x): x is { m: (typeof mentions)[number]; o: Official } => !!x.o?.rank)
      const byOrg = new Map<string, typeof inSentence>()
      for (const x of inSentence) {
        const org = x.o.organisation ?? ''
        byOrg.set(org, [...(byOrg.get(org) ?? []), x])
      }
      for (const group of byOrg.values()) {
        if (group.length < 2) continue
        const ranks = group.map((x) => x.o.rank!)
        if (ranks.every((r, i) => i === 0 || ranks[i - 1]! <= r)) continue
        const order = [...group].sort((a, b) => a.o.rank! - b.o.rank!).map((x) => x.m.name)
        findings.push(
          findingAt(segment, group[0]!.m.start, group.at(-1)!.m.end, {
            severity: 'warn',
            suggestion: order.join('、'),
            message: `领导排序与名录不符,应为:${order.join('、')}`,
          }),
        )
      }
      base += sentence.length
    }
  }
  return findings
}
