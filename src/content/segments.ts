/**
 * The checkable text of an article, in reading order, each piece with the place a reviewer can
 * find it: 标题, 引题, 副题, 标语, 导语, 正文第 N 段, 图片说明 N. After them come the stored fields
 * made from that text (摘要, 网址别名), marked `derived`: personal data must be found and masked
 * there too, while terms and figures are read once, where they were written.
 */
export type Segment = {
  field:
    'title' | 'kicker' | 'subtitle' | 'slogan' | 'lead' | 'body' | 'caption' | 'excerpt' | 'slug'
  index: number
  place: string
  text: string
  derived?: true
}

/** A Lexical node's text, its children's joined. */
export const textOf = (node: any): string =>
  typeof node?.text === 'string' ? node.text : (node?.children ?? []).map(textOf).join('')

export type BodyPart =
  | { kind: 'paragraph'; index: number; node: any; text: string }
  | { kind: 'caption'; index: number; node: any }

/**
 * The body's paragraphs and photo slots in reading order, each numbered as editors count them:
 * paragraphs with text (正文第 N 段), photo slots all (图片说明 N). The checks, their fixes and the
 * link check all find a place by these numbers.
 */
export function bodyParts(body: any): BodyPart[] {
  const parts: BodyPart[] = []
  let paragraph = 0
  let caption = 0
  for (const node of body?.root?.children ?? []) {
    if (node.type === 'block' && node.fields?.blockType === 'photoSlot') {
      parts.push({ kind: 'caption', index: (caption += 1), node })
      continue
    }
    const text = textOf(node)
    if (text.trim()) parts.push({ kind: 'paragraph', index: (paragraph += 1), node, text })
  }
  return parts
}

export function articleSegments(article: Record<string, any>): Segment[] {
  const segments: Segment[] = []
  if (article.title)
    segments.push({ field: 'title', index: 0, place: '标题', text: String(article.title) })
  if (article.kicker)
    segments.push({ field: 'kicker', index: 0, place: '引题', text: String(article.kicker) })
  if (article.subtitle)
    segments.push({ field: 'subtitle', index: 0, place: '副题', text: String(article.subtitle) })
  if (article.slogan)
    segments.push({ field: 'slogan', index: 0, place: '标语', text: String(article.slogan) })
  if (article.lead)
    segments.push({ field: 'lead', index: 0, place: '导语', text: String(article.lead) })
  for (const part of bodyParts(article.body)) {
    if (part.kind === 'paragraph') {
      segments.push({
        field: 'body',
        index: part.index,
        place: `正文第${part.index}段`,
        text: part.text,
      })
    } else if (part.node.fields.caption) {
      segments.push({
        field: 'caption',
        index: part.index,
        place: `图片说明${part.index}`,
        text: part.node.fields.caption,
      })
    }
  }
  if (article.excerpt)
    segments.push({
      field: 'excerpt',
      index: 0,
      place: '摘要',
      text: String(article.excerpt),
      derived: true,
    })
  if (article.slug)
    segments.push({
      field: 'slug',
      index: 0,
      place: '网址别名',
      text: String(article.slug),
      derived: true,
    })
  return segments
}

/** A short excerpt around a hit, for the review panel. */
export const excerpt = (text: string, start: number, end: number, pad = 12) =>
  `${start > pad ? '…' : ''}${text.slice(Math.max(0, start - pad), end + pad)}${end + pad < text.length ? '…' : ''}`
