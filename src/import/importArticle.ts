import type { Payload, PayloadRequest, TypedUser } from 'payload'

import { withTransaction } from '../config/transaction'
import { decodeText } from './decode'
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

export type ImportResult = {
  id: number | string
  title: string
  encoding: string
  photoSlots: number
  linkedPhotos: number
  dataSources: { id: number | string; office: string; created: boolean }[]
}

/**
 * Turns one plain-text article into a draft article: photo slots linked to existing photos with the
 * same caption, the `数据来源` line linked to its data source (made if missing). One transaction per
 * file, so a file imports completely or not at all.
 */
export async function importArticle(
  payload: Payload,
  source: ImportSource,
  options: ImportOptions = {},
): Promise<ImportResult> {
  const { text, encoding } = decodeText(source.bytes, source.name)
  const parsed = parseArticleText(text)
  return withTransaction(payload, (req) => storeArticle(payload, req, parsed, encoding, options), {
    user: options.user,
    req: options.req,
  })
}

async function storeArticle(
  payload: Payload,
  req: PayloadRequest,
  parsed: ParsedArticle,
  encoding: string,
  { user, authorId }: ImportOptions,
): Promise<ImportResult> {
  const access = { req, overrideAccess: !user, user }
  const captions = parsed.blocks.flatMap((block) =>
    block.type === 'photoSlot' ? [block.caption] : [],
  )

  const photoByCaption = new Map<string, number | string>()
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
      body: blocksToLexical(parsed.blocks, photoByCaption) as any,
      dataSources: dataSources.map((source) => source.id) as number[],
      author: (authorId ?? user?.id) as number | undefined,
      _status: 'draft',
    },
    ...access,
  })

  return {
    id: article.id,
    title: article.title,
    encoding,
    photoSlots: captions.length,
    linkedPhotos: captions.filter((caption) => photoByCaption.has(caption)).length,
    dataSources,
  }
}
