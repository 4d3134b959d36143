import { importArticle } from '../../src/import/importArticle'
import { seed } from '../../src/seed'
import { bootNewsdesk, type TestApp } from '../helpers/boot'
import { fixtureText } from '../helpers/fixture'
import { act, hireStaff, type Person } from '../helpers/newsroom'

let app: TestApp
let s: Record<string, Person>
let projectIds: number[]
let sourceId: number

beforeAll(async () => {
  app = await bootNewsdesk()
  await seed(app.payload)
  s = await hireStaff(app, {
    author: ['editor'],
    editor2: ['editor'],
    reviewer: ['reviewer'],
    chief: ['chief-editor'],
    chief2: ['chief-editor'],
  })
  projectIds = (await app.payload.find({ collection: 'projects', limit: 100, depth: 0 })).docs.map(
    (p) => p.id as number,
  )
  sourceId = (await app.payload.find({ collection: 'data-sources', limit: 1, depth: 0 })).docs[0]!
    .id as number
})
afterAll(async () => {
  await app?.close()
})

/** The fixture as a new draft by the author, with its projects linked (and its data source, unless told). */
async function feature(text = fixtureText, { withSource = true } = {}) {
  const result = await importArticle(
    app.payload,
    { bytes: Buffer.from(text), name: 'feature.txt' },
    { authorId: s.author.id },
  )
  await app.payload.update({
    collection: 'articles',
    id: result.id,
    data: {
      projects: projectIds,
      dataSources: withSource ? [sourceId] : [],
      createdBy: s.author.id,
    },
    draft: true,
  })
  return result.id as number
}

async function toFinalReview(id: number) {
  expect((await act(app, s.author, 'articles', id, 'submit')).status).toBe(200)
  expect((await act(app, s.editor2, 'articles', id, 'approve')).status).toBe(200)
  expect((await act(app, s.reviewer, 'articles', id, 'approve')).status).toBe(200)
}

describe('figures checked against the records', () => {
  it('should find the fixture consistent with the seeded records, listing what has no record', async () => {
    const id = await feature()
    const { status, json } = await app.rest('GET', `articles/${id}/checks`, {
      token: s.reviewer.token,
    })
    expect(status).toBe(200)
    expect(json.figures.contradictions).toEqual([])
    expect(
      json.figures.all.filter((f: any) => f.status === 'confirmed').map((f: any) => f.text),
    ).toEqual(expect.arrayContaining(['53亿元', '511个', '1522亿元', '15万吨']))
    expect(json.figures.unverified.map((f: any) => f.text)).toEqual([
      '3.5—8微米',
      '100平方公里',
      '70%',
      '50%',
      '3万台',
    ])
    await toFinalReview(id)
    expect((await act(app, s.chief, 'articles', id, 'approve')).json.state).toBe('approved')
  })

  it('should catch a changed figure and block final approval until overridden with a comment', async () => {
    const id = await feature(fixtureText.replace('总投资53亿元', '总投资58亿元'))
    const checks = await app.rest('GET', `articles/${id}/checks`, { token: s.reviewer.token })
    expect(checks.json.figures.contradictions).toEqual([
      expect.objectContaining({
        text: '58亿元',
        place: '正文第3段',
        record: expect.objectContaining({
          name: '兰州宏彬电池石墨化项目',
          value: 53,
          unit: '亿元',
        }),
      }),
    ])
    await toFinalReview(id)
    const blocked = await act(app, s.chief, 'articles', id, 'approve')
    expect(blocked.status).toBe(409)
    expect(blocked.json.errors[0].message).toMatch(
      /数据与记录不符.*「58亿元」与兰州宏彬电池石墨化项目总投资记录的 53亿元 不符/,
    )
    expect((await act(app, s.chief, 'articles', id, 'approve', { override: true })).status).toBe(
      400,
    )
    const overridden = await act(app, s.chief, 'articles', id, 'approve', {
      override: true,
      comment: '投资额已增至58亿元,以最新批复为准',
    })
    expect(overridden.json.state).toBe('approved')
    const events = await app.payload.find({
      collection: 'workflow-events',
      where: {
        and: [
          { collection: { equals: 'articles' } },
          { documentId: { equals: String(id) } },
          { action: { equals: 'override-figures' } },
        ],
      },
    })
    expect(events.docs[0]?.comment).toMatch(/投资额已增至58亿元[\s\S]*58亿元/)
  })

  it('should refuse to submit an article with figures but no data source', async () => {
    const id = await feature(fixtureText, { withSource: false })
    const res = await act(app, s.author, 'articles', id, 'submit')
    expect(res.status).toBe(400)
    expect(res.json.errors[0].message).toMatch(/没有关联数据来源/)
  })
})

describe('sensitive terms', () => {
  it('should stop submit and approve on a block term, naming it and where, and list warn terms', async () => {
    const term = await app.rest('POST', 'sensitive-terms', {
      token: s.chief.token,
      body: { term: '第一梯队', severity: 'block', note: '避免排名式表述' },
    })
    expect(term.status).toBe(201)
    await app.rest('POST', 'sensitive-terms', {
      token: s.chief.token,
      body: { term: '龙头企业', severity: 'warn' },
    })
    const id = await feature()
    const res = await act(app, s.author, 'articles', id, 'submit')
    expect(res.status).toBe(400)
    expect(res.json.errors[0].message).toMatch(
      /含有禁用词,不能送审:「第一梯队」\(正文第3段第\d+字\)/,
    )
    const checks = await app.rest('GET', `articles/${id}/checks`, { token: s.reviewer.token })
    expect(checks.json.terms.warn.map((h: any) => [h.term, h.place])).toEqual([
      ['龙头企业', '正文第6段'],
      ['龙头企业', '正文第7段'],
    ])
    // Editing the term away lets it through.
    await app.rest('DELETE', `sensitive-terms/${term.json.doc.id}`, { token: s.chief.token })
    expect((await act(app, s.author, 'articles', id, 'submit')).status).toBe(200)
  })

  it('should let only chief editors and admins change the list, and staff read it', async () => {
    expect(
      (
        await app.rest('POST', 'sensitive-terms', {
          token: s.reviewer.token,
          body: { term: '试', severity: 'warn' },
        })
      ).status,
    ).toBe(403)
    expect((await app.rest('GET', 'sensitive-terms', { token: s.reviewer.token })).status).toBe(200)
    expect((await app.rest('GET', 'sensitive-terms')).status).toBe(403)
  })

  it('should rescan published content when the list changes, and report to the chief editor', async () => {
    await app.rest('POST', 'sensitive-terms', {
      token: s.chief.token,
      body: { term: '蓝海', severity: 'warn' },
    })
    const deadline = Date.now() + 15_000
    let reports = await app.rest('GET', 'quality-reports?sort=-createdAt', { token: s.chief.token })
    while (
      !reports.json.docs.some((r: any) => r.summary.includes('蓝海')) &&
      Date.now() < deadline
    ) {
      await new Promise((r) => setTimeout(r, 250))
      reports = await app.rest('GET', 'quality-reports?sort=-createdAt', { token: s.chief.token })
    }
    const report = reports.json.docs.find((r: any) => r.summary.includes('蓝海'))
    expect(report.summary).toMatch(/1 篇命中/)
    expect(report.matches).toEqual([
      expect.objectContaining({
        title: '全力推动战略性新兴产业高质量发展',
        terms: expect.arrayContaining([
          expect.objectContaining({ term: '蓝海', place: '正文第6段' }),
        ]),
      }),
    ])
    const inbox = await app.rest('GET', 'notifications?where[kind][equals]=quality', {
      token: s.chief.token,
    })
    expect(inbox.json.docs.some((n: any) => n.message.includes('蓝海'))).toBe(true)
    expect((await app.rest('GET', 'quality-reports', { token: s.reviewer.token })).status).toBe(403)
  })
})

describe('personal data', () => {
  it('should flag ID numbers, mobiles and emails and mask them all in one action', async () => {
    const text = fixtureText.replace(
      '数据来源:',
      '联系人:张敏,电话13912345678,身份证11010519491231002X,邮箱zm@example.com。\n\n数据来源:',
    )
    const id = await feature(text)
    const checks = await app.rest('GET', `articles/${id}/checks`, { token: s.reviewer.token })
    expect(checks.json.personal.map((p: any) => p.kind)).toEqual(['mobile', 'id-number', 'email'])
    const masked = await app.rest('POST', `articles/${id}/checks/mask`, { token: s.reviewer.token })
    expect(masked.json.masked).toBe(3)
    const after = await app.rest('GET', `articles/${id}/checks`, { token: s.reviewer.token })
    expect(after.json.personal).toEqual([])
    const doc = await app.payload.findByID({ collection: 'articles', id, draft: true })
    expect(JSON.stringify(doc.body)).toContain('139****5678')
    expect(JSON.stringify(doc.body)).toContain('110105********002X')
    expect((await app.rest('POST', `articles/${id}/checks/mask`)).status).toBe(401)
  })
})
