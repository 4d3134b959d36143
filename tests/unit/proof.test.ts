/**
 * Proofreading checks, each with a true hit and a near miss that must not be flagged: editors stop
 * reading a panel that cries wolf.
 */
import type { Segment } from '../../src/content/segments'
import { findLeftovers } from '../../src/quality/proof/leftovers'
import { findNumberStyle } from '../../src/quality/proof/numbers'
import { findOfficialIssues, type Official } from '../../src/quality/proof/officials'
import { STARTER_TYPOS } from '../../src/quality/proof/typoList'
import { findTypos, findWording, patternProblem } from '../../src/quality/proof/typos'

const body = (...texts: string[]): Segment[] =>
  texts.map((text, i) => ({ field: 'body', index: i + 1, place: `正文第${i + 1}段`, text }))
const texts = (findings: { text: string }[]) => findings.map((f) => f.text)

const REGISTER: Official[] = [
  {
    name: '林志远',
    post: '管委会主任',
    organisation: '兰州新区管委会',
    rank: 1,
    status: 'serving',
    termStart: '2022-01-01',
  },
  {
    name: '周明华',
    post: '管委会副主任',
    organisation: '兰州新区管委会',
    rank: 2,
    status: 'serving',
    termStart: '2022-01-01',
  },
  {
    name: '郑海涛',
    post: '管委会副主任',
    organisation: '兰州新区管委会',
    rank: 3,
    status: 'serving',
    termStart: '2022-01-01',
  },
  {
    name: '郑海涛',
    post: '经济发展局局长',
    organisation: '经济发展局',
    rank: 1,
    status: 'left',
    termStart: '2019-01-01',
    termEnd: '2021-12-31',
  },
  {
    name: '赵德才',
    post: '党工委委员',
    organisation: '党工委',
    rank: 5,
    status: 'removed',
    termStart: '2018-01-01',
  },
]
const MAY_2024 = new Date('2024-05-01')

describe('officials against the register', () => {
  it('should block a name one character off, by sound or by shape, by a post', () => {
    const found = findOfficialIssues(body('管委会主任林致远出席会议。'), REGISTER, MAY_2024)
    expect(found).toEqual([
      expect.objectContaining({
        severity: 'block',
        text: '林致远',
        suggestion: '林志远',
        fix: { from: '林致远', to: '林志远' },
      }),
    ])
    const shape = findOfficialIssues(body('副主任周明毕、郑海涛参加调研。'), REGISTER, MAY_2024)
    expect(texts(shape)).toEqual([])
    const sound = findOfficialIssues(body('副主任周铭华、郑海涛参加调研。'), REGISTER, MAY_2024)
    expect(sound.map((f) => [f.text, f.suggestion])).toEqual([['周铭华', '周明华']])
  })

  it('should not flag a one-off name that is nowhere near a post or a list of officials', () => {
    expect(findOfficialIssues(body('市民林致远带着孩子来赏花。'), REGISTER, MAY_2024)).toEqual([])
  })

  it('should block a post the register does not give, and warn on a post already left', () => {
    const wrong = findOfficialIssues(body('管委会副主任林志远主持会议。'), REGISTER, MAY_2024)
    expect(wrong).toEqual([expect.objectContaining({ severity: 'block', text: '林志远' })])
    expect(wrong[0]!.message).toMatch(/名录为「管委会主任」/)
    const left = findOfficialIssues(body('经济发展局局长郑海涛介绍情况。'), REGISTER, MAY_2024)
    expect(left).toEqual([expect.objectContaining({ severity: 'warn', text: '郑海涛' })])
    expect(left[0]!.message).toMatch(/2021-12-31 卸任/)
    // In 2021 he held that post: no finding for an article of that date.
    expect(
      findOfficialIssues(body('经济发展局局长郑海涛介绍情况。'), REGISTER, new Date('2021-06-01')),
    ).toEqual([])
    expect(findOfficialIssues(body('管委会主任林志远主持会议。'), REGISTER, MAY_2024)).toEqual([])
  })

  it('should warn when officials are listed out of rank, and not when in order', () => {
    const wrong = findOfficialIssues(body('郑海涛、林志远、周明华出席。'), REGISTER, MAY_2024)
    expect(wrong).toEqual([
      expect.objectContaining({ severity: 'warn', suggestion: '林志远、周明华、郑海涛' }),
    ])
    expect(findOfficialIssues(body('林志远、周明华、郑海涛出席。'), REGISTER, MAY_2024)).toEqual([])
  })

  it('should block a removed official, and not a name that merely contains the same characters', () => {
    expect(findOfficialIssues(body('党工委委员赵德才讲话。'), REGISTER, MAY_2024)).toEqual([
      expect.objectContaining({ severity: 'block', text: '赵德才' }),
    ])
    expect(findOfficialIssues(body('赵德兴讲述了创业经历。'), REGISTER, MAY_2024)).toEqual([])
  })
})

describe('typos', () => {
  it('should ship at least 200 pairs, none of them a no-op', () => {
    expect(STARTER_TYPOS.length).toBeGreaterThanOrEqual(200)
    expect(STARTER_TYPOS.every((t) => t.wrong !== t.right && t.wrong && t.right)).toBe(true)
    expect(new Set(STARTER_TYPOS.map((t) => t.wrong)).size).toBe(STARTER_TYPOS.length)
  })

  it('should find a typo with its fix, and not the right form nor a word around it', () => {
    const found = findTypos(body('各部门要贯切落实会议精神,再接再励。'), STARTER_TYPOS)
    expect(found.map((f) => [f.text, f.suggestion, f.severity])).toEqual([
      ['贯切落实', '贯彻落实', 'block'],
      ['再接再励', '再接再厉', 'block'],
    ])
    expect(
      findTypos(body('各部门要贯彻落实会议精神,再接再厉,以经济建设为中心。'), STARTER_TYPOS),
    ).toEqual([])
  })

  it('should not flag any starter pair inside an article written correctly', () => {
    const correct = STARTER_TYPOS.map((t) => t.right).join(',')
    expect(texts(findTypos(body(correct), STARTER_TYPOS))).toEqual([])
  })
})

describe('dated wording rules', () => {
  const rules = [
    {
      term: '老提法',
      replacement: '新提法',
      severity: 'block' as const,
      validFrom: '2024-01-01',
      note: '2024年1号文件',
    },
    { term: '旧(名称|称呼)', isPattern: true, replacement: '新名称', severity: 'warn' as const },
  ]

  it('should flag an outdated wording in articles dated inside the window only', () => {
    const found = findWording(body('坚持老提法不动摇。'), rules, MAY_2024)
    expect(found).toEqual([
      expect.objectContaining({ severity: 'block', text: '老提法', suggestion: '新提法' }),
    ])
    expect(found[0]!.message).toMatch(/依据:2024年1号文件/)
    expect(findWording(body('坚持老提法不动摇。'), rules, new Date('2023-06-01'))).toEqual([])
    expect(texts(findWording(body('沿用旧称呼。'), rules, MAY_2024))).toEqual(['旧称呼'])
    expect(findWording(body('沿用旧体例。'), rules, MAY_2024)).toEqual([])
  })

  it('should refuse patterns that could hang the check', () => {
    expect(patternProblem('(a+)+$')).toMatch(/嵌套/)
    expect(patternProblem('旧(名称|称呼)')).toBeNull()
    expect(patternProblem('[')).toMatch(/有误/)
  })
})

describe('leftovers', () => {
  it('should block placeholders, editing notes, doubled marks and unclosed brackets', () => {
    const found = findLeftovers(
      body(
        'XX公司某某负责人表示,项目进展顺利。。',
        '【待补】此处补充数据',
        '他说:“我们会坚持下去。',
        'TODO 核对',
      ),
    )
    expect(texts(found)).toEqual(['XX', '某某', '。。', '【待补】', '此处补充', '“', 'TODO'])
    expect(found.every((f) => f.severity === 'block')).toBe(true)
  })

  it('should leave XXL, 此处风景, …… and —— and balanced quotes alone', () => {
    const text = '此处风景优美,游客穿XXL码外套……“好”——某公司如是说(完)。'
    expect(findLeftovers(body(text))).toEqual([])
  })
})

describe('numbers and units', () => {
  it('should warn on full-width digits among half-width ones, and not when all agree', () => {
    expect(texts(findNumberStyle(body('投资５３亿元,建成12条产线。')))).toEqual(['５３'])
    expect(findNumberStyle(body('投资５３亿元,建成１２条产线。'))).toEqual([])
  })

  it('should warn on a unit split from its number, and not on a year or an ordinal', () => {
    const found = findNumberStyle(body('总投资53 亿元。'))
    expect(found.map((f) => [f.text, f.suggestion])).toEqual([['3 亿元', '3亿元']])
    expect(findNumberStyle(body('2023 年,第 3 名。'))).toEqual([])
  })

  it('should warn on a range dash unlike the others, and not on one style throughout', () => {
    const found = findNumberStyle(body('3—5年,10—20家,6~8个'))
    expect(texts(found)).toEqual(['6~8'])
    expect(findNumberStyle(body('3—5年,10—20家'))).toEqual([])
  })

  it('should warn on a percentage written two ways', () => {
    expect(texts(findNumberStyle(body('增长12%,占比百分之三十')))).toEqual(['百分之三十'])
    expect(findNumberStyle(body('增长12%,占比30%'))).toEqual([])
  })
})
