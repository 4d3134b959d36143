/**
 * One form of text for indexing and for queries alike: NFKC (full-width letters and digits become
 * half-width, 【】 stay), lower case, traditional characters as simplified (opencc-js, the OpenCC
 * tables in plain JavaScript), no invisible characters, and a line break inside Chinese text
 * removed, so a name split across lines is one word again.
 */
import * as OpenCC from 'opencc-js'

const toSimplified = OpenCC.Converter({ from: 'hk', to: 'cn' })
// Zero-width and soft-hyphen characters, direction marks and overrides, and C0 controls other than
// tab and line breaks (a NUL in a query would reach the FTS5 parser), and lone surrogates.
const INVISIBLE =
  /[\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF\u00AD\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g
const HAN = '\\p{Script=Han}'
const BROKEN_LINE = new RegExp(`(${HAN})\\s*\\n\\s*(?=${HAN})`, 'gu')

/** The text as results show it: everything above but the case. */
export function normalizeForDisplay(text: string): string {
  return toSimplified(text.normalize('NFKC').replace(INVISIBLE, '').replace(BROKEN_LINE, '$1'))
}

export function normalizeForSearch(text: string): string {
  return normalizeForDisplay(text).toLowerCase()
}
