import { parseArticleText } from '../../src/import/parse'
import { blocksToLexical } from '../../src/import/lexical'
import { FIGURE_UNITS, perYearBase } from '../../src/fields/units'
import { checkFigures, extractFigures } from '../../src/quality/figures'
import {
  findPersonalData,
  isIdNumber,
  mask,
  maskAll,
  validIdChecksum,
} from '../../src/quality/personal'
import { articleSegments } from '../../src/content/segments'
import { findTerms } from '../../src/quality/terms'
import { fixtureText } from '../helpers/fixture'

const parsed = parseArticleText(fixtureText)
const fixtureSegments = articleSegments({
  title: parsed.title,
  kicker: parsed.kicker,
  body: blocksToLexical(parsed.blocks),
})

describe('figures in the fixture article', () => {
  it('should extract every figure with its unit, in reading order', () => {
    const figures = extractFigures(fixtureSegments).map((f) => [f.place, f.text, f.unit])
    expect(figures).toEqual([
      ['正文第2段', '3.5—8微米', '微米'],
      ['正文第3段', '53亿元', '亿元'],
      ['正文第3段', '20万吨', '万吨/年'],
      ['正文第3段', '20万吨', '万吨/年'],
      ['正文第4段', '10万吨', '万吨/年'],
      ['正文第4段', '20万吨', '万吨/年'],
      ['正文第6段', '100平方公里', '平方公里'],
      ['正文第8段', '511个', '个'],
      ['正文第8段', '1522亿元', '亿元'],
      ['正文第8段', '26.8%', '%'],
      ['正文第8段', '36.6%', '%'],
      ['正文第11段', '39个', '个'],
      ['正文第11段', '306亿元', '亿元'],
      ['正文第11段', '70%', '%'],
      ['正文第12段', '1080个', '个'],
      ['正文第12段', '5280亿元', '亿元'],
      ['正文第12段', '50%', '%'],
      ['正文第12段', '3万台', '万台'],
      ['图片说明6', '20万吨', '万吨/年'],
      ['图片说明7', '15万吨', '万吨/年'],
    ])
  })

  it('should say what a figure measures and, for capacities, the product', () => {
    const figures = extractFigures(fixtureSegments)
    expect(figures.find((f) => f.text === '53亿元')).toMatchObject({ value: 53, measure: '总投资' })
    expect(figures.find((f) => f.text === '511个')).toMatchObject({
      value: 511,
      measure: '近三年累计引进落地产业项目',
    })
    expect(
      figures.filter((f) => f.place === '正文第3段' && f.unit === '万吨/年').map((f) => f.product),
    ).toEqual(['石墨化材料', '负极材料'])
    expect(figures.find((f) => f.text === '3.5—8微米')).toMatchObject({ value: 3.5, upper: 8 })
  })

  it('should not take dates or years for figures', () => {
    const texts = extractFigures(fixtureSegments).map((f) => f.text)
    expect(texts.some((t) => /年|月|日/.test(t))).toBe(false)
  })
})

describe('personal data', () => {
  it('should validate the ID checksum (GB 11643)', () => {
    expect(validIdChecksum('11010519491231002X')).toBe(true)
    expect(validIdChecksum('110105194912310021')).toBe(false)
    expect(isIdNumber('11010519491231002X')).toBe(true)
    expect(isIdNumber('110105194913310028')).toBe(false) // month 13
  })

  it('should find ID numbers, mobiles and emails, and mask them', () => {
    const text =
      '联系人张三,身份证11010519491231002X,电话13912345678,邮箱zhangsan@example.com;编号110105194912310021不是身份证。'
    expect(findPersonalData(text).map((h) => [h.kind, h.value])).toEqual([
      ['id-number', '11010519491231002X'],
      ['mobile', '13912345678'],
      ['email', 'zhangsan@example.com'],
    ])
    expect(mask('mobile', '13912345678')).toBe('139****5678')
    expect(maskAll(text)).toBe(
      '联系人张三,身份证110105********002X,电话139****5678,邮箱z***@example.com;编号110105194912310021不是身份证。',
    )
  })
})

describe('sensitive terms', () => {
  it('should find every term with its place and character position', () => {
    const hits = findTerms(fixtureSegments, [
      { term: '第一梯队', severity: 'warn' },
      { term: '龙头企业', severity: 'block', category: '提法' },
    ])
    expect(hits.map((h) => [h.term, h.severity, h.place, h.offset])).toEqual([
      [
        '第一梯队',
        'warn',
        '正文第3段',
        fixtureSegments.find((s) => s.place === '正文第3段')!.text.indexOf('第一梯队') + 1,
      ],
      ['龙头企业', 'block', '正文第6段', expect.any(Number)],
      ['龙头企业', 'block', '正文第7段', expect.any(Number)],
    ])
  })
})

describe('one unit list for records and text', () => {
  const project = {
    id: 1,
    name: '新能源电机项目',
    capacities: [{ value: 5, unit: '万台/年', product: '电机' }],
  }
  const check = (text: string) =>
    checkFigures(
      extractFigures(articleSegments({ body: blocksToLexical([{ type: 'paragraph', text }]) })),
      [project],
      [],
    )

  it('should read 年产5万台 as the 万台/年 a project records, and confirm or contradict it', () => {
    expect(check('新能源电机项目建成后年产5万台电机。')[0]).toMatchObject({
      unit: '万台/年',
      status: 'confirmed',
    })
    expect(check('新能源电机项目建成后年产6万台电机。')[0]).toMatchObject({
      unit: '万台/年',
      status: 'contradicts',
    })
  })

  it('should leave 5万台 without 年产 a count, not a capacity', () => {
    expect(check('新能源电机项目已交付5万台电机。')[0]).toMatchObject({
      unit: '万台',
      status: 'unverified',
    })
  })

  it('should find every unit the records may carry in text', () => {
    for (const unit of FIGURE_UNITS) {
      const written = perYearBase(unit) ?? unit
      expect(
        extractFigures(articleSegments({ title: `共计12${written}` })).map((f) => f.text),
      ).toEqual([`12${written}`])
    }
  })
})

describe('figures, completely: the units offices use, and approximate forms', () => {
  const source = (label: string, value: number, unit: string) => ({
    id: 1,
    office: '兰州新区统计局',
    figures: [{ label, value, unit }],
  })
  const check = (text: string, sources: ReturnType<typeof source>[]) =>
    checkFigures(
      extractFigures(articleSegments({ body: blocksToLexical([{ type: 'paragraph', text }]) })),
      [],
      sources,
    )

  it('should read cubic metres, 万亩 and counts of lines', () => {
    const figures = extractFigures(
      articleSegments({
        title: '年供水能力达到3000万立方米,建成高标准农田5万亩,开通国际货运班列12条。',
      }),
    )
    expect(figures.map((f) => [f.value, f.unit])).toEqual([
      [3000, '万立方米'],
      [5, '万亩'],
      [12, '条'],
    ])
  })

  it('should read 200余个 as more than 200, never a contradiction of 205', () => {
    const [figure] = check('园区已引进企业200余个。', [source('园区引进企业', 205, '个')])
    expect(figure).toMatchObject({
      text: '200余个',
      value: 200,
      approx: 'over',
      status: 'confirmed',
    })
    const [wrong] = check('园区已引进企业200余个。', [source('园区引进企业', 150, '个')])
    expect(wrong).toMatchObject({ status: 'contradicts' })
  })

  it('should read 约, 近, 超 and 逾 as the ranges they say', () => {
    const rows: [string, number, string][] = [
      ['园区引进企业约200个。', 190, 'confirmed'],
      ['园区引进企业约200个。', 150, 'contradicts'],
      ['园区引进企业近200个。', 196, 'confirmed'],
      ['园区引进企业近200个。', 201, 'contradicts'],
      ['园区引进企业超200个。', 230, 'confirmed'],
      ['园区引进企业逾200个。', 199, 'contradicts'],
      ['园区引进企业200个左右。', 205, 'confirmed'],
      ['园区引进企业200个。', 205, 'contradicts'],
    ]
    for (const [text, recorded, status] of rows) {
      expect([
        text,
        recorded,
        check(text, [source('园区引进企业', recorded, '个')])[0]?.status,
      ]).toEqual([text, recorded, status])
    }
  })
})
