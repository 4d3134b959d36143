/**
 * Columns (栏目): a tree that goes through the workflow, cannot lose published content, is read by
 * downstream sites with counts and last-updated times (REST, GraphQL, the delivery front), filters
 * lists with its descendants, and drives the site-health findings and their daily job.
 */
import { publicCache } from '../../src/delivery/cache'
import { createDeliveryFront } from '../../src/delivery/front'
import { checkSiteHealth, nextMorning } from '../../src/columns/jobs'
import { importArticle } from '../../src/import/importArticle'
import { WORKFLOW_CONTEXT } from '../../src/workflow/context'
import { bootNewsdesk, type TestApp } from '../helpers/boot'
import { act, hireStaff, simpleBody, type Person } from '../helpers/newsroom'

let app: TestApp
let s: Record<string, Person>
const ids: Record<string, number> = {}
const DAY = 86_400_000

/** A column created and published by the system (fixture setup). */
async function column(name: string, data: Record<string, unknown> = {}) {
  const doc = await app.payload.create({
    collection: 'columns',
    data: {
      name,
      isPublic: true,
      _status: 'published',
      workflowState: 'published',
      ...data,
    } as any,
    context: { [WORKFLOW_CONTEXT]: true },
  })
  ids[name] = doc.id as number
  return doc
}

/** A published article in a column, published `daysAgo` days ago. */
async function article(title: string, columnName: string, daysAgo = 1, extra = {}) {
  const doc = await app.payload.create({
    collection: 'articles',
    data: {
      title,
      body: simpleBody(),
      primaryColumn: ids[columnName],
      publishedDate: new Date(Date.now() - daysAgo * DAY).toISOString(),
      workflowState: 'published',
      _status: 'published',
      ...extra,
    },
    context: { [WORKFLOW_CONTEXT]: true },
  })
  ids[title] = doc.id as number
  return doc
}

beforeAll(async () => {
  app = await bootNewsdesk()
  s = await hireStaff(app, {
    admin: ['admin'],
    chief: ['chief-editor'],
    reviewer: ['reviewer'],
    editor: ['editor'],
  })
  await column('新闻中心', { kind: 'news', cadenceDays: 14, order: 1 })
  await column('园区动态', { kind: 'news', cadenceDays: 14, parent: ids['新闻中心'] })
  await column('要闻动态', { kind: 'news', cadenceDays: 14, parent: ids['新闻中心'] })
  await column('通知公告', { kind: 'notice', cadenceDays: 180, order: 2 })
  await column('政策文件', { kind: 'policy', cadenceDays: 180, order: 3 })
  await column('政策解读', { kind: 'interpretation', cadenceDays: 180, order: 4 })
  await column('机密隐藏栏目', { kind: 'news', cadenceDays: 14, isPublic: false })
  await column('空的隐藏栏目', { kind: 'news', isPublic: false })
  await article('园区新闻一', '园区动态', 3)
  await article('园区新闻二', '园区动态', 1)
  await article('要闻一', '要闻动态', 12) // 12 of 14 days: due soon
  await article('隐藏栏目里的文章', '机密隐藏栏目', 40)
  await article('政策文件一', '政策文件', 10)
  await article('政策文件二', '政策文件', 10)
  await article('解读一', '政策解读', 5, { interprets: ids['政策文件一'] })
  await article('解读二', '政策解读', 5)
})
afterAll(async () => {
  await app?.close()
})

describe('the columns collection', () => {
  it('should take a column through the workflow before readers see it', async () => {
    const created = await app.rest('POST', 'columns', {
      token: s.chief!.token,
      body: { name: '招商引资', kind: 'news', cadenceDays: 30 },
    })
    expect(created.status).toBe(201)
    const id = created.json.doc.id
    expect(created.json.doc.slug).toBe('zhao-shang-yin-zi')
    expect((await app.rest('GET', `columns/${id}`)).status).toBe(404)
    expect((await act(app, s.chief, 'columns', id, 'submit')).status).toBe(200)
    expect((await act(app, s.reviewer, 'columns', id, 'approve')).status).toBe(200)
    expect((await act(app, s.chief, 'columns', id, 'publish')).status).toBe(200)
    const read = await app.rest('GET', `columns/${id}`)
    expect(read.status).toBe(200)
    expect(read.json.name).toBe('招商引资')
  })

  it('should let only chief editors and admins manage columns', async () => {
    const editor = await app.rest('POST', 'columns', {
      token: s.editor!.token,
      body: { name: '编辑建的栏目' },
    })
    expect(editor.status).toBe(403)
  })

  it('should refuse a parent that would make a loop, in Chinese', async () => {
    const response = await app.rest('PATCH', `columns/${ids['新闻中心']}`, {
      token: s.chief!.token,
      body: { parent: ids['园区动态'] },
    })
    expect(response.status).toBe(400)
    expect(response.json.errors[0].message).toMatch(/上级栏目不能是本栏目或它的下级栏目/)
  })

  it('should refuse to delete a column with published content, and allow hiding it', async () => {
    const refused = await app.rest('DELETE', `columns/${ids['园区动态']}`, {
      token: s.chief!.token,
    })
    expect(refused.status).toBe(409)
    expect(refused.json.errors[0].message).toMatch(/不能删除.*隐藏/)
    expect(await app.payload.count({ collection: 'columns' })).toMatchObject({ totalDocs: 9 })
    const spare = await column('临时栏目')
    const removed = await app.rest('DELETE', `columns/${spare.id}`, { token: s.chief!.token })
    expect(removed.status).toBe(200)
  })
})

describe('the column tree for downstream sites', () => {
  const names = (nodes: any[]): string[] =>
    nodes.flatMap((node) => [node.name, ...names(node.children)])

  it('should give the public tree with counts and last-updated times that include descendants', async () => {
    const { status, json, headers } = await app.rest('GET', 'columns/tree')
    expect(status).toBe(200)
    expect(headers.get('cache-control')).toMatch(/public/)
    const news = json.docs.find((node: any) => node.name === '新闻中心')
    expect(news.count).toBe(3)
    expect(news.children.map((node: any) => [node.name, node.count])).toEqual([
      ['园区动态', 2],
      ['要闻动态', 1],
    ])
    const park = news.children[0]
    expect(new Date(park.lastUpdated).getTime()).toBeGreaterThan(Date.now() - 2 * DAY)
    expect(news.lastUpdated).toBe(park.lastUpdated)
    expect(names(json.docs)).not.toContain('机密隐藏栏目')
    expect(JSON.stringify(json)).not.toMatch(/机密|隐藏/)
  })

  it('should give staff the hidden columns too', async () => {
    const { json, headers } = await app.rest('GET', 'columns/tree', { token: s.editor!.token })
    expect(headers.get('cache-control')).toBe('private, no-store')
    expect(names(json.docs)).toContain('机密隐藏栏目')
  })

  it('should answer the same tree over GraphQL', async () => {
    const { data, errors } = await app.graphql(
      '{ columnTree { name count lastUpdated children { name count } } }',
    )
    expect(errors).toBeUndefined()
    const rest = await app.rest('GET', 'columns/tree')
    const strip = (nodes: any[]): any[] =>
      nodes.map((node) => ({
        name: node.name,
        count: node.count,
        lastUpdated: node.lastUpdated,
        children: node.children.map((child: any) => ({ name: child.name, count: child.count })),
      }))
    expect(data.columnTree).toEqual(strip(rest.json.docs))
  })

  it('should filter lists by a column and its descendants, and by nothing hidden', async () => {
    const parent = await app.rest('GET', 'articles?column=xin-wen-zhong-xin&limit=50')
    expect(parent.json.docs.map((doc: any) => doc.title).sort()).toEqual(
      ['园区新闻一', '园区新闻二', '要闻一'].sort(),
    )
    const child = await app.rest('GET', `articles?column=${ids['园区动态']}`)
    expect(child.json.totalDocs).toBe(2)
    const hidden = await app.rest('GET', 'articles?column=ji-mi-yin-cang-lan-mu')
    expect(hidden.json.totalDocs).toBe(0)
    const staff = await app.rest('GET', 'articles?column=ji-mi-yin-cang-lan-mu', {
      token: s.editor!.token,
    })
    expect(staff.json.totalDocs).toBe(1)
    const { data } = await app.graphql(
      '{ columnArticles(column: "xin-wen-zhong-xin", limit: 10) { totalDocs docs { title } } }',
    )
    expect(data.columnArticles.totalDocs).toBe(3)
    const secret = await app.graphql(
      '{ columnArticles(column: "ji-mi-yin-cang-lan-mu") { totalDocs } }',
    )
    expect(secret.data.columnArticles.totalDocs).toBe(0)
  })

  it('should be cached by the delivery front and show a new publication on the next request', async () => {
    publicCache().clear()
    const front = createDeliveryFront({ config: app.config })
    const get = () => front.handle(new Request('http://localhost/api/columns/tree'))
    const first = (await get())!
    expect(first.headers.get('x-cache')).toBe('MISS')
    const second = (await get())!
    expect(second.headers.get('x-cache')).toBe('HIT')
    const count = async (response: Response) =>
      (await response.json()).docs.find((node: any) => node.name === '通知公告').count
    expect(await count(second)).toBe(0)
    const draft = await app.payload.create({
      collection: 'articles',
      data: { title: '一则通知', body: simpleBody(), primaryColumn: ids['通知公告'] },
      draft: true,
    })
    await app.payload.update({
      collection: 'articles',
      id: draft.id,
      data: { _status: 'published', workflowState: 'published' },
      context: { [WORKFLOW_CONTEXT]: true },
    })
    const third = (await get())!
    expect(third.headers.get('x-cache')).toBe('MISS')
    expect(await count(third)).toBe(1)
    await app.payload.update({
      collection: 'articles',
      id: draft.id,
      data: { _status: 'draft', workflowState: 'withdrawn' },
      context: { [WORKFLOW_CONTEXT]: true },
    })
  })
})

describe('site health', () => {
  it('should be staff-only', async () => {
    expect((await app.rest('GET', 'site-health')).status).toBe(401)
  })

  it('should list overdue, due-soon and empty public columns, each with a link', async () => {
    await article('很久以前的通知', '通知公告', 200)
    const { status, json } = await app.rest('GET', 'site-health', { token: s.editor!.token })
    expect(status).toBe(200)
    const byKey = Object.fromEntries(json.findings.map((f: any) => [f.key, f]))
    expect(byKey[`overdue:${ids['通知公告']}`]).toMatchObject({
      severity: 'error',
      text: expect.stringMatching(/栏目「通知公告」已 200 天未更新,超过 180 天的更新周期/),
      link: expect.stringContaining(`where[primaryColumn][equals]=${ids['通知公告']}`),
    })
    expect(byKey[`due-soon:${ids['要闻动态']}`]).toMatchObject({
      severity: 'warn',
      text: expect.stringMatching(/「要闻动态」已 12 天未更新,2 天后/),
    })
    // Near misses: a column updated yesterday, and a parent whose child was, are fine; hidden
    // columns are not inspected, empty or not.
    expect(byKey[`overdue:${ids['园区动态']}`]).toBeUndefined()
    expect(byKey[`due-soon:${ids['园区动态']}`]).toBeUndefined()
    expect(byKey[`due-soon:${ids['新闻中心']}`]).toBeUndefined()
    expect(byKey[`empty:${ids['空的隐藏栏目']}`]).toBeUndefined()
    expect(byKey[`overdue:${ids['机密隐藏栏目']}`]).toBeUndefined()
    const spare = await column('专题专栏', { kind: 'news', cadenceDays: 14 })
    const again = await app.rest('GET', 'site-health', { token: s.editor!.token })
    expect(again.json.findings.map((f: any) => f.key)).toContain(`empty:${spare.id}`)
    await app.payload.update({
      collection: 'columns',
      id: spare.id,
      data: { isPublic: false },
      context: { [WORKFLOW_CONTEXT]: true },
    })
  })

  it('should find 解读 without their policy, and policies without a 解读', async () => {
    const { json } = await app.rest('GET', 'site-health', { token: s.editor!.token })
    const keys = json.findings.map((f: any) => f.key)
    expect(keys).toContain(`interpretation-unlinked:${ids['解读二']}`)
    expect(keys).not.toContain(`interpretation-unlinked:${ids['解读一']}`)
    expect(keys).toContain(`policy-uninterpreted:${ids['政策文件二']}`)
    expect(keys).not.toContain(`policy-uninterpreted:${ids['政策文件一']}`)
    const unlinked = json.findings.find((f: any) => f.key.endsWith(`:${ids['解读二']}`))
    expect(unlinked.text).toBe('政策解读「解读二」没有关联所解读的政策文件')
    expect(unlinked.link).toBe(`/admin/collections/articles/${ids['解读二']}`)
  })

  it('should tell chief editors about new findings once, from the daily job', async () => {
    const notes = async () =>
      (
        await app.payload.find({
          collection: 'notifications',
          where: {
            and: [{ kind: { equals: 'site-health' } }, { recipient: { equals: s.chief!.id } }],
          },
          limit: 100,
        })
      ).docs
    const req = await (await import('payload')).createLocalReq({}, app.payload)
    const first = await checkSiteHealth(req)
    expect(first.fresh).toBeGreaterThan(0)
    expect(await notes()).toHaveLength(1)
    expect((await notes())[0]!.message).toMatch(/政策解读「解读二」/)
    const second = await checkSiteHealth(req)
    expect(second.fresh).toBe(0)
    expect(await notes()).toHaveLength(1)
    await article('又一篇没有关联的解读', '政策解读', 1)
    const third = await checkSiteHealth(req)
    expect(third.fresh).toBe(1)
    expect((await notes())[0]!.message).toMatch(/又一篇没有关联的解读/)
    const editorNotes = await app.payload.count({
      collection: 'notifications',
      where: {
        and: [{ kind: { equals: 'site-health' } }, { recipient: { equals: s.editor!.id } }],
      },
    })
    expect(editorNotes.totalDocs).toBe(0)
  })

  it('should run each morning at 07:00 China time', () => {
    expect(nextMorning(new Date('2026-11-29T22:00:00Z')).toISOString()).toBe(
      '2026-11-29T23:00:00.000Z',
    )
    expect(nextMorning(new Date('2026-11-29T23:00:00Z')).toISOString()).toBe(
      '2026-11-30T23:00:00.000Z',
    )
  })
})

describe('importing into a column', () => {
  const file = (tag: string) => ({
    name: 'tag.txt',
    bytes: Buffer.from(
      `${tag}\n\n新区园区建设跑出加速度\n\n今年以来,园区新签约项目18个,总投资136亿元。\n`,
    ),
  })

  it('should put an article whose 【…】 tag names a column into it', async () => {
    const { id } = await importArticle(app.payload, file('【园区动态】'))
    const doc = await app.payload.findByID({ collection: 'articles', id, draft: true, depth: 0 })
    expect(doc.primaryColumn).toBe(ids['园区动态'])
  })

  it('should suggest the most alike column when no name matches', async () => {
    const { id } = await importArticle(app.payload, file('【强工业·园区在行动】'))
    const doc = await app.payload.findByID({ collection: 'articles', id, draft: true, depth: 0 })
    expect(doc.primaryColumn ?? null).toBeNull()
    expect(doc.importNotes).toContainEqual(
      expect.objectContaining({
        kind: '栏目',
        reason: '没有名为「强工业·园区在行动」的栏目,建议归入「园区动态」',
      }),
    )
  })
})
