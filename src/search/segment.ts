/**
 * Word segmentation with jieba (@node-rs/jieba, prebuilt binaries) and a user dictionary made of the
 * office's own names: projects, companies, parks, columns, topics. Index and query use the search
 * form (`cutForSearch`), so 兰州新区 yields 兰州, 新区 and 兰州新区 and either query finds it.
 */
import { Jieba } from '@node-rs/jieba'
import { dict } from '@node-rs/jieba/dict.js'
import { pinyin } from 'pinyin-pro'

import { normalizeForSearch } from './normalize'

let jieba: Jieba | undefined
const userWords = new Set<string>()
/** Pinyin initials of the user dictionary's words: `lzxq` → 兰州新区. */
const byInitials = new Map<string, Set<string>>()

function segmenter(): Jieba {
  jieba ??= Jieba.withDict(dict)
  return jieba
}

const WORD = /[\p{L}\p{N}]/u

/** Adds the office's names to the dictionary; words already known are skipped. */
export function addUserWords(words: Iterable<string | null | undefined>): number {
  const fresh: string[] = []
  for (const raw of words) {
    const word = raw ? normalizeForSearch(raw).replace(/\s+/g, '') : ''
    if (Array.from(word).length < 2 || Array.from(word).length > 30 || userWords.has(word)) continue
    userWords.add(word)
    fresh.push(word)
    const initials = pinyin(word, { pattern: 'first', toneType: 'none', type: 'array' })
      .join('')
      .toLowerCase()
      .replace(/[^a-z0-9]/g, '')
    if (initials.length >= 2) {
      const set = byInitials.get(initials) ?? new Set()
      set.add(word)
      byInitials.set(initials, set)
    }
  }
  if (fresh.length) {
    segmenter().loadDict(Buffer.from(fresh.map((word) => `${word} 100000 n`).join('\n')))
  }
  return fresh.length
}

export const knownUserWords = () => userWords.size

/** Words whose pinyin initials are these letters (staff shorthand such as `lzxq`). */
export function wordsForInitials(letters: string): string[] {
  return [...(byInitials.get(letters.toLowerCase()) ?? [])]
}

const HAN_CHAR = /\p{Script=Han}/u
/** A token no query makes: it stands where punctuation or space parted two grams. */
export const GRAM_BREAK = '0brk0'

/**
 * The text as overlapping pairs of Han characters (新区栖霞湖 → 新区 区栖 栖霞 霞湖, and the last
 * character alone, 湖) and whole Latin or digit runs, in order: a phrase of these finds any
 * substring, whatever jieba made of the words around it. Pairs, not single characters: a single
 * character's positions run into the millions over an archive, and a phrase must read them all.
 */
export function grams(text: string): string[] {
  const out: string[] = []
  let end = 0
  for (const match of normalizeForSearch(text).matchAll(
    /\p{Script=Han}+|(?:(?!\p{Script=Han})[\p{L}\p{N}])+/gu,
  )) {
    // Punctuation or space between two runs breaks a phrase: 严重。发展 has no 重发 in it.
    if (out.length && match.index! > end) out.push(GRAM_BREAK)
    out.push(...runGrams(match[0]))
    end = match.index! + match[0].length
  }
  return out
}

function runGrams(run: string): string[] {
  if (!HAN_CHAR.test(run)) return [run]
  const chars = Array.from(run)
  const pairs = chars.slice(0, -1).map((ch, i) => ch + chars[i + 1])
  return [...pairs, chars.at(-1)!]
}

/**
 * The FTS5 phrase that finds a term as a substring of the grams: its pairs in a row (`栖霞湖` →
 * `"栖霞 霞湖"`); a single character is a prefix (`"湖"*`: any pair it starts, or a run's end).
 */
export function gramPhrase(term: string): string | undefined {
  const parts: string[] = []
  let end = 0
  for (const match of term.matchAll(/\p{Script=Han}+|(?:(?!\p{Script=Han})[\p{L}\p{N}])+/gu)) {
    if (parts.length && match.index! > end) parts.push(GRAM_BREAK)
    end = match.index! + match[0].length
    const run = match[0]
    if (!HAN_CHAR.test(run)) parts.push(run)
    // A lone character ending the term may begin a pair in the text: the phrase's last token is a
    // prefix then (`"511 个"*`). Inside the term it stands alone in the text too.
    else if (Array.from(run).length === 1) parts.push(end === term.length ? `${run}*` : run)
    else {
      const chars = Array.from(run)
      parts.push(...chars.slice(0, -1).map((ch, i) => ch + chars[i + 1]))
    }
  }
  if (!parts.length) return undefined
  const phrase = parts.join(' ')
  return phrase.endsWith('*') ? `${phrase.slice(0, -1)}*` : phrase
}

/** The search tokens of a text, in order, repeats kept (they weigh in the ranking). */
export function tokens(text: string): string[] {
  const normal = normalizeForSearch(text)
  return segmenter()
    .cutForSearch(normal, true)
    .map((token) => token.trim())
    .filter((token) => WORD.test(token))
}
