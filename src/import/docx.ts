/**
 * Word files (.docx from Word or WPS) read with mammoth, a maintained converter: the document
 * becomes the same plain lines a text file gives, so one classifier serves both. Word headings
 * keep their rank (`##` for the first, `###` after), a paragraph set wholly in bold is read as a
 * heading too, and each embedded picture stands on a line of its own as `[[图片 N]]` for the parser
 * to attach to its caption.
 */
import mammoth from 'mammoth'

import { HttpError } from '../http/errors'

export type DocxImage = { index: number; contentType: string; data: Buffer }
export type DocxText = { text: string; images: DocxImage[] }

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10)
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole
    }
    return ENTITIES[name.toLowerCase()] ?? whole
  })
}

const stripTags = (html: string) => decodeEntities(html.replace(/<[^>]*>/g, '')).trim()

export function looksLikeDocx(bytes: Uint8Array, name: string): boolean {
  return /\.docx$/i.test(name) || (bytes[0] === 0x50 && bytes[1] === 0x4b && /\.doc/i.test(name))
}

export async function readDocx(bytes: Uint8Array, name: string): Promise<DocxText> {
  const images: DocxImage[] = []
  let html: string
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes) },
      {
        convertImage: mammoth.images.imgElement(async (image) => {
          const index = images.length + 1
          images.push({ index, contentType: image.contentType, data: await image.readAsBuffer() })
          return { src: `newsdesk-image:${index}` }
        }),
      },
    )
    html = result.value
  } catch {
    throw new HttpError(
      400,
      'bad-docx',
      `${name} 不是有效的 Word 文档(.docx),无法读取;旧版 .doc 请在 Word 或 WPS 中另存为 .docx`,
      'not a readable .docx file',
    )
  }

  const lines: string[] = []
  let headingSeen = false
  const blocks = html.match(/<(h[1-6]|p|li|td|th)\b[^>]*>[\s\S]*?<\/\1>/g) ?? []
  for (const block of blocks) {
    // Pictures stand on lines of their own, in place.
    const parts = block.split(/(<img\b[^>]*>)/)
    for (const part of parts) {
      const image = /src="newsdesk-image:(\d+)"/.exec(part)
      if (image) {
        lines.push(`[[图片 ${image[1]}]]`, '')
        continue
      }
      const text = stripTags(part).replace(/\s*\n\s*/g, ' ')
      if (!text) continue
      const tag = /^<(h[1-6]|p|li|td|th)/.exec(block)![1]!
      const bold = /^<p[^>]*>\s*<strong>[\s\S]*<\/strong>\s*<\/p>$/.test(block)
      if (tag.startsWith('h') || (bold && Array.from(text).length <= 40)) {
        lines.push(`${headingSeen ? '###' : '##'} ${text}`, '')
        headingSeen = true
      } else {
        lines.push(text, '')
      }
    }
  }
  if (!lines.some(Boolean)) {
    throw new HttpError(400, 'empty-file', `${name} 里没有文字,没有可导入的内容`, 'empty document')
  }
  return { text: lines.join('\n'), images }
}
