/**
 * The redline of the 审签单: what changed in a revision, character by character (Chinese has no
 * spaces to diff words by), in the title, the lead, each paragraph, each caption and every figure
 * written in them. jsdiff's diffChars does the diffing.
 */
import { diffArrays, diffChars } from 'diff'

import { articleSegments } from '../content/segments'

export type RedlinePart = { value: string; added?: true; removed?: true }
export type RedlineChange = { place: string; parts: RedlinePart[] }

/** The text a reader sees, place by place: an article's segments, or another item's text fields. */
function textOf(doc: Record<string, any> | undefined): { place: string; text: string }[] {
  if (!doc) return []
  if ('body' in doc || 'title' in doc) {
    return articleSegments(doc)
      .filter((segment) => !segment.derived)
      .map((segment) => ({
        place:
          segment.field === 'body' || segment.field === 'caption' ? segment.field : segment.place,
        text: segment.text,
      }))
  }
  return Object.entries(doc)
    .filter(
      ([key, value]) =>
        typeof value === 'string' &&
        !/^(id|_status|workflowState|reviewStage|createdAt|updatedAt|filename|mimeType|url|thumbnailURL|slug)$/.test(
          key,
        ),
    )
    .map(([key, value]) => ({ place: key, text: value as string }))
}

const PLACE_LABELS: Record<string, string> = { body: '正文', caption: '图片说明' }

/**
 * What changed from `before` to `after`: for each place whose text differs, the characters kept,
 * removed and added. Paragraphs are aligned first (a paragraph inserted in the middle is one
 * addition, not a change to every paragraph after it), then diffed character by character.
 */
export function redline(
  before: Record<string, any> | undefined,
  after: Record<string, any> | undefined,
): RedlineChange[] {
  const group = (units: { place: string; text: string }[]) => {
    const byPlace = new Map<string, string[]>()
    for (const unit of units)
      byPlace.set(unit.place, [...(byPlace.get(unit.place) ?? []), unit.text])
    return byPlace
  }
  const old = group(textOf(before))
  const now = group(textOf(after))
  const changes: RedlineChange[] = []
  for (const place of new Set([...old.keys(), ...now.keys()])) {
    const a = old.get(place) ?? []
    const b = now.get(place) ?? []
    if (a.join('\n') === b.join('\n')) continue
    const label = PLACE_LABELS[place] ?? place
    let index = 0
    const blocks = diffArrays(a, b)
    for (let i = 0; i < blocks.length; i += 1) {
      const block = blocks[i]!
      const next = blocks[i + 1]
      if (block.removed && next?.added) {
        // A changed paragraph: pair removed and added ones and diff them by character.
        const pairs = Math.max(block.value.length, next.value.length)
        for (let k = 0; k < pairs; k += 1) {
          index += 1
          const parts = diffChars(block.value[k] ?? '', next.value[k] ?? '').map(toPart)
          changes.push({ place: numbered(label, index, place), parts })
        }
        i += 1
        continue
      }
      for (const text of block.value) {
        if (!block.removed) index += 1
        if (block.added)
          changes.push({
            place: numbered(label, index, place),
            parts: [{ value: text, added: true }],
          })
        else if (block.removed)
          changes.push({
            place: numbered(label, index + 1, place),
            parts: [{ value: text, removed: true }],
          })
      }
    }
  }
  return changes
}

const numbered = (label: string, index: number, place: string) =>
  place === 'body' ? `正文第${index}段` : place === 'caption' ? `图片说明${index}` : label

const toPart = (change: { value: string; added?: boolean; removed?: boolean }): RedlinePart => ({
  value: change.value,
  ...(change.added ? { added: true as const } : {}),
  ...(change.removed ? { removed: true as const } : {}),
})
