/**
 * Recognises the parts of a Chinese feature pasted from a print layout into plain text: kicker and
 * title (`#` / `##`), a quoted slogan line, photo captions standing alone, byline and masthead lines,
 * the `数据来源:` line, and the paragraphs. Pure: text in, structure out.
 */
import { HttpError } from '../http/errors'

export type ParsedBlock =
  | { type: 'paragraph'; text: string }
  | { type: 'heading'; level: 2 | 3 | 4; text: string }
  | { type: 'photoSlot'; caption: string }

export type ParsedArticle = {
  kicker?: string
  title: string
  subtitle?: string
  slogan?: string
  byline?: string
  masthead: { responsibleEditor?: string; editor?: string; source?: string }
  dataSourceOffices: string[]
  blocks: ParsedBlock[]
}

const ODD_SPACES = /[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000\t\f\v]/g
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF]/g

/** Same text, tidy whitespace: odd spaces become plain ones, lines are trimmed, runs collapse. */
export function normalizeWhitespace(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(INVISIBLE, '')
    .replace(ODD_SPACES, ' ')
    .split('\n')
    .map((line) => line.replace(/ {2,}/g, ' ').trim())
    .join('\n')
}

const SENTENCE_END = /[。!?!?;;…]/
const OPENING_QUOTE = /^[“「『"]/
const CAPTION_MAX = 60
const MASTHEAD_MAX = 40

type Masthead = {
  field: 'byline' | 'responsibleEditor' | 'editor' | 'source' | 'dataSource'
  value: string
}

/** Byline and masthead lines, checked only on short lines without sentence punctuation. */
const MASTHEAD_RULES: { pattern: RegExp; field: Masthead['field']; keepLine?: boolean }[] = [
  { pattern: /^数据来源\s*[::]\s*(.+)$/, field: 'dataSource' },
  { pattern: /^责任编辑\s*[::]\s*(.+)$/, field: 'responsibleEditor' },
  { pattern: /^(?:本版)?编辑\s*[::]\s*(.+)$/, field: 'editor' },
  { pattern: /^(?:稿件)?来源\s*[::]\s*(.+)$/, field: 'source' },
  {
    pattern: /^(?:本报|新华社|融媒体)?(?:特约)?记者\s*[::]?\s*(.+)$/,
    field: 'byline',
    keepLine: true,
  },
  {
    pattern: /^(?:文\s*[//]\s*图|文|图|摄影|摄|通讯员)\s*[::/]\s*(.+)$/,
    field: 'byline',
    keepLine: true,
  },
]

export function mastheadOf(line: string): Masthead | undefined {
  if (line.length > MASTHEAD_MAX || /[,。,!?]/.test(line)) return undefined
  for (const { pattern, field, keepLine } of MASTHEAD_RULES) {
    const match = pattern.exec(line)
    if (match) return { field, value: keepLine ? line : match[1]!.trim() }
  }
  return undefined
}

const isCjk = (ch: string | undefined) =>
  !!ch && /[\p{Script=Han}\u3000-\u303F\uFF00-\uFFEF“”‘’]/u.test(ch)

/** Lines of one paragraph broken by the layout: Chinese joins without a space, Latin with one. */
function joinLines(lines: string[]): string {
  return lines.reduce((text, line) => {
    if (!text) return line
    return isCjk(text.at(-1)) || isCjk(line[0]) ? text + line : `${text} ${line}`
  }, '')
}

export function parseArticleText(raw: string): ParsedArticle {
  const groups: string[][] = []
  let current: string[] = []
  for (const line of normalizeWhitespace(raw).split('\n')) {
    if (line) {
      current.push(line)
    } else if (current.length) {
      groups.push(current)
      current = []
    }
  }
  if (current.length) groups.push(current)

  const article: Omit<ParsedArticle, 'title'> & { title?: string } = {
    masthead: {},
    dataSourceOffices: [],
    blocks: [],
  }
  const bylines: string[] = []
  let bodyStarted = false

  for (const group of groups) {
    const rest: string[] = []
    for (const line of group) {
      const heading = /^(#{1,6})\s*(.+)$/.exec(line)
      if (heading) {
        const level = heading[1]!.length
        const text = heading[2]!.trim()
        if (!article.title && level === 1 && !article.kicker) article.kicker = text
        else if (!article.title && level <= 2) article.title = text
        else if (article.title && !bodyStarted && !article.subtitle && level >= 3)
          article.subtitle = text
        else {
          article.blocks.push({
            type: 'heading',
            level: Math.min(Math.max(level, 2), 4) as 2 | 3 | 4,
            text,
          })
          bodyStarted = true
        }
        continue
      }
      const masthead = mastheadOf(line)
      if (masthead) {
        if (masthead.field === 'dataSource') {
          article.dataSourceOffices.push(
            ...masthead.value
              .split(/[、,,;;]/)
              .map((s) => s.trim())
              .filter(Boolean),
          )
        } else if (masthead.field === 'byline') bylines.push(masthead.value)
        else article.masthead[masthead.field] = masthead.value
        continue
      }
      rest.push(line)
    }
    if (!rest.length) continue
    const text = joinLines(rest)
    const standsAlone = group.length === 1 && rest.length === 1
    const short = Array.from(text).length <= CAPTION_MAX
    if (
      !article.title &&
      !article.slogan &&
      standsAlone &&
      OPENING_QUOTE.test(text) &&
      short &&
      !SENTENCE_END.test(text)
    ) {
      article.slogan = text
    } else if (standsAlone && short && !SENTENCE_END.test(text)) {
      article.blocks.push({ type: 'photoSlot', caption: text })
    } else {
      article.blocks.push({ type: 'paragraph', text })
      bodyStarted = bodyStarted || !!article.title
    }
  }

  if (!article.title && article.kicker) {
    article.title = article.kicker
    delete article.kicker
  }
  if (!article.title) {
    throw new HttpError(
      400,
      'no-title',
      '找不到标题:请用「## 标题」标出标题行',
      'no title line found',
    )
  }
  if (!article.blocks.some((block) => block.type === 'paragraph')) {
    throw new HttpError(400, 'no-body', `「${article.title}」没有正文段落`, 'no body paragraphs')
  }
  if (bylines.length) article.byline = bylines.join(' ')
  return article as ParsedArticle
}
