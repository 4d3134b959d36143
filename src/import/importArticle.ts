import type { Payload, PayloadRequest, TypedUser } from 'payload'

import { withTransaction } from '../config/transaction'
import { HttpError } from '../http/errors'
import { decodeText } from './decode'
import { looksLikeDocx, readDocx, type DocxImage } from './docx'
import { blocksToLexical } from './lexical'
import { parseArticleText, type ParsedArticle } from './parse'

export type ImportSource = { bytes: Uint8Array; name: string }

export type ImportOptions = {
  /** Acting for this user: access rules apply. Without one (CLI, seed) the operator's rights do. */
  user?: TypedUser
  /** The article's author; defaults to the acting user. */
  authorId?: number | string
  /** Join this request's transaction instead of opening one. */
  req?: PayloadRequest
}

export type ImportPreview = {
  name: string
  format: 'text' | 'docx'
  encoding: string
  parsed: ParsedArticle
  images: DocxImage[]
}

export type ImportResult = {
  id: number | string
  title: string
  encoding: string
  photoSlots: number
  linkedPhotos: number
  /** Photos made from pictures embedded in a Word file. */
  createdPhotos: number
  dataSources: { id: number | string; office: string; created: boolean }[]
  preview: ImportPreview
}

/** Photo types the photo desk takes; a Word file's EMF or WMF drawings are left out, with a note. */
const PHOTO_TYPES = new Set(['image/jpeg', 'image/png', 'image/webp', 'image/tiff'])
const EXTENSION: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/tiff': 'tif',
}

/** Reads and classifies one file without touching the database: the dry run and the preview. */
export async function previewImport(source: ImportSource): Promise<ImportPreview> {
  if (/\.doc$/i.test(source.name)) {
    throw new HttpError(
      415,
      'unsupported-import',
      `${source.name} 是旧版 Word(.doc)文件:请在 Word 或 WPS 中另存为 .docx 后再导入`,
      'legacy .doc: save as .docx first',
    )
  }
  if (looksLikeDocx(source.bytes, source.name)) {
    const { text, images } = await readDocx(source.bytes, source.name)
    const parsed = parseArticleText(text, { fileName: source.name, images: true })
    const skipped = images.filter((image) => !PHOTO_TYPES.has(image.contentType))
    for (const image of skipped) {
      parsed.warnings.push(`第 ${image.index} 张图片是 ${image.contentType} 格式,未导入,请另行上传`)
    }
    return { name: source.name, format: 'docx', encoding: 'docx', parsed, images }
  }
  const { text, encoding } = decodeText(source.bytes, source.name)
  const parsed = parseArticleText(text, { fileName: source.name })
  return { name: source.name, format: 'text', encoding, parsed, images: [] }
}

/**
 * Turns one plain-text or Word article into a draft article: photo slots linked to existing photos
 * with the same caption or to the pictures the Word file embeds, the `数据来源` line linked to its
 * data source (made if missing), and each guess the importer made listed for the editor. One
 * transaction per file, so a file imports completely or not at all.
 */
export async function importArticle(
  payload: Payload,
  source: ImportSource,
  options: ImportOptions = {},
): Promise<ImportResult> {
  const preview = await previewImport(source)
  return withTransaction(payload, (req) => storeArticle(payload, req, preview, options), {
    user: options.user,
    req: options.req,
  })
}

/** The credit for pictures: a caption's own, else the photographer the masthead names. */
function mastheadCredit(parsed: ParsedArticle): string | undefined {
  const match = /(?:文\s*[//]\s*图|摄影|图)\s*[::]?\s*([\p{Script=Han}·]{2,4})/u.exec(
    parsed.byline ?? '',
  )
  return match?.[1]
}

async function storeArticle(
  payload: Payload,
  req: PayloadRequest,
  preview: ImportPreview,
  { user, authorId }: ImportOptions,
): Promise<ImportResult> {
  const { parsed } = preview
  const access = { req, overrideAccess: !user, user }
  const slots = parsed.blocks.flatMap((block) => (block.type === 'photoSlot' ? [block] : []))

  const photoByCaption = new Map<string, number | string>()
  const captions = slots.filter((slot) => slot.image === undefined).map((slot) => slot.caption)
  if (captions.length) {
    const { docs } = await payload.find({
      collection: 'photos',
      where: { caption: { in: [...new Set(captions)] } },
      select: { caption: true },
      sort: 'createdAt',
      depth: 0,
      pagination: false,
      draft: true,
      ...access,
    })
    for (const photo of docs) {
      if (photo.caption && !photoByCaption.has(photo.caption))
        photoByCaption.set(photo.caption, photo.id)
    }
  }

  const photoBySlot = new Map<object, number | string>()
  const credit = mastheadCredit(parsed)
  for (const slot of slots) {
    const image = preview.images.find((candidate) => candidate.index === slot.image)
    if (!image || !PHOTO_TYPES.has(image.contentType)) continue
    const photo = await payload.create({
      collection: 'photos',
      draft: true,
      depth: 0,
      data: {
        caption: slot.caption,
        credit: slot.credit ?? credit,
        _status: 'draft',
      } as any,
      file: {
        data: image.data,
        mimetype: image.contentType,
        name: `${preview.name.replace(/\.[^.]+$/, '')}-${image.index}.${EXTENSION[image.contentType]}`,
        size: image.data.length,
      },
      ...access,
    })
    photoBySlot.set(slot, photo.id)
  }

  const dataSources: ImportResult['dataSources'] = []
  for (const office of parsed.dataSourceOffices) {
    const { docs } = await payload.find({
      collection: 'data-sources',
      where: { office: { equals: office } },
      select: { office: true },
      depth: 0,
      limit: 1,
      draft: true,
      ...access,
    })
    const existing = docs[0]
    const id = existing
      ? existing.id
      : (
          await payload.create({
            collection: 'data-sources',
            data: { office },
            draft: true,
            depth: 0,
            ...access,
          })
        ).id
    dataSources.push({ id, office, created: !existing })
  }

  const column = parsed.column ? await matchColumn(payload, parsed.column, access) : undefined

  const article = await payload.create({
    collection: 'articles',
    draft: true,
    depth: 0,
    data: {
      title: parsed.title,
      kicker: parsed.kicker,
      subtitle: parsed.subtitle,
      slogan: parsed.slogan,
      byline: parsed.byline,
      masthead: parsed.masthead,
      topics: parsed.column ? [parsed.column] : undefined,
      primaryColumn: column?.match as number | undefined,
      originalPublishedAt: parsed.originalDate,
      body: blocksToLexical(parsed.blocks, photoByCaption, photoBySlot) as any,
      dataSources: dataSources.map((source) => source.id) as number[],
      author: (authorId ?? user?.id) as number | undefined,
      importNotes: [...importNotes(parsed), ...(column?.note ? [column.note] : [])],
      _status: 'draft',
    },
    ...access,
  })

  return {
    id: article.id,
    title: article.title,
    encoding: preview.encoding,
    photoSlots: slots.length,
    linkedPhotos: slots.filter((slot) => photoBySlot.has(slot) || photoByCaption.has(slot.caption))
      .length,
    createdPhotos: photoBySlot.size,
    dataSources,
    preview,
  }
}

/** Character pairs two names share, as a share of both (Dice): 「园区在行动」 is near 「园区动态」. */
function likeness(a: string, b: string): number {
  const pairs = (text: string) => {
    const chars = Array.from(text.replace(/[^\p{L}\p{N}]/gu, ''))
    return chars.slice(0, -1).map((ch, i) => ch + chars[i + 1])
  }
  const left = pairs(a)
  const right = pairs(b)
  if (!left.length || !right.length) return 0
  const rest = [...right]
  let shared = 0
  for (const pair of left) {
    const at = rest.indexOf(pair)
    if (at >= 0) {
      shared += 1
      rest.splice(at, 1)
    }
  }
  return (2 * shared) / (left.length + right.length)
}

/**
 * The column a `【…】` tag names: the column of that name, or else a suggestion (the most alike
 * name) left for the editor among the import notes.
 */
async function matchColumn(
  payload: Payload,
  tag: string,
  access: { req: PayloadRequest; overrideAccess: boolean; user?: TypedUser },
) {
  const { docs } = await payload.find({
    collection: 'columns',
    select: { name: true },
    depth: 0,
    pagination: false,
    draft: true,
    ...access,
  })
  const exact = docs.find(
    (column) => column.name === tag || column.name === tag.replace(/\s+/g, ''),
  )
  if (exact) return { match: exact.id }
  const best = docs
    .map((column) => ({ column, score: likeness(tag, column.name) }))
    .sort((a, b) => b.score - a.score)[0]
  const reason =
    best && best.score > 0
      ? `没有名为「${tag}」的栏目,建议归入「${best.column.name}」`
      : `没有名为「${tag}」的栏目,请选择所属栏目`
  return { match: undefined, note: { line: 0, kind: '栏目', text: `【${tag}】`, reason } }
}

/** The guesses, one row each, for the editor to confirm in the admin. */
function importNotes(parsed: ParsedArticle) {
  const notes = parsed.report
    .filter((line) => line.guess)
    .map((line) => ({ line: line.line, kind: line.label, text: line.text, reason: line.reason }))
  if (parsed.warnings.some((warning) => warning.startsWith('没有找到标题行'))) {
    notes.unshift({
      line: 0,
      kind: '标题',
      text: parsed.title,
      reason: '文中没有标题行,暂以文件名作标题',
    })
  }
  return notes
}
