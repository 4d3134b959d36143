/**
 * Classifies every line of a news text: title, kicker, column tag, subtitle, slogan, dateline,
 * masthead, data source, subheading, caption, photo credit, body paragraph, or web-page furniture,
 * each with the reason, and whether the choice was only a guess the editor should confirm.
 *
 * Lines are first put together into units: a paragraph that a print layout broke across lines is one
 * unit; a line standing on its own is one. Then each unit is classified, first by what it is
 * whatever its place (a dateline is a dateline anywhere), then by where it stands.
 */
import {
  columnOf,
  creditOf,
  datelineOf,
  isFurniture,
  mastheadOf,
  openingBylineOf,
  splitCredit,
} from './lines'

export type LineClass =
  | 'title'
  | 'kicker'
  | 'column'
  | 'subtitle'
  | 'slogan'
  | 'dateline'
  | 'masthead'
  | 'dataSource'
  | 'subheading'
  | 'caption'
  | 'credit'
  | 'paragraph'
  | 'furniture'

export const CLASS_LABELS: Record<LineClass, string> = {
  title: '标题',
  kicker: '引题',
  column: '栏目',
  subtitle: '副题',
  slogan: '标语',
  dateline: '日期行',
  masthead: '署名/报头',
  dataSource: '数据来源',
  subheading: '小标题',
  caption: '图片说明',
  credit: '摄影署名',
  paragraph: '正文',
  furniture: '网页杂项(舍弃)',
}

export type Unit = {
  /** 1-based numbers of the text's lines this unit is made of. */
  lines: number[]
  text: string
  class: LineClass
  reason: string
  /** Decided by position alone: the editor should confirm it. */
  guess?: boolean
  /** Set for headings marked with `#`. */
  level?: number
  /** A caption's credit, found on its line or on the credit line after it. */
  credit?: string
}

export const CAPTION_MAX = 60
export const TITLE_MAX = 60
const SUBHEADING_FEW = 6

const ENDS_SENTENCE = /[。!?!?…;;][”」』"')）]*$/
const HAS_SENTENCE_END = /[。!?!?;;…]/
const ENDS_MID_SENTENCE = /[,、,:(“《\-—]$/
const OPENING_QUOTE = /^[“「『"]/
const NUMBERED =
  /^(?:[一二三四五六七八九十]+\s*[、.．]|[((][一二三四五六七八九十\d]+[))]|第[一二三四五六七八九十]+[,、,:: ]|\d{1,2}\s*[、.．](?!\d))/
const CAPTION_CUE = /^(?:图为|图:|图:|上图|下图|左图|右图|图\d|图片)/
const SCENE_WORDS =
  /(?:现场|车间|全景|一角|鸟瞰|航拍|工地|外景|夜景|远眺|掠影|风光|风貌|生产线|厂区|厂房|景色|景观|花海|施工|建设中|正在|忙碌|作业)/

const SCENE_END = new RegExp(`${SCENE_WORDS.source}$`)

const chars = (text: string) => Array.from(text).length

/** Display width as a print layout counts it: Han and full-width forms take two columns. */
function width(text: string): number {
  let total = 0
  for (const ch of text) total += /[\u1100-\uFFEF]/.test(ch) ? 2 : 1
  return total
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

/** Lines whose class does not depend on their place; they never join a paragraph. */
function standsForItself(line: string): boolean {
  return (
    /^#{1,6}\s*\S/.test(line) ||
    !!datelineOf(line) ||
    !!mastheadOf(line) ||
    !!creditOf(line) ||
    isFurniture(line) ||
    !!columnOf(line)
  )
}

/**
 * The width a print layout wrapped at, when it did: most lines that run on into the next line of
 * the same paragraph share it.
 */
function wrapWidth(lines: string[]): number | undefined {
  const widths: number[] = []
  lines.forEach((line, index) => {
    if (line && lines[index + 1] && width(line) >= 20) widths.push(width(line))
  })
  if (widths.length < 3) return undefined
  let best = 0
  let bestCount = 0
  for (const candidate of new Set(widths)) {
    const count = widths.filter((w) => Math.abs(w - candidate) <= 2).length
    if (count > bestCount) [best, bestCount] = [candidate, count]
  }
  return bestCount >= Math.max(3, widths.length / 2) ? best : undefined
}

type RawUnit = { lines: number[]; text: string; joined: boolean }

function toUnits(lines: string[]): RawUnit[] {
  const wrap = wrapWidth(lines)
  // Where blank lines part the paragraphs, two lines in a row belong together unless the first ends
  // a sentence; where nothing parts them (a web page copied whole), only a wrap or a line cut off
  // mid-sentence runs on.
  const filled = lines.filter(Boolean).length
  const blankParted = lines.length - filled >= filled / 3
  const units: RawUnit[] = []
  let current: { numbers: number[]; texts: string[] } | undefined
  const flush = () => {
    if (current) {
      units.push({
        lines: current.numbers,
        text: joinLines(current.texts),
        joined: current.texts.length > 1,
      })
    }
    current = undefined
  }
  lines.forEach((line, index) => {
    if (!line) return flush()
    if (current) {
      const previous = current.texts.at(-1)!
      const runsOn =
        !standsForItself(previous) &&
        !standsForItself(line) &&
        ((wrap !== undefined && width(previous) >= wrap - 2) ||
          (!ENDS_SENTENCE.test(previous) &&
            (ENDS_MID_SENTENCE.test(previous) || (blankParted && chars(previous) >= 15))))
      if (runsOn) {
        current.numbers.push(index + 1)
        current.texts.push(line)
        return
      }
      flush()
    }
    current = { numbers: [index + 1], texts: [line] }
  })
  flush()
  return units
}

/** A short line without sentence punctuation: a title, caption or subheading, never a paragraph. */
function isShortLine(unit: RawUnit, max = CAPTION_MAX): boolean {
  return !unit.joined && chars(unit.text) <= max && !HAS_SENTENCE_END.test(unit.text)
}

/** A subheading by its form: numbered, ending in a colon, a few characters, or paired phrases. */
function subheadingReason(text: string, nextIsParagraph: boolean): string | undefined {
  if (NUMBERED.test(text)) return '以序号开头的短行'
  if (/[::]$/.test(text) && chars(text) <= 30) return '以冒号结尾的短行'
  const han = text.replace(/[^\p{Script=Han}]/gu, '')
  if (nextIsParagraph && han.length === chars(text) && han.length <= SUBHEADING_FEW)
    return `${han.length} 个字的短语,后接正文`
  const phrases = text.split(/[\s,,、]+/).filter(Boolean)
  if (
    nextIsParagraph &&
    phrases.length >= 2 &&
    phrases.length <= 3 &&
    phrases.every((phrase) => /^[\p{Script=Han}]{2,6}$/u.test(phrase)) &&
    new Set(phrases.map((phrase) => chars(phrase))).size === 1
  )
    return '对仗短语,后接正文'
  return undefined
}

/** Why a short standalone line is a caption, and whether that rests on its place alone. */
function captionReason(text: string, credit?: string): { reason: string; guess: boolean } {
  if (credit) return { reason: `带摄影署名(${credit})`, guess: false }
  if (CAPTION_CUE.test(text)) return { reason: '以「图为」等开头', guess: false }
  if (/^\d{4}年\d{1,2}月\d{1,2}日[,,]/.test(text))
    return { reason: '以拍摄日期开头的描述', guess: false }
  if (SCENE_WORDS.test(text)) return { reason: '描述画面的短行', guess: false }
  return { reason: '独立成行的短句,仅凭位置判断为图片说明', guess: true }
}

export type ClassifyOptions = { fileName?: string }

export type Classified = {
  units: Unit[]
  /** The title came from the file name: the text has no title line. */
  provisionalTitle?: string
}

export function classifyLines(lines: string[], options: ClassifyOptions = {}): Classified {
  const raw = toUnits(lines)
  const units: Unit[] = []
  const markedTitle = raw.some((unit) => /^#{1,2}\s*\S/.test(unit.text))
  let titleSeen = false
  let kickerSeen = false
  let bodyStarted = false
  let provisionalTitle: string | undefined

  const classOf = (index: number): LineClass | undefined => units[index]?.class
  const followedByParagraph = (index: number) => {
    const next = raw[index + 1]
    return !!next && (next.joined || !isShortLine(next)) && !standsForItself(next.text)
  }

  raw.forEach((unit, index) => {
    const push = (cls: LineClass, reason: string, extra: Partial<Unit> = {}) =>
      units.push({ lines: unit.lines, text: unit.text, class: cls, reason, ...extra })
    const text = unit.text

    if (!unit.joined) {
      const heading = /^(#{1,6})\s*(.+)$/.exec(text)
      if (heading) {
        const level = heading[1]!.length
        const value = heading[2]!.trim()
        if (!titleSeen && level === 1 && !kickerSeen) {
          kickerSeen = true
          return push('kicker', '「#」标在标题前', { text: value, level })
        }
        if (!titleSeen && level <= 2) {
          titleSeen = true
          return push('title', '「##」标出的标题', { text: value, level })
        }
        if (titleSeen && !bodyStarted && level >= 3 && !units.some((u) => u.class === 'subtitle'))
          return push('subtitle', '标题后的「###」', { text: value, level })
        bodyStarted = true
        return push('subheading', '「#」标出的小标题', { text: value, level })
      }
      if (/^数据来源\s*[::]/.test(text)) return push('dataSource', '以「数据来源:」开头')
      if (isFurniture(text)) return push('furniture', '网页上的分享、打印、点击数等')
      const column = columnOf(text)
      if (column && !bodyStarted) return push('column', '方括号里的栏目名', { text: column })
      if (datelineOf(text)) return push('dateline', '日期时间(可带来源)独占一行')
      const credit = creditOf(text)
      if (credit) {
        const previous = units.at(-1)
        if (previous?.class === 'caption' && !previous.credit) {
          previous.credit = credit
          return push('credit', '图片说明后的摄影署名', { credit })
        }
        return push('masthead', '摄影署名', { credit })
      }
      const masthead = mastheadOf(text)
      if (masthead) return push('masthead', '署名、编辑或来源行')
    }

    // From here on the place decides.
    if (!titleSeen && !markedTitle) {
      titleSeen = true
      if (isShortLine(unit, TITLE_MAX) && !OPENING_QUOTE.test(text)) {
        return push('title', '第一个无句末标点的短行')
      }
      provisionalTitle = (options.fileName ?? '未命名稿件').replace(/\.[^.]+$/, '').trim()
      // Falls through: this unit is the first paragraph.
    }

    // A line of stray marks (`***`, `|`) is nothing a reader needs: it goes with the furniture.
    if (!/[\p{L}\p{N}]/u.test(text)) return push('furniture', '只有符号的行')
    const short = isShortLine(unit)
    if (
      short &&
      !bodyStarted &&
      OPENING_QUOTE.test(text) &&
      !units.some((u) => u.class === 'slogan')
    )
      return push('slogan', '标题前后带引号的短句')
    if (short && titleSeen && !bodyStarted && /^[—-]{1,2}/.test(text))
      return push('subtitle', '标题后以破折号开头')
    if (short) {
      const { text: caption, credit } = splitCredit(text)
      const { reason, guess } = captionReason(caption, credit)
      const pictured = !!credit || CAPTION_CUE.test(caption) || SCENE_END.test(caption)
      const heading =
        bodyStarted && !pictured ? subheadingReason(text, followedByParagraph(index)) : undefined
      if (heading) return push('subheading', heading)
      return push('caption', reason, { text: caption, credit, guess })
    }
    if (!bodyStarted && classOf(units.length - 1) !== 'paragraph') {
      const byline = openingBylineOf(text)
      bodyStarted = true
      if (byline) return push('paragraph', `正文首段,段首署名「${byline}」已记入署名`)
    }
    bodyStarted = true
    return push('paragraph', unit.joined ? '正文段落(跨行已合并)' : '正文段落')
  })

  return { units, provisionalTitle }
}
