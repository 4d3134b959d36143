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

const textOf = (node: any): string =>
  typeof node?.text === 'string' ? node.text : (node?.children ?? []).map(textOf).join('')

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
  let paragraph = 0
  let caption = 0
  for (const node of article.body?.root?.children ?? []) {
    if (node.type === 'block' && node.fields?.blockType === 'photoSlot') {
      caption += 1
      if (node.fields.caption)
        segments.push({
          field: 'caption',
          index: caption,
          place: `图片说明${caption}`,
          text: node.fields.caption,
        })
    } else {
      const text = textOf(node)
      if (text.trim()) {
        paragraph += 1
        segments.push({ field: 'body', index: paragraph, place: `正文第${paragraph}段`, text })
      }
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
