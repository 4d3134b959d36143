/**
 * Text files arrive in UTF-8 or in GBK/GB18030 (what Chinese Windows editors save). The encoding is
 * detected from the bytes: strict UTF-8 decoding fails on GBK Chinese (its lead bytes 0x81-0xFE are
 * followed by bytes UTF-8 forbids there), and a GB18030 decoding must then yield Han text. Node's
 * built-in TextDecoder (full ICU) does both; no guessing from the file name.
 */
export class ImportError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ImportError'
  }
}

export type Decoded = { text: string; encoding: 'utf-8' | 'gb18030' }

const HAN = /\p{Script=Han}/gu

export function decodeText(bytes: Uint8Array, name = '文件'): Decoded {
  if (bytes.length === 0) throw new ImportError(`${name} 是空文件,没有可导入的内容 (empty file)`)
  if (looksBinary(bytes)) {
    throw new ImportError(`${name} 不是文本文件(含二进制内容),无法导入 (binary file)`)
  }
  const utf8 = tryDecode('utf-8', bytes)
  if (utf8 !== null) return { text: utf8.replace(/^\uFEFF/, ''), encoding: 'utf-8' }
  const gb = tryDecode('gb18030', bytes)
  if (gb !== null && (gb.match(HAN)?.length ?? 0) > 0) return { text: gb, encoding: 'gb18030' }
  throw new ImportError(`${name} 的编码无法识别:既不是 UTF-8,也不是 GBK/GB18030 (unknown encoding)`)
}

function tryDecode(encoding: string, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes)
  } catch {
    return null
  }
}

/** NUL bytes, or many control characters, mean a binary file (an image, a .docx, an .exe). */
function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 8192)
  let control = 0
  for (const byte of sample) {
    if (byte === 0) return true
    if (byte < 9 || (byte > 13 && byte < 32)) control += 1
  }
  return control / sample.length > 0.05
}
