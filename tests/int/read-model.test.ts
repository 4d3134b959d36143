/**
 * The published read model: the front answers documents by id and slug, and plain lists, from
 * `published-documents`, with exactly what Payload's own REST handler answers the public; drafts
 * never enter it; it follows publishes, edits of what a document shows, and withdrawals; and
 * `npm run reindex` rebuilds it.
 */
import fs from 'node:fs'
import path from 'node:path'

import { emptyPublicCache } from '../../src/delivery/cache'
import { createDeliveryFront } from '../../src/delivery/front'
import { READ_MODEL, READ_MODEL_DEPTHS, rebuildReadModel } from '../../src/delivery/readModel'
import { withTransaction } from '../../src/config/transaction'
import { WORKFLOW_CONTEXT } from '../../src/workflow/context'
import { bootNewsdesk, type TestApp } from '../helpers/boot'
import { act, articleIn, hireStaff, putInState, type Person } from '../helpers/newsroom'
import { countReads } from '../helpers/queries'

let app: TestApp
let s: Record<string, Person>
let front: ReturnType<typeof createDeliveryFront>
let photoId: number
let projectId: number
const live: { id: number; slug: string }[] = []

const engine = { context: { [WORKFLOW_CONTEXT]: true } }
const fromFront = async (apiPath: string) => {
  emptyPublicCache()
  const res = (await front.handle(new Request(`http://localhost/api/${apiPath}`)))!
  return { status: res.status, json: await res.json() }
}
const fromPayload = async (apiPath: string) => {
  const res = await app.rest('GET', apiPath)
  return { status: res.status, json: res.json }
}
const rowsOf = async (id: number | string) =>
  (
    await app.payload.find({
      collection: READ_MODEL as never,
      where: { docCollection: { equals: 'articles' }, docId: { equals: String(id) } },
      overrideAccess: true,
      pagination: false,
    })
  ).docs as unknown as { body: string; depth: number }[]

/** An approved article with the photo and project, published by the chief editor. */
async function publishArticle(title: string) {
  const doc = await articleIn(app, s.author, 'approved', null, title)
  await app.payload.update({
    collection: 'articles',
    id: doc.id,
    data: { coverPhoto: photoId, projects: [projectId] },
    draft: true,
    ...engine,
  })
  expect((await act(app, s.chief, 'articles', doc.id, 'publish')).status).toBe(200)
  const published = await app.payload.findByID({ collection: 'articles', id: doc.id })
  return { id: doc.id as number, slug: published.slug as string }
}

beforeAll(async () => {
  // The refresh job may run at once (it waits two seconds in a server, to batch bursts).
  process.env.READ_MODEL_REFRESH_DELAY_MS = '0'
  app = await bootNewsdesk()
  s = await hireStaff(app, { author: ['editor'], chief: ['chief-editor'] })
  front = createDeliveryFront({ config: app.config })
  const jpeg = fs.readFileSync(path.join(import.meta.dirname, '../helpers/tiny.jpg'))
  const photo = await app.payload.create({
    collection: 'photos',
    data: {
      caption: '临港产业园全景',
      credit: '孙悦',
      _status: 'published',
      workflowState: 'published',
    } as never,
    file: { data: jpeg, mimetype: 'image/jpeg', name: 'park.jpg', size: jpeg.length },
    ...engine,
  })
  photoId = photo.id as number
  const project = await app.payload.create({
    collection: 'projects',
    data: { name: '新材料产业园一期' },
    draft: true,
    ...engine,
  })
  await putInState(app, 'projects' as never, project, 'published', null)
  projectId = project.id as number
  for (const title of ['读模型第一篇', '读模型第二篇', '读模型第三篇'])
    live.push(await publishArticle(title))
  // Each publish dropped the rows of the articles showing the same project (its related articles
  // changed); the queued job renders them again.
  await app.payload.jobs.run({ queue: 'workflow' })
})
afterAll(async () => {
  await app?.close()
})

describe('answers from the read model', () => {
  it('should answer a document by id, at each depth kept, exactly as Payload does, without reading the collection', async () => {
    for (const { id } of live) {
      for (const depth of READ_MODEL_DEPTHS) {
        const path = `articles/${id}?depth=${depth}`
        const { result, reads } = await countReads(app, 'articles', () => fromFront(path))
        expect(result).toEqual(await fromPayload(path))
        expect(reads).toBe(0)
      }
      expect(await fromFront(`articles/${id}`)).toEqual(await fromPayload(`articles/${id}`))
    }
    const project = `projects/${projectId}?depth=1`
    expect(await fromFront(project)).toEqual(await fromPayload(project))
  })

  it('should answer a document by slug, and plain lists, exactly as Payload does', async () => {
    const paths = [
      `articles?where[slug][equals]=${live[1]!.slug}&limit=1&depth=1`,
      `articles?where[slug][equals]=${live[0]!.slug}`,
      'articles?limit=2&sort=-publishedDate&depth=1',
      'articles?limit=2&page=2&sort=title',
      'articles',
      'photos?limit=5&depth=0',
    ]
    for (const p of paths) {
      const answer = await fromFront(p)
      expect(answer.status).toBe(200)
      expect(answer).toEqual(await fromPayload(p))
    }
    // A list reads the collection once, for its ids; the bodies come from the model.
    const { reads } = await countReads(app, 'articles', () => fromFront('articles?limit=3'))
    expect(reads).toBe(1)
  })

  it('should resolve a GraphQL single-document query from it, as Payload does', async () => {
    const { id } = live[1]!
    const query = `{ Article(id: ${id}) { id title slug bodyHtml coverPhoto { url caption } projects { name } } }`
    const post = () =>
      front.handle(
        new Request('http://localhost/api/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query }),
        }),
      )
    emptyPublicCache()
    const { result, reads } = await countReads(app, 'articles', post)
    expect(reads).toBe(0)
    const answer = await result!.json()
    expect(answer.data.Article.title).toBe('读模型第二篇')
    const stock = await app.graphql(query)
    expect(answer).toEqual({ data: stock.data })
  })

  it('should follow a corrected publication date, which is written past Payload’s hooks', async () => {
    const { id } = live[1]!
    await fromFront(`articles/${id}`)
    const res = await app.rest('POST', `articles/${id}/published-date`, {
      token: s.chief.token,
      body: { publishedDate: '2023-07-01T02:00:00.000Z', reason: '原稿日期录入有误' },
    })
    expect(res.status).toBe(200)
    for (const depth of READ_MODEL_DEPTHS) {
      const path = `articles/${id}?depth=${depth}`
      const { result, reads } = await countReads(app, 'articles', () => fromFront(path))
      expect(reads).toBe(0)
      expect(result.json.publishedDate).toBe('2023-07-01T02:00:00.000Z')
      expect(result).toEqual(await fromPayload(path))
    }
  })

  it('should hold no draft, and keep the live version while a newer draft waits', async () => {
    const draft = await articleIn(app, s.author, 'draft', null, '只是草稿')
    expect(await rowsOf(draft.id)).toHaveLength(0)
    expect((await fromFront(`articles/${draft.id}`)).status).toBe(404)

    const { id } = live[0]!
    await app.payload.update({
      collection: 'articles',
      id,
      data: { title: '正在修改的新标题' },
      draft: true,
      ...engine,
    })
    const rows = await rowsOf(id)
    expect(rows).toHaveLength(READ_MODEL_DEPTHS.length)
    for (const row of rows) expect(row.body).not.toContain('正在修改的新标题')
    expect((await fromFront(`articles/${id}`)).json.title).toBe('读模型第一篇')
  })

  it('should re-render the articles that show a photo when the live photo changes', async () => {
    await app.payload.update({
      collection: 'photos',
      id: photoId,
      data: { caption: '临港产业园全景(更正)' },
      ...engine,
    })
    const path = `articles/${live[2]!.id}?depth=1`
    // Dropped in the photo's transaction (every depth shows it: the body's figures too), and
    // Payload answers meanwhile, with the new caption.
    expect(await rowsOf(live[2]!.id)).toHaveLength(0)
    const answer = await fromFront(path)
    expect(answer.json.coverPhoto.caption).toBe('临港产业园全景(更正)')
    expect(answer).toEqual(await fromPayload(path))
    // The queued job renders them again.
    await app.payload.jobs.run({ queue: 'workflow' })
    const rows = await rowsOf(live[2]!.id)
    expect(rows).toHaveLength(READ_MODEL_DEPTHS.length)
    expect(rows.find((row) => row.depth === 1)!.body).toContain('临港产业园全景(更正)')
    const { result, reads } = await countReads(app, 'articles', () => fromFront(path))
    expect(reads).toBe(0)
    expect(result).toEqual(await fromPayload(path))
  })

  it('should drop a withdrawn document in the withdrawal’s transaction', async () => {
    const { id } = live[2]!
    expect((await act(app, s.chief, 'articles', id, 'withdraw', { comment: '撤稿' })).status).toBe(
      200,
    )
    expect(await rowsOf(id)).toHaveLength(0)
    expect((await fromFront(`articles/${id}`)).status).toBe(404)
    const list = await fromFront('articles?limit=10')
    expect(list.json.docs.map((d: any) => d.id)).not.toContain(id)
    expect(list).toEqual(await fromPayload('articles?limit=10'))
  })

  it('should be rebuilt from scratch by npm run reindex, to the same answers', async () => {
    await app.payload.delete({
      collection: READ_MODEL as never,
      where: { id: { exists: true } },
      overrideAccess: true,
    })
    // Empty, it answers nothing itself: Payload answers, the same.
    expect(await fromFront(`articles/${live[1]!.id}`)).toEqual(
      await fromPayload(`articles/${live[1]!.id}`),
    )
    const count = await withTransaction(app.payload, (req) => rebuildReadModel(app.payload, req))
    // Two live articles, the photo and the project.
    expect(count).toBe(4)
    const { result, reads } = await countReads(app, 'articles', () =>
      fromFront(`articles/${live[1]!.id}?depth=1`),
    )
    expect(reads).toBe(0)
    expect(result).toEqual(await fromPayload(`articles/${live[1]!.id}?depth=1`))
  })
})
