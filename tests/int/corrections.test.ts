/**
 * 更正: a change to a live article is either a new revision through 三审 or a correction with a
 * public note signed by a chief editor. Nothing changes published text without one of the two.
 */
import { importArticle } from '../../src/import/importArticle'
import { bootNewsdesk, type TestApp } from '../helpers/boot'
import { act, actGraphQL, articleIn, hireStaff, simpleBody, type Person } from '../helpers/newsroom'

let app: TestApp
let s: Record<string, Person>

beforeAll(async () => {
  app = await bootNewsdesk()
  // The first account is made an admin: take that place with someone these tests do not use.
  s = await hireStaff(app, {
    first: ['admin'],
    author: ['editor'],
    fixer: ['editor'],
    chief: ['chief-editor'],
    chief2: ['chief-editor'],
  })
  await app.rest('POST', 'webhooks', {
    token: s.first.token,
    body: {
      url: 'https://downstream.example.com/hook',
      secret: 'secret-0123456789abcdef',
      events: ['corrected'],
    },
  })
})
afterAll(async () => {
  await app?.close()
})

const publicArticle = async (id: number | string) => (await app.rest('GET', `articles/${id}`)).json
const correctionEvents = (id: number | string) =>
  app.payload.find({
    collection: 'workflow-events',
    where: { and: [{ documentId: { equals: String(id) } }, { action: { equals: 'correct' } }] },
  })

async function liveWithPendingFix(title: string, fixedText: string, by: Person = s.fixer) {
  const article = await articleIn(app, s.author, 'published', null, title)
  const saved = await app.rest('PATCH', `articles/${article.id}?draft=true`, {
    token: by.token,
    body: { body: simpleBody(fixedText) },
  })
  expect(saved.status).toBe(200)
  return article.id
}

describe('a correction', () => {
  it('should publish the pending revision at once, with a public note, a record, a webhook and JSON-LD', async () => {
    const id = await liveWithPendingFix('更正测试', '兰州新区投资额为53亿元。')
    // The admin offers 更正 to a chief editor, not to whoever made the fix.
    expect(
      (await app.rest('GET', `articles/${id}/workflow`, { token: s.chief.token })).json.actions,
    ).toContain('correct')
    expect(
      (await app.rest('GET', `articles/${id}/workflow`, { token: s.fixer.token })).json.actions,
    ).not.toContain('correct')
    expect((await publicArticle(id)).bodyHtml).not.toContain('53亿元')
    const res = await act(app, s.chief, 'articles', id, 'correct', {
      comment: '原文投资额有误,已更正为53亿元',
    })
    expect(res.status).toBe(200)
    expect(res.json).toMatchObject({ state: 'published' })
    const live = await publicArticle(id)
    expect(live.bodyHtml).toContain('53亿元')
    expect(live.corrections).toEqual([
      expect.objectContaining({ note: '原文投资额有误,已更正为53亿元', approvedBy: 'chief' }),
    ])
    expect(live.bodyHtml).toMatch(/<aside class="corrections"><h2>更正<\/h2>.*原文投资额有误/)
    expect(live.structuredData).toMatchObject({
      '@type': 'NewsArticle',
      headline: '更正测试',
      correction: [{ '@type': 'CorrectionComment', text: '原文投资额有误,已更正为53亿元' }],
    })
    const gql = await app.graphql(
      `{ Article(id: ${JSON.stringify(id)}) { corrections { note approvedBy } structuredData } }`,
    )
    expect(gql.data.Article.corrections).toEqual([
      { note: '原文投资额有误,已更正为53亿元', approvedBy: 'chief' },
    ])
    expect(gql.data.Article.structuredData.correction).toHaveLength(1)
    expect((await correctionEvents(id)).totalDocs).toBe(1)
    const jobs = await app.payload.find({
      collection: 'payload-jobs',
      where: { taskSlug: { equals: 'deliverWebhook' } },
      pagination: false,
    })
    expect(
      jobs.docs.some(
        (job) =>
          (job.input as any)?.payload?.event === 'corrected' &&
          (job.input as any)?.payload?.id === String(id),
      ),
    ).toBe(true)
  })

  it('should answer 400 without a note, 403 to other roles and to whoever made the revision, 409 with nothing pending', async () => {
    const id = await liveWithPendingFix('更正规则', '改过的正文。', s.chief2)
    expect((await act(app, s.chief, 'articles', id, 'correct')).status).toBe(400)
    expect((await act(app, s.fixer, 'articles', id, 'correct', { comment: '更正' })).status).toBe(
      403,
    )
    const own = await act(app, s.chief2, 'articles', id, 'correct', { comment: '更正' })
    expect(own.status).toBe(403)
    expect(own.json.errors[0].code).toBe('contributor')
    const viaGraphQL = await actGraphQL(app, s.chief, 'articles', id, 'correct', {
      comment: '图形接口更正',
    })
    expect(viaGraphQL.errors).toBeUndefined()
    expect(viaGraphQL.data.workflowTransition.state).toBe('published')
    const nothing = await act(app, s.chief, 'articles', id, 'correct', { comment: '再更正' })
    expect(nothing.status).toBe(409)
    expect(nothing.json.errors[0].code).toBe('nothing-to-correct')
    const draftOnly = await articleIn(app, s.author, 'draft', null, '未发布')
    expect(
      (await act(app, s.chief, 'articles', draftOnly.id, 'correct', { comment: '更正' })).status,
    ).toBe(409)
  })
})

describe('nothing changes published text without a record', () => {
  it('should leave the live text unchanged, or record the change, by every write route', async () => {
    const article = await articleIn(app, s.author, 'published', null, '写入路径')
    const id = article.id
    const liveText = async () =>
      JSON.stringify(
        (await app.payload.findByID({ collection: 'articles', id, draft: false })).body,
      )
    const records = async () =>
      ((await app.payload.findByID({ collection: 'articles', id, draft: false })).corrections ?? [])
        .length + (await correctionEvents(id)).totalDocs
    const original = await liveText()

    // update: becomes a draft revision
    await app.rest('PATCH', `articles/${id}`, {
      token: s.chief.token,
      body: { body: simpleBody('编辑直接改正文。') },
    })
    expect(await liveText()).toBe(original)
    // bulk: refused
    expect(
      (
        await app.rest('PATCH', `articles?where[id][equals]=${id}`, {
          token: s.chief.token,
          body: { title: '批量' },
        })
      ).status,
    ).toBe(403)
    expect(await liveText()).toBe(original)
    // restore: a draft revision
    const { docs: versions } = await app.payload.findVersions({
      collection: 'articles',
      where: { parent: { equals: id } },
      sort: 'createdAt',
      limit: 1,
    })
    await app.rest('POST', `articles/versions/${versions[0]!.id}`, { token: s.chief.token })
    expect(await liveText()).toBe(original)
    // import: creates new drafts, never touches a live article
    const imported = await importArticle(app.payload, {
      name: 'x.txt',
      bytes: new TextEncoder().encode('## 写入路径\n\n导入的正文。\n'),
    })
    expect(imported.id).not.toBe(id)
    expect(await liveText()).toBe(original)
    expect(await records()).toBe(0)
    // mask: changes live text, and records it as a correction
    await app.payload.update({
      collection: 'articles',
      id,
      data: {
        _status: 'published',
        body: simpleBody('联系电话13912345678。'),
        workflowState: 'published',
      },
      context: { newsdeskWorkflow: true },
    })
    const masked = await app.rest('POST', `articles/${id}/checks/mask`, { token: s.chief.token })
    expect(masked.json.masked).toBeGreaterThan(0)
    const live = await app.payload.findByID({ collection: 'articles', id, draft: false })
    expect(JSON.stringify(live.body)).not.toContain('13912345678')
    expect(live.corrections).toEqual([
      expect.objectContaining({ note: expect.stringMatching(/遮盖个人信息/) }),
    ])
  })
})
