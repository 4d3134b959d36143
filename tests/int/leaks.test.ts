/**
 * The leak suite: a draft, an in-review revision of a published item, a withdrawn item and a
 * draft photo used by a published article, then every public route probed as an anonymous reader
 * and as an API client. No response may carry any of their secret text.
 */
import { publicCache } from '../../src/delivery/cache'
import { createDeliveryFront } from '../../src/delivery/front'
import { READ_MODEL } from '../../src/delivery/readModel'
import { blocksToLexical } from '../../src/import/lexical'
import { WORKFLOW_CONTEXT } from '../../src/workflow/context'
import { bootNewsdesk, type TestApp } from '../helpers/boot'
import { cameraJpeg } from '../helpers/images'
import { act, hireStaff, type Person } from '../helpers/newsroom'

let app: TestApp
let s: Record<string, Person>
let apiKey: string
const ids: Record<string, number> = {}

const SECRETS = [
  '草稿机密标题',
  '修订中的机密标题',
  '已撤稿机密标题',
  '草稿图片机密说明',
  '草稿项目机密名称',
  '机密联系人',
  'SN-LEAK-0001',
  '隐藏机密栏目',
  '草稿机密栏目',
]

const engine = { context: { [WORKFLOW_CONTEXT]: true } }

beforeAll(async () => {
  app = await bootNewsdesk()
  s = await hireStaff(app, { admin: ['admin'], author: ['editor'], chief: ['chief-editor'] })
  const jpeg = await cameraJpeg({
    serial: 'SN-LEAK-0001',
    gps: { latitude: 36.1, longitude: 103.7 },
  })
  const draftPhoto = await app.payload.create({
    collection: 'photos',
    data: { caption: '草稿图片机密说明', credit: 'x' },
    file: { data: jpeg, mimetype: 'image/jpeg', name: 'secret.jpg', size: jpeg.length },
    draft: true,
  })
  const livePhoto = await app.payload.create({
    collection: 'photos',
    data: { caption: '公开图片', credit: 'x', _status: 'published' },
    file: { data: jpeg, mimetype: 'image/jpeg', name: 'public.jpg', size: jpeg.length },
  })
  ids.draftPhoto = draftPhoto.id as number
  ids.livePhoto = livePhoto.id as number
  const draftProject = await app.payload.create({
    collection: 'projects',
    data: { name: '草稿项目机密名称' },
    draft: true,
  })
  const liveProject = await app.payload.create({
    collection: 'projects',
    data: { name: '公开项目', _status: 'published' },
  })
  ids.liveProject = liveProject.id as number
  const source = await app.payload.create({
    collection: 'data-sources',
    data: { office: '公开单位', contact: '机密联系人', _status: 'published' },
  })
  const body = blocksToLexical(
    [
      { type: 'paragraph', text: '公开正文。' },
      { type: 'photoSlot', caption: '公开图片位' },
    ],
    new Map([['公开图片位', draftPhoto.id]]),
  )
  const live = await app.payload.create({
    collection: 'articles',
    data: {
      title: '公开文章',
      body: body as any,
      coverPhoto: draftPhoto.id,
      projects: [liveProject.id, draftProject.id],
      dataSources: [source.id],
      createdBy: s.author.id,
      _status: 'published',
    },
  })
  ids.live = live.id as number
  // A published article with its next revision in review.
  const revised = await app.payload.create({
    collection: 'articles',
    data: {
      title: '第一版公开标题',
      body: body as any,
      createdBy: s.author.id,
      _status: 'published',
    },
  })
  ids.revised = revised.id as number
  await app.rest('PATCH', `articles/${revised.id}`, {
    token: s.author.token,
    body: { title: '修订中的机密标题' },
  })
  await act(app, s.author, 'articles', revised.id, 'submit')
  const withdrawn = await app.payload.create({
    collection: 'articles',
    data: { title: '已撤稿机密标题', body: body as any, _status: 'published' },
  })
  ids.withdrawn = withdrawn.id as number
  await act(app, s.chief, 'articles', withdrawn.id, 'withdraw', { comment: '撤稿' })
  // Columns: a public one, a hidden one and a draft one; the draft article sits in the public one.
  const column = (name: string, data: Record<string, unknown>) =>
    app.payload.create({ collection: 'columns', data: { name, ...data } as any, ...engine })
  ids.publicColumn = (
    await column('公开栏目', { isPublic: true, _status: 'published', workflowState: 'published' })
  ).id as number
  ids.hiddenColumn = (
    await column('隐藏机密栏目', {
      isPublic: false,
      _status: 'published',
      workflowState: 'published',
    })
  ).id as number
  ids.draftColumn = (
    await app.payload.create({
      collection: 'columns',
      data: { name: '草稿机密栏目', parent: ids.publicColumn },
      draft: true,
    })
  ).id as number
  const draft = await app.payload.create({
    collection: 'articles',
    data: { title: '草稿机密标题', body: body as any, primaryColumn: ids.publicColumn },
    draft: true,
  })
  ids.draft = draft.id as number
  await app.payload.update({
    collection: 'articles',
    id: draft.id,
    data: { slug: 'cao-gao-ji-mi' },
    draft: true,
    ...engine,
  })

  const client = await app.rest('POST', 'api-clients', {
    token: s.admin.token,
    body: {
      name: '甘肃新闻网',
      siteUrl: 'https://news.example.cn',
      enabled: true,
      apiKey: 'test-key-0123456789abcdef0123456789',
    },
  })
  expect(client.status).toBe(201)
  apiKey = 'test-key-0123456789abcdef0123456789'
})
afterAll(async () => {
  await app?.close()
})

const REST_PROBES = () => [
  'articles',
  'articles?draft=true',
  'articles?limit=0',
  'articles?pagination=false',
  'articles?depth=10',
  'articles?draft=true&depth=3',
  `articles/${ids.draft}`,
  `articles/${ids.draft}?draft=true`,
  `articles/${ids.revised}`,
  `articles/${ids.revised}?draft=true`,
  `articles/${ids.withdrawn}`,
  `articles/${ids.withdrawn}?draft=true`,
  `articles/${ids.live}?depth=3`,
  'articles?where[slug][equals]=cao-gao-ji-mi',
  'articles?where[slug][equals]=cao-gao-ji-mi&draft=true',
  'articles?where[title][like]=机密',
  'articles?where[title][like]=机密&draft=true',
  'articles?where[workflowState][equals]=draft',
  'articles?where[workflowState][equals]=in_review&draft=true',
  'articles?where[_status][equals]=draft',
  'articles?where[_status][equals]=draft&draft=true',
  'articles?sort=workflowState',
  'articles/count',
  'articles/count?draft=true',
  'articles/count?where[title][like]=机密',
  'articles/versions',
  `articles/versions?where[parent][equals]=${ids.revised}`,
  'photos',
  'photos?draft=true',
  `photos/${ids.draftPhoto}`,
  `photos/${ids.livePhoto}`,
  'photos/file/secret.jpg',
  'photos?sort=gps.latitude',
  'photos?where[cameraSerial][like]=SN',
  'projects',
  'projects?draft=true',
  `projects/${ids.liveProject}?depth=2`,
  'data-sources',
  'workflow-events',
  `articles/${ids.revised}/review-record`,
  `articles/${ids.revised}/workflow`,
  `articles/${ids.revised}/checks`,
  'workflow/queue',
  'notifications',
  'users',
  'api-clients',
  'sensitive-terms',
  'quality-reports',
  'payload-jobs',
  'payload-preferences',
  'payload-locked-documents',
  'columns',
  'columns?draft=true',
  `columns/${ids.hiddenColumn}`,
  `columns/${ids.draftColumn}`,
  `columns/${ids.draftColumn}?draft=true`,
  'columns/tree',
  'articles?column=gong-kai-lan-mu&draft=true',
  `articles?column=${ids.hiddenColumn}`,
  `articles?column=${ids.draftColumn}`,
  'site-health',
  `search?q=${encodeURIComponent('机密')}`,
  `search?q=${encodeURIComponent('草稿机密标题')}`,
  `search?q=${encodeURIComponent('修订中的机密标题')}`,
  `search?q=${encodeURIComponent('已撤稿机密标题')}`,
  `search?q=${encodeURIComponent('草稿图片机密说明')}&collection=photos`,
  `search?q=${encodeURIComponent('草稿项目机密名称')}&collection=projects`,
  `search?q=${encodeURIComponent('机密')}&scope=staff`,
  `search?q=${encodeURIComponent('机密')}&draft=true`,
]

const GRAPHQL_PROBES = () => [
  '{ Articles(limit: 100, draft: true) { docs { title slug coverPhoto { caption } projects { name } } } }',
  '{ Articles(where: { title: { like: "机密" } }, draft: true) { totalDocs docs { title } } }',
  `{ Article(id: ${ids.draft}, draft: true) { title } }`,
  `{ Article(id: ${ids.revised}, draft: true) { title } }`,
  `{ Article(id: ${ids.withdrawn}) { title } }`,
  `{ Article(id: ${ids.live}) { title bodyHtml coverPhoto { caption url } } }`,
  '{ countArticles(draft: true) { totalDocs } }',
  '{ versionsArticles { docs { version { title } } } }',
  `{ versionArticle(id: 1) { version { title } } }`,
  '{ Photos(draft: true) { docs { caption cameraSerial gps { latitude } } } }',
  `{ Photo(id: ${ids.draftPhoto}, draft: true) { caption } }`,
  '{ Projects(draft: true) { docs { name relatedArticles { docs { title } } } } }',
  '{ DataSources { docs { office contact } } }',
  '{ WorkflowEvents { docs { comment documentTitle } } }',
  '{ Notifications { docs { title } } }',
  '{ Users { docs { email } } }',
  '{ Columns(draft: true) { docs { name parent { name } } } }',
  `{ Column(id: ${ids.hiddenColumn}) { name } }`,
  '{ columnTree { name children { name children { name } } } }',
  '{ columnArticles(column: "gong-kai-lan-mu") { docs { title } } }',
  '{ search(q: "机密") { totalDocs docs { title titleHtml snippet } } }',
  '{ search(q: "修订中的机密标题", scope: "staff") { docs { title } } }',
  '{ search(q: "已撤稿机密标题", collections: ["articles"]) { docs { title snippet } } }',
]

describe('the published read model', () => {
  it('should hold none of the secret text, whatever route reads it', async () => {
    const { docs } = await app.payload.find({
      collection: READ_MODEL as never,
      pagination: false,
      overrideAccess: true,
    })
    expect(docs.length).toBeGreaterThan(0)
    const leaks = (docs as unknown as { key: string; body: string }[]).flatMap((row) =>
      SECRETS.filter((secret) => row.body.includes(secret)).map(
        (secret) => `${row.key}: ${secret}`,
      ),
    )
    expect(leaks).toEqual([])
  })
})

describe.each(['anonymous', 'API client'])('as %s', (who) => {
  const auth = () => (who === 'API client' ? { apiKey } : {})

  it('should leak nothing over any REST route', async () => {
    const leaks: string[] = []
    for (const path of REST_PROBES()) {
      const res = await app.rest('GET', path, auth())
      const found = SECRETS.filter((secret) => res.text.includes(secret))
      if (found.length) leaks.push(`${path} (${res.status}): ${found.join(', ')}`)
    }
    expect(leaks).toEqual([])
  })

  it('should leak nothing over GraphQL', async () => {
    const leaks: string[] = []
    for (const query of GRAPHQL_PROBES()) {
      const res = await app.graphql(query, {}, auth())
      const text = JSON.stringify(res)
      const found = SECRETS.filter((secret) => text.includes(secret))
      if (found.length) leaks.push(`${query.slice(0, 60)}: ${found.join(', ')}`)
    }
    expect(leaks).toEqual([])
  })

  it('should leak nothing through the delivery front, fresh or from its cache', async () => {
    // The front answers public GETs itself (GraphQL with its own executor); the rest goes to Next,
    // whose handlers the probes above already cover.
    const front = createDeliveryFront({ config: app.config })
    const headers: Record<string, string> =
      who === 'API client' ? { Authorization: `api-clients API-Key ${apiKey}` } : {}
    const paths = [
      ...REST_PROBES().map((path) => `/api/${path}`),
      ...GRAPHQL_PROBES().map((query) => `/api/graphql?query=${encodeURIComponent(query)}`),
    ]
    publicCache().clear()
    const leaks: string[] = []
    let answered = 0
    for (const round of ['fresh', 'cached']) {
      for (const path of paths) {
        const res = await front.handle(new Request(`http://localhost${path}`, { headers }))
        if (!res) continue
        answered += 1
        const text = await res.text()
        const found = SECRETS.filter((secret) => text.includes(secret))
        if (found.length)
          leaks.push(
            `${round} ${decodeURIComponent(path).slice(0, 80)} (${res.status}): ${found.join(', ')}`,
          )
      }
    }
    // GraphQL by POST, as client libraries send it, fresh and then from the cache.
    for (const round of ['fresh by POST', 'cached by POST']) {
      for (const query of GRAPHQL_PROBES()) {
        const res = await front.handle(
          new Request('http://localhost/api/graphql', {
            method: 'POST',
            headers: { ...headers, 'Content-Type': 'application/json' },
            body: JSON.stringify({ query }),
          }),
        )
        answered += 1
        const text = await res!.text()
        const found = SECRETS.filter((secret) => text.includes(secret))
        if (found.length)
          leaks.push(`${round} ${query.slice(0, 60)} (${res!.status}): ${found.join(', ')}`)
      }
    }
    expect(leaks).toEqual([])
    expect(answered).toBeGreaterThan(4 * GRAPHQL_PROBES().length)
  })

  it('should still see the published content', async () => {
    const list = await app.rest('GET', 'articles?limit=100', auth())
    expect(list.json.docs.map((d: any) => d.title).sort()).toEqual(
      ['公开文章', '第一版公开标题'].sort(),
    )
    const article = await app.rest('GET', `articles/${ids.live}?depth=2`, auth())
    expect(article.json.bodyHtml).toContain('photo-slot--pending')
    expect(
      article.json.projects.filter((p: any) => typeof p === 'object').map((p: any) => p.name),
    ).toEqual(['公开项目'])
  })

  it('should refuse the staff-only endpoints', async () => {
    for (const path of [
      'workflow-events',
      'notifications',
      'users',
      'sensitive-terms',
      'quality-reports',
    ]) {
      expect({ path, status: (await app.rest('GET', path, auth())).status }).toEqual({
        path,
        status: 403,
      })
    }
    // A client sees its own record (never its key), and nothing of other clients; the public sees none.
    const clients = await app.rest('GET', 'api-clients', auth())
    if (who === 'API client') {
      expect(clients.json.docs.map((c: any) => c.name)).toEqual(['甘肃新闻网'])
      expect(clients.text).not.toContain(apiKey)
    } else {
      expect(clients.status).toBe(403)
    }
    for (const path of [
      `articles/${ids.revised}/review-record`,
      `articles/${ids.revised}/checks`,
      'workflow/queue',
    ]) {
      expect({ path, status: (await app.rest('GET', path, auth())).status }).toEqual({
        path,
        status: 401,
      })
    }
  })
})

describe('hidden fields as an oracle', () => {
  it.each([
    'photos?where[gps.latitude][greater_than]=36',
    'photos?sort=gps.latitude',
    'photos?where[cameraSerial][like]=SN-LEAK',
    'articles?where[workflowState][equals]=published',
    'articles?sort=-reviewStage',
    'articles?where[usedPhotos][in]=1',
    'data-sources?where[contact][like]=机密',
  ])('should refuse to filter or sort the public on %s', async (path) => {
    const res = await app.rest('GET', path)
    expect(res.status).toBe(400)
    expect(res.json.errors[0].message).toMatch(/cannot be queried/)
  })
})
