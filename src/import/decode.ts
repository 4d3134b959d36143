/**
 * Text files arrive in UTF-8 or in GBK/GB18030 (what Chinese Windows editors save). The encoding is
 * detected from the bytes: strict UTF-8 decoding fails on GBK Chinese (its lead bytes 0x81-0xFE are
 * followed by bytes UTF-8 forbids there), and a GB18030 decoding must then yield Han text. Node's
 * built-in TextDecoder (full ICU) does both; no guessing from the file name.
 */
import { HttpError } from '../http/errors'

export type Decoded = { text: string; encoding: 'utf-8' | 'gb18030' }

const HAN = /\p{Script=Han}/gu

export function decodeText(bytes: Uint8Array, name = '文件'): Decoded {
  if (bytes.length === 0)
    throw new HttpError(400, 'empty-file', `${name} 是空文件,没有可导入的内容`, 'empty file')
  if (looksBinary(bytes)) {
    throw new HttpError(
      400,
      'binary-file',
      `${name} 不是文本文件(含二进制内容),无法导入`,
      'binary file',
    )
  }
  const utf8 = tryDecode('utf-8', bytes)
  if (utf8 !== null) return { text: utf8.replace(/^\uFEFF/, ''), encoding: 'utf-8' }
  const gb = tryDecode('gb18030', bytes)
  if (gb !== null && (gb.match(HAN)?.length ?? 0) > 0) return { text: gb, encoding: 'gb18030' }
  throw new HttpError(
    400,
    'unknown-encoding',
    `${name} 的编码无法识别:既不是 UTF-8,也不是 GBK/GB18030`,
    'unknown encoding',
  )
}

function tryDecode(encoding: string, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes)
  } catch {
    return null
  }
}

/** Signatures of files people mistake for text: images, PDF, Office/zip, executables. */
const BINARY_MAGIC = [
  [0x89, 0x50, 0x4e, 0x47], // PNG
  [0xff, 0xd8, 0xff], // JPEG
  [0x47, 0x49, 0x46, 0x38], // GIF
  [0x25, 0x50, 0x44, 0x46], // %PDF
  [0x50, 0x4b, 0x03, 0x04], // zip, .docx, .xlsx
  [0xd0, 0xcf, 0x11, 0xe0], // .doc, .xls
  [0x7f, 0x45, 0x4c, 0x46], // ELF
  [0x4d, 0x5a], // MZ (.exe)
]

/** A known binary signature, NUL bytes, or many control characters mean a binary file. */
function looksBinary(bytes: Uint8Array): boolean {
  if (BINARY_MAGIC.some((magic) => magic.every((byte, i) => bytes[i] === byte))) return true
  const sample = bytes.subarray(0, 8192)
  let control = 0
  for (const byte of sample) {
    if (byte === 0) return true
    if (byte < 9 || (byte > 13 && byte < 32)) control += 1
  }
  return control / sample.length > 0.05
}
