/**
 * Recognisers for the lines of a news text whose class does not depend on where they stand:
 * datelines, masthead and byline lines, photo credits, column tags and web-page furniture. Each takes
 * one whitespace-normalised line and returns what it found, or undefined. Pure.
 */

export type MastheadField =
  'byline' | 'responsibleEditor' | 'editor' | 'source' | 'dataSource' | 'review'

export type Masthead = { field: MastheadField; value: string }

const SENTENCE_PUNCTUATION = /[,。,!?]/
const MASTHEAD_MAX = 80

/** Byline and masthead lines without a `key:` form, checked only on short unpunctuated lines. */
const BYLINE_RULES: { pattern: RegExp; field: MastheadField; keepLine?: boolean }[] = [
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
  { pattern: /^文\s*[//]\s*图\s+(\S.*)$/, field: 'byline', keepLine: true },
]

/** `key:value` pieces a masthead or dateline line is made of. Longer keys first. */
const KEYS: [string, MastheadField | 'date' | 'ignore'][] = [
  ['数据来源', 'dataSource'],
  ['信息来源', 'source'],
  ['文章来源', 'source'],
  ['稿件来源', 'source'],
  ['稿源', 'source'],
  ['来源', 'source'],
  ['供稿', 'source'],
  ['责任编辑', 'responsibleEditor'],
  ['责编', 'responsibleEditor'],
  ['本版编辑', 'editor'],
  ['编辑', 'editor'],
  ['作者', 'byline'],
  ['记者', 'byline'],
  ['通讯员', 'byline'],
  ['摄影', 'byline'],
  ['文/图', 'byline'],
  ['文/图', 'byline'],
  ['审核', 'review'],
  ['初审', 'review'],
  ['复审', 'review'],
  ['终审', 'review'],
  ['审签', 'review'],
  ['校对', 'review'],
  ['监制', 'review'],
  ['统筹', 'review'],
  ['策划', 'review'],
  ['发布时间', 'date'],
  ['发布日期', 'date'],
  ['发表时间', 'date'],
  ['更新时间', 'date'],
  ['成文日期', 'date'],
  ['日期', 'date'],
  ['时间', 'date'],
  ['发布者', 'ignore'],
  ['发布机构', 'ignore'],
  ['浏览次数', 'ignore'],
  ['阅读次数', 'ignore'],
  ['点击数', 'ignore'],
  ['点击量', 'ignore'],
  ['浏览量', 'ignore'],
  ['阅读量', 'ignore'],
  ['字号', 'ignore'],
  ['字体', 'ignore'],
]
const KEY_PATTERN = new RegExp(
  `(${KEYS.map(([key]) => key.replace('/', '\\/')).join('|')})\\s*[::]`,
  'g',
)
const KEY_FIELD = new Map(KEYS)

const DATE =
  /(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*(?:日|\/)?(?:\s*(?:星期|周)[一二三四五六日天])?/
const TIME = /(\d{1,2})\s*[::时]\s*(\d{2})(?:\s*[::分]\s*(\d{2}))?/
const WEEKDAY = '(?:\\s*(?:星期|周)[一二三四五六日天])?'
const DATE_AND_TIME = new RegExp(`^${DATE.source}(?:\\s*${TIME.source}\\s*(?:分|秒)?)?${WEEKDAY}$`)
/** `兰州新区融媒体中心 2023-10-27 10:49`: a source named before or after the date, without a key. */
const NAMED_DATE = new RegExp(
  `^(?:([^\\s\\d,。,]{2,20})\\s+)?(${DATE.source}(?:\\s*${TIME.source})?${WEEKDAY})(?:\\s+([^\\s\\d,。,]{2,20}))?$`,
)

/** A date as offices print it, read as China time, or undefined when it is not a real date. */
export function readDate(text: string): string | undefined {
  const match = DATE_AND_TIME.exec(text.trim())
  if (!match) return undefined
  const [year, month, day, hour = '0', minute = '0', second = '0'] = match
    .slice(1)
    .map((part) => part ?? undefined) as string[]
  const values = [year, month, day, hour, minute, second].map((part) => Number(part ?? 0))
  const [y, mo, d, h, mi, s] = values as [number, number, number, number, number, number]
  if (y < 1949 || y > 2100 || mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59)
    return undefined
  const pad = (n: number) => String(n).padStart(2, '0')
  const date = new Date(`${y}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}:${pad(s)}+08:00`)
  if (Number.isNaN(date.getTime()) || date.getUTCDate() === undefined) return undefined
  // 2月30日 rolls over in Date: refuse it instead.
  const china = new Date(date.getTime() + 8 * 3600_000)
  if (china.getUTCDate() !== d) return undefined
  return date.toISOString()
}

type Piece = {
  key?: string
  field?: MastheadField | 'date' | 'ignore'
  value: string
  raw?: string
}

/** Splits `来源:兰州日报 作者:张三 2024-03-18` into its keyed pieces and the unkeyed prefix. */
function pieces(line: string): Piece[] {
  const found: { key: string; start: number; end: number }[] = []
  for (const match of line.matchAll(KEY_PATTERN)) {
    found.push({ key: match[1]!, start: match.index!, end: match.index! + match[0].length })
  }
  const result: Piece[] = []
  const prefix = line.slice(0, found[0]?.start ?? line.length).trim()
  if (prefix) result.push({ value: prefix })
  found.forEach((piece, index) => {
    const value = line.slice(piece.end, found[index + 1]?.start ?? line.length).trim()
    const raw = line.slice(piece.start, found[index + 1]?.start ?? line.length).trim()
    result.push({ key: piece.key, field: KEY_FIELD.get(piece.key), value, raw })
  })
  return result
}

const TRAILING_DATE = new RegExp(`^(.*?)\\s+(${DATE.source}(?:\\s*${TIME.source})?${WEEKDAY})$`)

export type Dateline = { date: string; source?: string; byline?: string }

/**
 * A dateline: a date (and time), alone or with `来源:…` and other keyed parts on the same line, as
 * web pages print them above the text. `2024年3月18日,…` followed by a sentence is not one.
 */
export function datelineOf(line: string): Dateline | undefined {
  if (line.length > MASTHEAD_MAX || /[。!?]/.test(line)) return undefined
  let date: string | undefined
  let source: string | undefined
  let byline: string | undefined
  for (const piece of pieces(line)) {
    if (!piece.key) {
      // The unkeyed start is a date, maybe with the source named beside it: `2024-03-18 09:30`.
      const named = NAMED_DATE.exec(piece.value.replace(/[\s/]+$/, ''))
      const value = named && readDate(named[2]!.replace(/[\s/]+$/, ''))
      if (!value || (named![1] && named!.at(-1))) return undefined
      date = value
      source = named![1] ?? named!.at(-1) ?? source
    } else if (piece.field === 'date') {
      const value = readDate(piece.value)
      if (!value) return undefined
      date = value
    } else if (piece.field === 'source' || piece.field === 'byline') {
      // `来源:兰州日报 2024-03-18`: the date may close a keyed part instead of having a key.
      const trailing = TRAILING_DATE.exec(piece.value)
      const when = trailing && readDate(trailing[2]!)
      if (when) date = when
      const value = (when ? trailing![1]! : piece.value).trim() || undefined
      if (piece.field === 'source') source = value
      else byline = value
    } else if (piece.field === 'dataSource') return undefined
  }
  return date ? { date, source, byline } : undefined
}

/** Byline and masthead lines: `责任编辑:…`, `来源:…`, `初审:张三 复审:李四`, `本报记者 张敏`. */
export function mastheadOf(line: string): Masthead | undefined {
  if (line.length > MASTHEAD_MAX) return undefined
  const bracketed =
    /^[((【[]\s*(责任编辑|编辑|记者|通讯员|审核|校对|摄影)\s*[::]?\s*([^))】\]]{1,30}?)\s*[))】\]]$/.exec(
      line,
    )
  if (bracketed) {
    const field = KEY_FIELD.get(bracketed[1]!) as MastheadField
    return { field, value: field === 'byline' ? line : bracketed[2]!.trim() }
  }
  const parts = pieces(line)
  if (parts.length && !parts[0]!.key) {
    if (SENTENCE_PUNCTUATION.test(line)) return undefined
    for (const { pattern, field, keepLine } of BYLINE_RULES) {
      const match = pattern.exec(line)
      if (match) return { field, value: keepLine ? line : match[1]!.trim() }
    }
    return undefined
  }
  if (!parts.length || parts.some((part) => part.field === 'date' || !part.value)) return undefined
  // Values are names and offices, never sentences.
  if (parts.some((part) => /[。!?]/.test(part.value) || part.value.length > 40)) return undefined
  const first = parts[0]!
  if (first.field === 'dataSource') return { field: 'dataSource', value: first.value }
  if (first.field === 'byline') return { field: 'byline', value: line }
  return { field: first.field as MastheadField, value: first.value }
}

/** Every keyed piece of a masthead line, for lines that carry several (`编辑:… 来源:…`). */
export function mastheadPieces(line: string): Masthead[] {
  return pieces(line).flatMap((piece) =>
    piece.key && piece.value && piece.field !== 'date' && piece.field !== 'ignore'
      ? [
          {
            field: piece.field as MastheadField,
            // A byline keeps its role: `文/图:孙悦`, `记者:张敏`; an author is just the name.
            value: piece.field === 'byline' && piece.key !== '作者' ? piece.raw! : piece.value,
          },
        ]
      : [],
  )
}

const NAME = '[\\p{Script=Han}·]{2,4}'
const NAMES = `(?:新华社|本报|融媒体)?(?:特约)?(?:记者|通讯员)?\\s*${NAME}(?:[ 、]${NAME})*`
const CREDIT_IN_PARENS = new RegExp(
  `\\s*[((]\\s*(?:(?:摄影|图片?|摄)\\s*[::/ ]\\s*(${NAMES})|(${NAMES})\\s*摄(?:影)?)\\s*[))]$`,
  'u',
)
const CREDIT_AFTER_SPACE = new RegExp(`\\s+(${NAMES})\\s*摄$`, 'u')

/** A photo credit at the end of a caption: `…全景(摄影 张三)`, `…全景 张三 摄`. */
export function splitCredit(line: string): { text: string; credit?: string } {
  for (const pattern of [CREDIT_IN_PARENS, CREDIT_AFTER_SPACE]) {
    const match = pattern.exec(line)
    if (match && match.index > 0) {
      const credit = (match[1] ?? match[2])!.replace(
        /^(?:新华社|本报|融媒体)?(?:特约)?(?:记者|通讯员)?\s*/,
        '',
      )
      return { text: line.slice(0, match.index).trim(), credit: credit.trim() }
    }
  }
  return { text: line }
}

/** A line that is a photo credit and nothing else: `张三 摄`, `(摄影 张三)`, `摄影:张三`. */
export function creditOf(line: string): string | undefined {
  const whole = new RegExp(
    `^[((]?\\s*(?:(?:摄影|摄)\\s*[::/ ]?\\s*(${NAMES})|(${NAMES})\\s*摄(?:影)?)\\s*[))]?$`,
    'u',
  ).exec(line)
  if (!whole) return undefined
  return (whole[1] ?? whole[2])!
    .replace(/^(?:新华社|本报|融媒体)?(?:特约)?(?:记者|通讯员)?\s*/, '')
    .trim()
}

const FURNITURE_WORDS =
  /^(?:打印|打印本页|打印文章|关闭|关闭窗口|关闭本页|收藏|分享|返回顶部|大|中|小|字号|纠错)$/

/** What a web page wraps around an article: share and print links, hit counters, font sizes. */
export function isFurniture(line: string): boolean {
  const inner = /^[【[]([^【】[\]]+)[】\]]$/.exec(line)?.[1]
  if (inner && isFurniture(inner.trim())) return true
  if (/^(?:当前位置|您的位置|你的位置|您现在的位置|首页\s*[>>»])/.test(line)) return true
  if (line.split(/\s+/).every((word) => FURNITURE_WORDS.test(word))) return true
  if (
    /^(?:分享到|分享至|扫一扫|用手机扫描|手机扫码|上一篇|下一篇|相关(?:新闻|阅读|链接|文章))/.test(
      line,
    )
  )
    return true
  if (/^(?:浏览|阅读|点击|访问)(?:次数|量|数)?\s*[::]?\s*\d*\s*次?$/.test(line)) return true
  if (/^(?:字号|字体)\s*[::]?\s*(?:[大中小]\s*){1,3}$/.test(line)) return true
  if (/^[((]?\s*完\s*[))]?$/.test(line)) return true
  const brackets = line.match(/【[^【】]*】|\[[^\]]*\]/g)
  if (brackets && brackets.join('').length === line.replace(/\s+/g, '').length) {
    return brackets.every((part) => FURNITURE_WORDS.test(part.slice(1, -1).trim()))
  }
  return false
}

/** A column tag in square brackets standing alone: `【强工业·园区在行动】`. */
export function columnOf(line: string): string | undefined {
  const match = /^【([^【】]{1,30})】$/.exec(line)
  if (!match || isFurniture(line) || /[::]/.test(match[1]!)) return undefined
  return match[1]!.trim()
}

/**
 * `本报讯(记者 王晓东)…` / `新华社兰州3月18日电(记者 …)`: the byline a first paragraph opens with.
 */
export function openingBylineOf(paragraph: string): string | undefined {
  const match =
    /^(?:[^\s((,。]{0,16}(?:讯|电))?\s*[((]\s*((?:本报|新华社|融媒体)?(?:特约)?(?:记者|通讯员)[^))]{1,40}?)\s*[))]/.exec(
      paragraph,
    )
  return match?.[1]?.trim()
}
