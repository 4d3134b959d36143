/**
 * One form of text for indexing and for queries alike: NFKC (full-width letters and digits become
 * half-width, 【】 stay), lower case, traditional characters as simplified (opencc-js, the OpenCC
 * tables in plain JavaScript), no invisible characters, and a line break inside Chinese text
 * removed, so a name split across lines is one word again.
 */
import * as OpenCC from 'opencc-js'

const toSimplified = OpenCC.Converter({ from: 'hk', to: 'cn' })
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g
const HAN = '\\p{Script=Han}'
const BROKEN_LINE = new RegExp(`(${HAN})\\s*\\n\\s*(?=${HAN})`, 'gu')

/** The text as results show it: everything above but the case. */
export function normalizeForDisplay(text: string): string {
  return toSimplified(text.normalize('NFKC').replace(INVISIBLE, '').replace(BROKEN_LINE, '$1'))
}

export function normalizeForSearch(text: string): string {
  return normalizeForDisplay(text).toLowerCase()
}
