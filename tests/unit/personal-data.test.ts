import { findPersonalData } from '../../src/quality/personal'

const SIZE = 400 * 1024

/** Texts built to make a backtracking pattern retry every start: none holds much to find. */
const hostile: [string, string][] = [
  ['letters without @', 'a'.repeat(SIZE)],
  ['dots and letters', 'a.'.repeat(SIZE / 2)],
  ['@ after @', 'a@'.repeat(SIZE / 2)],
  ['unfinished domains', 'a@a.'.repeat(SIZE / 4)],
  ['digits', '1'.repeat(SIZE)],
  ['Chinese with stray ASCII', '兰州新区a-b.c'.repeat(SIZE / 10)],
]

describe('personal data patterns on large texts', () => {
  it.each(hostile)('should scan 400 KB of %s in under 100 ms', (_, text) => {
    const started = performance.now()
    findPersonalData(text)
    expect(performance.now() - started).toBeLessThan(100)
  })

  it('should find every one of many emails in 400 KB, in linear time', () => {
    const text = '联系 zhang.san@lzxq.gov.cn;'.repeat(SIZE / 25)
    const started = performance.now()
    const hits = findPersonalData(text)
    expect(performance.now() - started).toBeLessThan(100)
    expect(hits).toHaveLength(SIZE / 25)
    expect(hits[0]).toMatchObject({ kind: 'email', value: 'zhang.san@lzxq.gov.cn' })
  })

  it('should still tell an email from things that only look like one', () => {
    expect(
      findPersonalData('请发邮件至 li.hua+news@mail.lzxq.gov.cn 。').map((h) => h.value),
    ).toEqual(['li.hua+news@mail.lzxq.gov.cn'])
    expect(findPersonalData('投资 53亿元@兰州新区,版本 v1.2')).toEqual([])
  })
})
