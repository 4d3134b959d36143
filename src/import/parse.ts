/**
 * Turns a Chinese news text, as pasted from a print layout, a web page or a Word file, into the
 * parts of an article. Every line is classified first (./classify); this file only gathers the
 * classes into fields and body blocks, and keeps the per-line report. Pure: text in, structure out.
 */
import { HttpError } from '../http/errors'
import { CLASS_LABELS, classifyLines, type LineClass, type Unit } from './classify'
import { datelineOf, mastheadPieces, openingBylineOf } from './lines'

export { mastheadOf } from './lines'

export type ParsedBlock =
  | { type: 'paragraph'; text: string }
  | { type: 'heading'; level: 2 | 3 | 4; text: string }
  | { type: 'photoSlot'; caption: string; credit?: string; guess?: boolean; image?: number }

export type ReportLine = {
  line: number
  text: string
  class: LineClass
  label: string
  reason: string
  guess: boolean
}

export type ParsedArticle = {
  kicker?: string
  column?: string
  title: string
  subtitle?: string
  slogan?: string
  byline?: string
  /** The original publication date from a dateline, as an ISO string. */
  originalDate?: string
  masthead: { responsibleEditor?: string; editor?: string; source?: string }
  dataSourceOffices: string[]
  blocks: ParsedBlock[]
  /** Each non-blank line of the text with its class and why. */
  report: ReportLine[]
  /** What the editor should look at: a provisional title, captions decided by position alone. */
  warnings: string[]
}

export type ParseOptions = {
  fileName?: string
  /** Lines standing for a picture embedded in a Word file: `[[图片 N]]`. */
  images?: boolean
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

export const IMAGE_MARK = /^\[\[图片 (\d+)\]\]$/

export function parseArticleText(raw: string, options: ParseOptions = {}): ParsedArticle {
  const lines = normalizeWhitespace(raw).split('\n')
  const images = new Map<number, number>()
  if (options.images) {
    lines.forEach((line, index) => {
      const mark = IMAGE_MARK.exec(line)
      if (mark) {
        images.set(index + 1, Number(mark[1]))
        lines[index] = ''
      }
    })
  }
  const { units, provisionalTitle } = classifyLines(lines, { fileName: options.fileName })
  const article: Omit<ParsedArticle, 'title'> & { title?: string } = {
    masthead: {},
    dataSourceOffices: [],
    blocks: [],
    report: [],
    warnings: [],
  }
  const bylines: string[] = []
  if (provisionalTitle) {
    article.title = provisionalTitle
    article.warnings.push(`没有找到标题行,暂以文件名「${provisionalTitle}」作标题,请在后台改正`)
  }

  for (const unit of units) {
    gather(article, unit, bylines)
    for (const line of unit.lines) {
      article.report.push({
        line,
        text: lines[line - 1]!,
        class: unit.class,
        label: CLASS_LABELS[unit.class],
        reason: unit.reason,
        guess: !!unit.guess,
      })
    }
  }
  attachImages(article.blocks, units, images)

  if (!article.title) {
    throw new HttpError(400, 'no-title', '找不到标题:文中没有可作标题的行', 'no title line found')
  }
  if (!article.blocks.some((block) => block.type === 'paragraph')) {
    throw new HttpError(400, 'no-body', `「${article.title}」没有正文段落`, 'no body paragraphs')
  }
  if (bylines.length) article.byline = [...new Set(bylines)].join(' ')
  return article as ParsedArticle
}

function gather(
  article: Omit<ParsedArticle, 'title'> & { title?: string },
  unit: Unit,
  bylines: string[],
): void {
  switch (unit.class) {
    case 'title':
      article.title = unit.text
      return
    case 'kicker':
      article.kicker = unit.text
      return
    case 'column':
      article.column ??= unit.text
      return
    case 'subtitle':
      article.subtitle = unit.text.replace(/^[—-]+\s*/, '')
      return
    case 'slogan':
      article.slogan = unit.text
      return
    case 'dateline': {
      const dateline = datelineOf(unit.text)!
      article.originalDate ??= dateline.date
      if (dateline.source) article.masthead.source ??= dateline.source
      if (dateline.byline) bylines.push(dateline.byline)
      return
    }
    case 'dataSource':
      article.dataSourceOffices.push(
        ...unit.text
          .replace(/^数据来源\s*[::]\s*/, '')
          .split(/[、,,;;]/)
          .map((s) => s.trim())
          .filter(Boolean),
      )
      return
    case 'masthead':
      if (unit.credit) {
        bylines.push(unit.text)
        return
      }
      const pieces = mastheadPieces(unit.text)
      for (const piece of pieces) {
        if (piece.field === 'byline') bylines.push(piece.value)
        else if (piece.field === 'dataSource') article.dataSourceOffices.push(piece.value)
        else if (piece.field !== 'review') article.masthead[piece.field] ??= piece.value
      }
      if (!pieces.length) bylines.push(unit.text.replace(/^[((【[]|[))】\]]$/g, ''))
      return
    case 'subheading':
      article.blocks.push({
        type: 'heading',
        level: Math.min(Math.max(unit.level ?? 3, 2), 4) as 2 | 3 | 4,
        text: unit.text,
      })
      return
    case 'caption':
      article.blocks.push({
        type: 'photoSlot',
        caption: unit.text,
        ...(unit.credit ? { credit: unit.credit } : {}),
        ...(unit.guess ? { guess: true } : {}),
      })
      return
    case 'paragraph': {
      if (!article.blocks.some((block) => block.type === 'paragraph')) {
        const byline = openingBylineOf(unit.text)
        if (byline) bylines.push(byline)
      }
      article.blocks.push({ type: 'paragraph', text: unit.text })
      return
    }
    case 'credit':
    case 'furniture':
      return
  }
}

/**
 * A picture embedded in a Word file goes to the caption right after it, or else the caption right
 * before it; a picture with neither gets a slot of its own for the editor to caption.
 */
function attachImages(blocks: ParsedBlock[], units: Unit[], images: Map<number, number>): void {
  if (!images.size) return
  const slots = blocks.filter((block) => block.type === 'photoSlot')
  const captionUnits = units.filter((unit) => unit.class === 'caption')
  for (const [line, image] of [...images].sort((a, b) => a[0] - b[0])) {
    const after = captionUnits.findIndex(
      (unit, index) => unit.lines[0]! > line && !slots[index]!.image,
    )
    const nextContent = units.find((unit) => unit.lines[0]! > line && unit.class !== 'furniture')
    const before = [...captionUnits.keys()]
      .reverse()
      .find((index) => captionUnits[index]!.lines.at(-1)! < line && !slots[index]!.image)
    const slotIndex =
      after >= 0 && nextContent === captionUnits[after]
        ? after
        : before !== undefined && slots[before]
          ? before
          : -1
    if (slotIndex >= 0) {
      ;(slots[slotIndex] as Extract<ParsedBlock, { type: 'photoSlot' }>).image = image
      continue
    }
    // No caption next to it: a slot of its own, placed before the next unit's block.
    const position = blocks.findIndex((_block, index) => index >= blockIndexAfter(units, line))
    blocks.splice(position < 0 ? blocks.length : position, 0, {
      type: 'photoSlot',
      caption: `图片 ${image}`,
      guess: true,
      image,
    })
  }
}

/** How many body blocks come from units before a line. */
function blockIndexAfter(units: Unit[], line: number): number {
  return units.filter(
    (unit) =>
      unit.lines[0]! < line &&
      (unit.class === 'paragraph' || unit.class === 'caption' || unit.class === 'subheading'),
  ).length
}
