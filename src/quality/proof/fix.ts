/**
 * The panel's one-click fix: replace the finding's text at its place with the suggestion, in the
 * article's own fields (title, kicker, subtitle, slogan, lead, a body paragraph's text, a caption).
 * The text at the place must still be what the check saw; otherwise the article changed since and
 * nothing is touched.
 */
import { bodyParts } from '../../content/segments'
import { HttpError } from '../../http/errors'

export type FixRequest = { field: string; index: number; offset: number; from: string; to: string }

const PLAIN_FIELDS = ['title', 'kicker', 'subtitle', 'slogan', 'lead'] as const

const stale = () =>
  new HttpError(
    409,
    'stale-version',
    '稿件在检查之后已被修改,请刷新后重试',
    'the text changed since the check; reload',
  )

/** Code-unit position of the 1-based character offset. */
const at = (text: string, offset: number) =>
  Array.from(text)
    .slice(0, offset - 1)
    .join('').length

function replaceIn(text: string, offset: number, from: string, to: string): string {
  const start = at(text, offset)
  if (text.slice(start, start + from.length) !== from) throw stale()
  return text.slice(0, start) + to + text.slice(start + from.length)
}

/** The changed fields, for a draft save of the article. */
export function applyFix(doc: Record<string, any>, fix: FixRequest): Record<string, unknown> {
  if (!fix.from || typeof fix.to !== 'string' || !Number.isInteger(fix.offset) || fix.offset < 1)
    throw new HttpError(
      400,
      'missing-fields',
      '修改请求不完整',
      'field, index, offset, from and to are required',
    )
  if ((PLAIN_FIELDS as readonly string[]).includes(fix.field)) {
    return { [fix.field]: replaceIn(String(doc[fix.field] ?? ''), fix.offset, fix.from, fix.to) }
  }
  if (fix.field !== 'body' && fix.field !== 'caption')
    throw new HttpError(400, 'missing-fields', `不能修改「${fix.field}」`, 'unknown field')
  const body = structuredClone(doc.body ?? {})
  const kind = fix.field === 'body' ? 'paragraph' : 'caption'
  const part = bodyParts(body).find((p) => p.kind === kind && p.index === fix.index)
  if (part?.kind === 'caption') {
    const fields = part.node.fields
    fields.caption = replaceIn(String(fields.caption ?? ''), fix.offset, fix.from, fix.to)
    return { body }
  }
  if (part) {
    // The offset counts characters across the paragraph's text nodes: find the node holding it.
    let before = 0
    for (const textNode of textNodes(part.node)) {
      const length = Array.from(textNode.text).length
      if (fix.offset <= before + length) {
        textNode.text = replaceIn(textNode.text, fix.offset - before, fix.from, fix.to)
        return { body }
      }
      before += length
    }
  }
  throw stale()
}

function textNodes(node: any): { text: string }[] {
  if (!node || typeof node !== 'object') return []
  if (typeof node.text === 'string') return [node]
  return (node.children ?? []).flatMap(textNodes)
}
