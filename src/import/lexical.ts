import crypto from 'node:crypto'

import type { ParsedBlock } from './parse'

/** Lexical's serialized editor state for the body, built from the parsed blocks. */
export function blocksToLexical(
  blocks: ParsedBlock[],
  photoByCaption: Map<string, number | string> = new Map(),
  /** Photos made for particular slots (a Word file's pictures): these win over a caption match. */
  photoBySlot: Map<object, number | string> = new Map(),
) {
  const text = (value: string) => ({
    type: 'text',
    text: value,
    format: 0,
    detail: 0,
    mode: 'normal',
    style: '',
    version: 1,
  })
  const children = blocks.map((block) => {
    switch (block.type) {
      case 'paragraph':
        return {
          type: 'paragraph',
          format: '',
          indent: 0,
          version: 1,
          direction: 'ltr',
          textFormat: 0,
          textStyle: '',
          children: [text(block.text)],
        }
      case 'heading':
        return {
          type: 'heading',
          tag: `h${block.level}`,
          format: '',
          indent: 0,
          version: 1,
          direction: 'ltr',
          children: [text(block.text)],
        }
      case 'photoSlot':
        return {
          type: 'block',
          format: '',
          version: 2,
          fields: {
            id: crypto.randomBytes(12).toString('hex'),
            // The admin shows blockName in the block's header: the caption tells slots apart.
            blockName: Array.from(block.caption).slice(0, 40).join(''),
            blockType: 'photoSlot',
            caption: block.caption,
            photo: photoBySlot.get(block) ?? photoByCaption.get(block.caption) ?? null,
          },
        }
    }
  })
  return {
    root: { type: 'root', format: '', indent: 0, version: 1, direction: 'ltr', children },
  }
}

/** The photo slots of a stored body, in order, as the delivery and quality code read them. */
export function photoSlotsOf(body: any): { caption: string; photo: unknown }[] {
  return (body?.root?.children ?? [])
    .filter((node: any) => node.type === 'block' && node.fields?.blockType === 'photoSlot')
    .map((node: any) => ({ caption: node.fields.caption, photo: node.fields.photo ?? null }))
}
