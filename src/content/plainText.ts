/** Plain text of a Lexical body's paragraphs and headings, block captions left out. */
export function lexicalParagraphs(body: any): string[] {
  const children: any[] = body?.root?.children ?? []
  return children
    .filter((node) => node.type === 'paragraph' || node.type === 'heading')
    .map((node) => textOf(node).trim())
    .filter(Boolean)
}

function textOf(node: any): string {
  if (typeof node?.text === 'string') return node.text
  if (node?.type === 'linebreak') return '\n'
  return (node?.children ?? []).map(textOf).join('')
}

/** A reader-facing excerpt: the first characters of the lead or the first paragraph. */
export function makeExcerpt(
  lead: string | null | undefined,
  body: unknown,
  max = 120,
): string | null {
  const source = lead?.trim() || lexicalParagraphs(body).find((p) => p.length > 20) || ''
  if (!source) return null
  const chars = Array.from(source.replace(/\s+/g, ' '))
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('')}…`
}
