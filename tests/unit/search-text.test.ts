import { indexRow } from '../../src/search/indexer'
import { highlight, queryTerms, snippet } from '../../src/search/query'
import { normalizeForSearch } from '../../src/search/normalize'
import { GRAM_BREAK, gramPhrase, grams, tokens } from '../../src/search/segment'
import { ftsMatch } from '../../src/search/store'

describe('search text handling', () => {
  it('should normalise width, case, traditional characters and names broken across lines', () => {
    expect(normalizeForSearch('５３億元 ＡＢＣ')).toBe('53亿元 abc')
    expect(normalizeForSearch('兰州新\n区')).toBe('兰州新区')
    expect(normalizeForSearch('in the\nfield')).toBe('in the\nfield')
  })

  it('should segment for search, keeping the long word and its parts', () => {
    const words = tokens('兰州新区全力推动高质量发展')
    expect(words).toEqual(expect.arrayContaining(['兰州', '新区', '高质量', '发展']))
    expect(tokens('总投资53亿元')).toEqual(expect.arrayContaining(['53', '亿元']))
  })

  it('should make character grams that punctuation breaks, without swallowing Han into digits', () => {
    expect(grams('100平方公里')).toEqual(['100', '平方', '方公', '公里', '里'])
    expect(grams('严重。发展')).toEqual(['严重', '重', GRAM_BREAK, '发展', '展'])
    expect(gramPhrase('栖霞湖')).toBe('栖霞 霞湖')
    expect(gramPhrase('53亿元')).toBe('53 亿元')
    expect(gramPhrase('86.3')).toBe(`86 ${GRAM_BREAK} 3`)
    expect(gramPhrase('湖')).toBe('湖*')
  })

  it('should quote every term so no query text is FTS syntax', () => {
    expect(ftsMatch([['a"b'], ['x', 'y z']])).toBe('"a""b" AND ("x" OR "y z")')
    const { groups } = queryTerms('NEAR(兰州 OR', 'public')
    expect(ftsMatch(groups)).not.toMatch(/(^|\s)(NEAR|OR)\(/)
  })

  it('should mark the words and escape everything else', () => {
    expect(highlight('<b>兰州新区</b>', ['新区'])).toBe('&lt;b&gt;兰州<mark>新区</mark>&lt;/b&gt;')
    expect(highlight('中欧班列', ['中欧班列', '中欧', '班列'])).toBe('<mark>中欧班列</mark>')
    const long = `${'甲'.repeat(200)}目标词${'乙'.repeat(200)}`
    const cut = snippet(long, ['目标词'])
    expect(cut).toMatch(/^…甲+<mark>目标词<\/mark>乙+…$/)
    expect(Array.from(cut.replace(/<\/?mark>/g, '')).length).toBeLessThanOrEqual(102)
  })

  it('should keep separate pieces of a document apart in what results show', () => {
    const row = indexRow('photos', {
      id: 1,
      caption: '栖霞湖全景',
      place: '兰州新区',
      credit: '融媒体中心',
    })
    expect(row!.body).toBe('兰州新区 融媒体中心')
    expect(row!.bodyGrams.split(' ')).toContain('0brk0')
  })
})
