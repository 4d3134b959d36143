/**
 * Targeted invalidation: a change drops the cached answers that show the changed document or list
 * its collection, and keeps the rest; and a second server process on the same database file sees a
 * withdrawal within a second.
 */
import fs from 'node:fs'
import path from 'node:path'

import {
  cacheGeneration,
  emptyPublicCache,
  invalidateTags,
  publicCache,
  storeIfCurrent,
} from '../../src/delivery/cache'
import { docTag, listTag } from '../../src/delivery/dependencies'
import { createDeliveryFront } from '../../src/delivery/front'
import { INVALIDATIONS } from '../../src/delivery/invalidations'
import { WORKFLOW_CONTEXT } from '../../src/workflow/context'
import { bootNewsdesk, type TestApp } from '../helpers/boot'
import { act, articleIn, hireStaff, putInState, type Person } from '../helpers/newsroom'
import { freePort, startProcess, waitForHttp, type Started } from '../helpers/process'

let app: TestApp
let s: Record<string, Person>
let front: ReturnType<typeof createDeliveryFront>

const get = (apiPath: string) => front.handle(new Request(`http://localhost/api/${apiPath}`))
const cacheState = async (apiPath: string) => (await get(apiPath))!.headers.get('x-cache')

async function publishedProject(name: string) {
  const doc = await app.payload.create({
    collection: 'projects',
    data: { name },
    draft: true,
    context: { [WORKFLOW_CONTEXT]: true },
  })
  return putInState(app, 'projects' as never, doc, 'published', null)
}

/** An approved article about the given projects, ready for the chief editor to publish. */
async function approvedArticleAbout(title: string, projects: (number | string)[]) {
  const doc = await articleIn(app, s.author, 'approved', null, title)
  await app.payload.update({
    collection: 'articles',
    id: doc.id,
    data: { projects: projects as number[] },
    draft: true,
    context: { [WORKFLOW_CONTEXT]: true },
  })
  return doc
}

beforeAll(async () => {
  app = await bootNewsdesk()
  s = await hireStaff(app, { author: ['editor'], chief: ['chief-editor'] })
  front = createDeliveryFront({ config: app.config })
})
afterAll(async () => {
  await app?.close()
})
beforeEach(() => emptyPublicCache())

describe('targeted invalidation', () => {
  it('should drop only the answers that show a published article or list articles', async () => {
    const shown = await publishedProject('临港花海项目')
    const other = await publishedProject('高端装备产业园')
    const standing = await articleIn(app, s.author, 'published', null, '早已发布的报道')
    const paths = [
      `projects/${shown.id}`,
      `projects/${other.id}`,
      `articles/${standing.id}`,
      'articles?limit=5&sort=-createdAt',
    ]
    for (const p of paths) expect(await cacheState(p)).toBe('MISS')
    for (const p of paths) expect(await cacheState(p)).toBe('HIT')

    const { id } = await approvedArticleAbout('花海项目开园', [shown.id])
    expect((await act(app, s.chief, 'articles', id, 'publish')).status).toBe(200)

    // Not shown by these: kept.
    expect(await cacheState(`projects/${other.id}`)).toBe('HIT')
    expect(await cacheState(`articles/${standing.id}`)).toBe('HIT')
    // The project's related articles and the list show it, on the first request after the call.
    const project = await (await get(`projects/${shown.id}`))!.json()
    expect(project.relatedArticles.docs.map((d: any) => d.id ?? d)).toContain(id)
    const list = await (await get('articles?limit=5&sort=-createdAt'))!.json()
    expect(list.docs.map((d: any) => d.title)).toContain('花海项目开园')

    // A withdrawal drops what showed it, and again nothing else.
    expect(await cacheState(`projects/${shown.id}`)).toBe('HIT')
    expect(await cacheState(`articles/${id}`)).toBe('MISS')
    expect((await act(app, s.chief, 'articles', id, 'withdraw', { comment: '撤稿' })).status).toBe(
      200,
    )
    expect(await cacheState(`projects/${other.id}`)).toBe('HIT')
    expect(await cacheState(`articles/${standing.id}`)).toBe('HIT')
    expect((await get(`articles/${id}`))!.status).toBe(404)
    const after = await (await get(`projects/${shown.id}`))!.json()
    expect(after.relatedArticles.docs.map((d: any) => d.id ?? d)).not.toContain(id)
  })

  it('should drop an article that shows a photo when the live photo changes, and keep the rest', async () => {
    const jpeg = fs.readFileSync(path.join(import.meta.dirname, '../helpers/tiny.jpg'))
    const photo = await app.payload.create({
      collection: 'photos',
      data: { caption: '新区夜景', credit: '孙悦', _status: 'published' } as never,
      file: { data: jpeg, mimetype: 'image/jpeg', name: 'night.jpg', size: jpeg.length },
      context: { [WORKFLOW_CONTEXT]: true },
    })
    const withPhoto = await articleIn(app, s.author, 'published', null, '夜景报道')
    await app.payload.update({
      collection: 'articles',
      id: withPhoto.id,
      data: { coverPhoto: photo.id as number },
      context: { [WORKFLOW_CONTEXT]: true },
    })
    const without = await articleIn(app, s.author, 'published', null, '没有图片的报道')
    emptyPublicCache()
    for (const id of [withPhoto.id, without.id])
      expect(await cacheState(`articles/${id}`)).toBe('MISS')
    expect(publicCache().get(`/api/articles/${withPhoto.id}`)?.tags).toContain(
      docTag('photos', photo.id),
    )

    await app.payload.update({
      collection: 'photos',
      id: photo.id,
      data: { caption: '新区夜景(更正)' },
      context: { [WORKFLOW_CONTEXT]: true },
    })
    expect(await cacheState(`articles/${without.id}`)).toBe('HIT')
    const shown = await (await get(`articles/${withPhoto.id}`))!.json()
    expect(shown.coverPhoto.caption).toBe('新区夜景(更正)')
  })

  it('should not keep a render that read something changed while it rendered', () => {
    const entry = { status: 200, body: Buffer.from('{}'), etag: '"x"', contentType: 'json' }
    const started = cacheGeneration()
    invalidateTags([docTag('articles', 1), listTag('articles')])
    expect(storeIfCurrent('a', { ...entry, tags: [docTag('articles', 1)] }, started)).toBe(false)
    expect(storeIfCurrent('b', { ...entry, tags: [docTag('projects', 9)] }, started)).toBe(true)
    // Nothing recorded means it may depend on anything.
    expect(storeIfCurrent('c', { ...entry, tags: [] }, started)).toBe(false)
    expect(publicCache().has('a')).toBe(false)
    expect(publicCache().has('b')).toBe(true)
    invalidateTags([docTag('projects', 9)])
    expect(publicCache().has('b')).toBe(false)
  })

  it('should tell other instances in the same transaction as the change', async () => {
    const before = await app.payload.count({ collection: INVALIDATIONS as never })
    const { id } = await approvedArticleAbout('又一篇报道', [])
    expect((await act(app, s.chief, 'articles', id, 'publish')).status).toBe(200)
    const rows = await app.payload.find({
      collection: INVALIDATIONS as never,
      sort: '-id',
      limit: 1,
      depth: 0,
    })
    expect((await app.payload.count({ collection: INVALIDATIONS as never })).totalDocs).toBe(
      before.totalDocs + 1,
    )
    expect((rows.docs[0] as any).tags).toEqual(
      expect.arrayContaining([docTag('articles', id), listTag('articles')]),
    )
    // Not a public collection: nobody reads it over the API.
    expect((await app.rest('GET', INVALIDATIONS)).status).toBe(403)
  })
})

describe('a second server process on the same database', () => {
  let second: Started | undefined
  afterAll(async () => {
    await second?.stop()
  })

  it('should stop serving a withdrawn article within a second of the withdrawal', async () => {
    const { id } = await approvedArticleAbout('两台服务器都能看到的报道', [])
    expect((await act(app, s.chief, 'articles', id, 'publish')).status).toBe(200)

    const port = await freePort()
    second = startProcess(
      process.execPath,
      [
        '--no-deprecation',
        '--conditions=production',
        '--import',
        'tsx',
        path.join(import.meta.dirname, '../helpers/secondInstance.ts'),
      ],
      { ...process.env, PORT: String(port), INVALIDATION_POLL_MS: '100' },
    )
    const base = `http://127.0.0.1:${port}`
    await waitForHttp(
      `${base}/api/articles?limit=1`,
      120_000,
      () => second!.child.exitCode === null,
    )
    const url = `${base}/api/articles/${id}`
    expect((await fetch(url)).headers.get('x-cache')).toBe('MISS')
    const cached = await fetch(url)
    expect(cached.headers.get('x-cache')).toBe('HIT')
    expect((await cached.json()).title).toBe('两台服务器都能看到的报道')

    expect((await act(app, s.chief, 'articles', id, 'withdraw', { comment: '撤稿' })).status).toBe(
      200,
    )
    const withdrawn = Date.now()
    let status = 200
    while (status === 200 && Date.now() - withdrawn < 5000) {
      status = (await fetch(url)).status
      if (status === 200) await new Promise((resolve) => setTimeout(resolve, 20))
    }
    const elapsed = Date.now() - withdrawn
    expect(status).toBe(404)
    expect(elapsed).toBeLessThan(1000)
  }, 180_000)
})
