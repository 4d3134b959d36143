/**
 * The importer's labelled corpus: invented articles in the layouts real archives use (web pages
 * with datelines and furniture, print layouts wrapped at a fixed width, Word-style numbered
 * subheadings, news-agency openings), each non-blank line labelled with the class it must get.
 * Files: tests/fixtures/import-corpus/*.txt, one `class|text` per line (`|` alone for a blank line,
 * `+paragraph|` for a line that continues the paragraph above, as a layout broke it).
 */
import fs from 'node:fs'
import path from 'node:path'

import { parseArticleText } from '../../src/import/parse'

const dir = path.resolve(import.meta.dirname, '../fixtures/import-corpus')
const files = fs.readdirSync(dir).filter((file) => file.endsWith('.txt'))

function read(file: string) {
  const labelled = fs
    .readFileSync(path.join(dir, file), 'utf8')
    .replace(/\n$/, '')
    .split('\n')
    .map((row) => {
      const bar = row.indexOf('|')
      const label = row.slice(0, bar)
      return {
        label: label.replace(/^\+/, ''),
        continues: label.startsWith('+'),
        text: row.slice(bar + 1),
      }
    })
  return { text: labelled.map((row) => row.text).join('\n'), labelled }
}

describe('the labelled import corpus', () => {
  it('should hold at least 12 articles', () => {
    expect(files.length).toBeGreaterThanOrEqual(12)
  })

  it.each(files)('should classify every line of %s', (file) => {
    const { text, labelled } = read(file)
    const parsed = parseArticleText(text, { fileName: file })
    const got = parsed.report.map((line) => `${line.line}:${line.class}:${line.text}`)
    const want = labelled.flatMap((row, index) =>
      row.text.trim() ? [`${index + 1}:${row.label}:${row.text.trim()}`] : [],
    )
    expect(got).toEqual(want)
  })

  it.each(files)('should keep the body paragraphs of %s byte for byte', (file) => {
    const { text, labelled } = read(file)
    const parsed = parseArticleText(text, { fileName: file })
    const body = parsed.blocks.flatMap((block) => (block.type === 'paragraph' ? [block.text] : []))
    // Lines of one paragraph wrapped by a layout join without a space.
    const want: string[] = []
    labelled.forEach((row) => {
      if (row.label !== 'paragraph') return
      if (row.continues) want[want.length - 1] += row.text
      else want.push(row.text)
    })
    expect(body).toEqual(want)
    expect(parsed.blocks.filter((b) => b.type === 'photoSlot')).toHaveLength(
      labelled.filter((row) => row.label === 'caption').length,
    )
  })
})
