/**
 * Regression tests for the security review (issue 12): each case was reproduced on the code before
 * its fix, over the real route handlers or the server's own request listener.
 */
import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import type { AddressInfo } from 'node:net'

import exifr from 'exifr'

import { withTransaction } from '../../src/config/transaction'
import { publicCache } from '../../src/delivery/cache'
import { createDeliveryFront } from '../../src/delivery/front'
import { requestListener } from '../../src/http/listener'
import { transition } from '../../src/workflow/engine'
import { bootNewsdesk, type TestApp } from '../helpers/boot'
import { cameraJpeg } from '../helpers/images'
import { act, articleIn, hireStaff, simpleBody, type Person } from '../helpers/newsroom'
import { countReads } from '../helpers/queries'

let app: TestApp
let s: Record<string, Person>
let front: ReturnType<typeof createDeliveryFront>

const get = (path: string, headers: Record<string, string> = {}) =>
  front.handle(new Request(`http://localhost/api/${path}`, { headers }))

/** A raw HTTP/1.1 request, so the test chooses the Host header (fetch does not let it). */
function raw(port: number, path: string, headers: Record<string, string>) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>(
    (resolve, reject) => {
      const request = http.request(
        { host: '127.0.0.1', port, path, method: 'GET', headers, setHost: false },
        (res) => {
          let body = ''
          res.setEncoding('utf8')
          res.on('data', (chunk) => (body += chunk))
          res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }))
        },
      )
      request.on('error', reject)
      request.end()
    },
  )
}

beforeAll(async () => {
  app = await bootNewsdesk()
  s = await hireStaff(app, {
    author: ['editor'],
    chief: ['chief-editor'],
    admin: ['admin'],
    reviewer: ['reviewer'],
    shooter: ['photographer'],
    shooter2: ['photographer'],
  })
  front = createDeliveryFront({ config: app.config })
})
afterAll(async () => {
  await app?.close()
})
beforeEach(() => publicCache().clear())

describe('1. the cache cannot be poisoned through Host', () => {
  let server: http.Server
  let port: number
  beforeAll(async () => {
    await articleIn(app, s.author, 'published', null, '主机头测试')
    server = http.createServer(
      requestListener({
        front,
        next: (_req, res) => res.writeHead(404).end(),
        onError: () => undefined,
      }),
    )
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    port = (server.address() as AddressInfo).port
  })
  afterAll(() => server.close())

  it('should refuse a Host that is not a plain host[:port] with 400, and cache nothing', async () => {
    const poisoned = await raw(port, '/api/articles?limit=10', {
      Host: 'x/api/articles?where[id][equals]=0&a=',
    })
    expect(poisoned.status).toBe(400)
    expect(JSON.parse(poisoned.body).errors[0].message).toMatch(/Host/)
    expect(publicCache().size).toBe(0)
    const honest = await raw(port, '/api/articles?limit=10', { Host: `localhost:${port}` })
    expect(honest.status).toBe(200)
    expect(JSON.parse(honest.body).docs.map((d: any) => d.title)).toContain('主机头测试')
  })

  it('should render from the configured address whatever plain Host is sent', async () => {
    const first = await raw(port, '/api/articles?limit=10', { Host: 'evil.example:80' })
    expect(first.status).toBe(200)
    expect(JSON.parse(first.body).docs.map((d: any) => d.title)).toContain('主机头测试')
    // The key is what was rendered: the same path from an honest client is the same entry.
    const second = await raw(port, '/api/articles?limit=10', { Host: `localhost:${port}` })
    expect(second.headers['x-cache']).toBe('HIT')
    expect(second.body).toBe(first.body)
  })

  it('should answer a broken percent-escape in the path with 400, not 500', async () => {
    const broken = await raw(port, '/api/articles/%E0%A4%A', { Host: `localhost:${port}` })
    expect(broken.status).toBe(400)
    expect(JSON.parse(broken.body).errors[0].message).toMatch(/百分号编码/)
  })
})

describe('2. restoring a version never changes what is live', () => {
  it('should make a restore a new draft revision with a revise event, leaving the live article live', async () => {
    const article = await articleIn(app, s.author, 'published', null, '已发布·恢复测试')
    // The editor saves a newer draft, then restores the earliest version (a draft).
    await app.rest('PATCH', `articles/${article.id}?draft=true`, {
      token: s.author.token,
      body: { title: '修改中的稿子' },
    })
    const { docs: versions } = await app.payload.findVersions({
      collection: 'articles',
      where: { parent: { equals: article.id } },
      sort: 'createdAt',
      limit: 1,
    })
    const restored = await app.rest('POST', `articles/versions/${versions[0]!.id}`, {
      token: s.author.token,
    })
    expect(restored.status).toBe(200)

    const live = await get(`articles/${article.id}`)
    expect(live!.status).toBe(200)
    expect((await live!.json()).title).toBe('已发布·恢复测试')

    const latest = await app.payload.findByID({
      collection: 'articles',
      id: article.id,
      draft: true,
    })
    expect(latest.workflowState).toBe('draft')
    const main = await app.payload.findByID({
      collection: 'articles',
      id: article.id,
      draft: false,
    })
    expect(main._status).toBe('published')
    expect(main.workflowState).toBe('published')
    const { docs: events } = await app.payload.find({
      collection: 'workflow-events',
      where: { documentId: { equals: String(article.id) } },
      sort: '-id',
    })
    expect(events[0]).toMatchObject({ action: 'revise', toState: 'draft' })
    expect(events[0]!.comment).toContain(String(versions[0]!.id))
  })

  it('should do the same through the GraphQL restore mutation', async () => {
    const article = await articleIn(app, s.author, 'published', null, '已发布·图形恢复')
    const { docs: versions } = await app.payload.findVersions({
      collection: 'articles',
      where: { parent: { equals: article.id } },
      sort: 'createdAt',
      limit: 1,
    })
    const result = await app.graphql(
      `mutation { restoreVersionArticle(id: ${JSON.stringify(versions[0]!.id)}) { id } }`,
      {},
      { token: s.author.token },
    )
    expect(result.errors).toBeUndefined()
    const main = await app.payload.findByID({
      collection: 'articles',
      id: article.id,
      draft: false,
    })
    expect(main._status).toBe('published')
    expect((await get(`articles/${article.id}`))!.status).toBe(200)
  })
})

describe('3. a withdrawal cannot be cached back by a concurrent reader', () => {
  it('should not keep a render made before the withdrawal committed', async () => {
    const article = await articleIn(app, s.author, 'published', null, '撤稿并发测试')
    const chief = {
      ...(await app.payload.findByID({ collection: 'users', id: s.chief.id })),
      collection: 'users' as const,
    }
    await withTransaction(
      app.payload,
      async (req) => {
        await transition(req, {
          collection: 'articles',
          id: article.id,
          action: 'withdraw',
          comment: '撤稿',
        })
        // Not yet committed: a public reader still sees the published row, and the front renders it.
        const during = await get(`articles/${article.id}`)
        expect(during!.status).toBe(200)
      },
      { user: chief as never },
    )
    const after = await get(`articles/${article.id}`)
    expect(after!.status).toBe(404)
  })

  it('should show every withdrawal to the next request while readers keep reading', async () => {
    const ids = []
    for (let i = 0; i < 4; i += 1)
      ids.push((await articleIn(app, s.author, 'published', null, `并发撤稿 ${i}`)).id)
    let reading = true
    const readers = Array.from({ length: 4 }, async () => {
      while (reading) await get('articles?limit=50')
    })
    for (const id of ids) {
      expect(
        (await act(app, s.chief, 'articles', id, 'withdraw', { comment: '撤稿' })).status,
      ).toBe(200)
      const titles = (await (await get('articles?limit=50'))!.json()).docs.map((d: any) => d.id)
      expect(titles).not.toContain(id)
    }
    reading = false
    await Promise.all(readers)
    const finalIds = (await (await get('articles?limit=50'))!.json()).docs.map((d: any) => d.id)
    for (const id of ids) expect(finalIds).not.toContain(id)
  })
})

async function upload(
  who: Person,
  data: Buffer,
  name: string,
  fields: Record<string, unknown> = {},
) {
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(data)]), name)
  form.append('_payload', JSON.stringify(fields))
  return app.rest('POST', 'photos?depth=0', { token: who.token, body: form })
}

describe("4. photographers read their own work, not their colleagues'", () => {
  let mine: any
  let theirs: any
  const gps = { latitude: 36.5152, longitude: 103.6405 }
  beforeAll(async () => {
    mine = (
      await upload(s.shooter, await cameraJpeg({ gps, serial: 'SN-MINE' }), 'mine.jpg', {
        caption: '我的图',
      })
    ).json.doc
    theirs = (
      await upload(s.shooter2, await cameraJpeg({ gps, serial: 'SN-THEIRS' }), 'theirs.jpg', {
        caption: '同事的图',
      })
    ).json.doc
  })

  it("should not list a colleague's draft photos through /versions, over REST or GraphQL", async () => {
    const rest = await app.rest('GET', 'photos/versions?limit=100', { token: s.shooter.token })
    expect(rest.status).toBe(200)
    const parents = rest.json.docs.map((v: any) => v.parent)
    expect(parents).toContain(mine.id)
    expect(parents).not.toContain(theirs.id)
    expect(JSON.stringify(rest.json)).not.toContain('SN-THEIRS')
    const gql = await app.graphql(
      '{ versionsPhotos(limit: 100) { docs { parent { id } version { cameraSerial } } } }',
      {},
      { token: s.shooter.token },
    )
    expect(JSON.stringify(gql)).not.toContain('SN-THEIRS')
    const editor = await app.rest('GET', 'photos/versions?limit=100', { token: s.author.token })
    expect(editor.json.docs.map((v: any) => v.parent)).toContain(theirs.id)
  })

  it("should hide GPS and the camera serial of a colleague's published photo, and show a photographer their own", async () => {
    await putPhotoLive(theirs.id)
    const colleague = await app.rest('GET', `photos/${theirs.id}`, { token: s.shooter.token })
    expect(colleague.status).toBe(200)
    expect(colleague.json.gps).toBeUndefined()
    expect(colleague.json.cameraSerial).toBeUndefined()
    const own = await app.rest('GET', `photos/${mine.id}?draft=true`, { token: s.shooter.token })
    expect(own.json.gps).toEqual(gps)
    expect(own.json.cameraSerial).toBe('SN-MINE')
    const editor = await app.rest('GET', `photos/${theirs.id}`, { token: s.author.token })
    expect(editor.json.cameraSerial).toBe('SN-THEIRS')
  })

  it('should let a photographer read the drafts that use their photos, and no other drafts or their history', async () => {
    const using = await app.payload.create({
      collection: 'articles',
      data: { title: '用了我的图的稿件', body: photoBody(mine.id), createdBy: s.author.id },
      draft: true,
    })
    const other = await app.payload.create({
      collection: 'articles',
      data: { title: '与我无关的草稿', body: simpleBody() },
      draft: true,
    })
    const list = await app.rest('GET', 'articles?draft=true&limit=100', { token: s.shooter.token })
    const titles = list.json.docs.map((d: any) => d.title)
    expect(titles).toContain('用了我的图的稿件')
    expect(titles).not.toContain('与我无关的草稿')
    expect(
      (await app.rest('GET', `articles/${other.id}?draft=true`, { token: s.shooter.token })).status,
    ).toBe(404)
    const gql = await app.graphql(
      '{ Articles(draft: true, limit: 100) { docs { title } } }',
      {},
      { token: s.shooter.token },
    )
    expect(JSON.stringify(gql.data)).not.toContain('与我无关的草稿')
    const versions = await app.rest('GET', 'articles/versions?limit=100', {
      token: s.shooter.token,
    })
    expect(versions.json.docs.map((v: any) => v.parent)).not.toContain(using.id)
  })

  it('should show a photographer the review comments on their own photos only', async () => {
    const article = await articleIn(app, s.author, 'in_review', 'first-review', '评论保密')
    expect(
      (
        await act(app, s.reviewer, 'articles', article.id, 'reject', {
          comment: '内部意见:数据待核',
        })
      ).status,
    ).toBe(200)
    const events = await app.rest('GET', 'workflow-events?limit=200', { token: s.shooter.token })
    expect(events.status).toBe(200)
    expect(JSON.stringify(events.json)).not.toContain('内部意见')
    expect(
      (await app.rest('GET', 'workflow-events?limit=200', { token: s.author.token })).text,
    ).toContain('内部意见')
  })
})

describe('5. GPS cannot reach a served file', () => {
  const exifTag = Buffer.from('Exif\0\0')

  it('should serve no EXIF from a JPEG that carries a second, EXIF-bearing image after the first', async () => {
    const gps = { latitude: 36.5, longitude: 103.6 }
    const data = Buffer.concat([
      await cameraJpeg({ gps }),
      await cameraJpeg({ width: 160, height: 120, gps }),
    ])
    const res = await upload(s.shooter, data, 'two-images.jpg', { caption: '附带预览图' })
    expect(res.status).toBe(201)
    const doc = res.json.doc
    const files = [
      doc.filename,
      ...Object.values(doc.sizes).map((size: any) => size.filename),
    ].filter(Boolean)
    expect(files.length).toBeGreaterThan(1)
    // The original is stripped whole; sizes carry at most sharp's own minimal EXIF, never GPS.
    const original = fs.readFileSync(path.join(process.env.MEDIA_DIR!, doc.filename))
    expect(original.includes(exifTag)).toBe(false)
    for (const name of files) {
      const bytes = fs.readFileSync(path.join(process.env.MEDIA_DIR!, name))
      const position = await exifr.gps(bytes).catch(() => undefined)
      expect({ name, gps: position ?? null }).toEqual({ name, gps: null })
    }
  })

  it.each([
    ['a remote url', { url: 'http://127.0.0.1:9/photo.jpg', filename: 'photo.jpg', caption: 'x' }],
    [
      'a file already in the media folder',
      { url: '/api/photos/file/mine.jpg', filename: 'mine.jpg', caption: 'x' },
    ],
    ['no file at all', { caption: '只有说明' }],
  ])('should refuse to create a photo from %s with 400', async (_, body) => {
    const before = fs.readdirSync(process.env.MEDIA_DIR!).length
    const res = await app.rest('POST', 'photos', { token: s.shooter.token, body })
    expect(res.status).toBe(400)
    expect(res.json.errors[0].message).toMatch(/上传/)
    expect(fs.readdirSync(process.env.MEDIA_DIR!).length).toBe(before)
  })

  it('should not replace a file named by url or file name in an update', async () => {
    const doc = (await upload(s.shooter, await cameraJpeg(), 'keep.jpg', { caption: '原图' })).json
      .doc
    const res = await app.rest('PATCH', `photos/${doc.id}?draft=true`, {
      token: s.shooter.token,
      body: {
        url: '/api/photos/file/two-images.jpg',
        filename: 'two-images.jpg',
        caption: '改了说明',
      },
    })
    expect(res.status).toBe(200)
    const latest = await app.payload.findByID({ collection: 'photos', id: doc.id, draft: true })
    expect(latest).toMatchObject({
      filename: doc.filename,
      filesize: doc.filesize,
      caption: '改了说明',
    })
  })
})

describe('6. anonymous readers cannot make the server do large amounts of work', () => {
  const ids: (number | string)[] = []
  beforeAll(async () => {
    for (let i = 0; i < 12; i += 1)
      ids.push((await articleIn(app, s.author, 'published', null, `批量 ${i}`)).id)
  })

  it('should clamp a public id-in list without pagination like any other list', async () => {
    const where = ids.map((id, i) => `where[id][in][${i}]=${id}`).join('&')
    const res = await get(`articles?${where}&pagination=false&depth=0`)
    expect(res!.status).toBe(200)
    expect((await res!.json()).docs).toHaveLength(10)
    const viaNext = await app.rest('GET', `articles?${where}&pagination=false&depth=0`)
    expect(viaNext.json.docs).toHaveLength(10)
  })

  const manyLists = (n: number, limit: number) =>
    `{ ${Array.from({ length: n }, (_, i) => `a${i}: Articles(limit: ${limit}) { docs { id title slug } }`).join(' ')} }`

  it('should refuse a query whose lists multiply past the cost limit, by POST and by GET', async () => {
    const post = await app.graphql(manyLists(25, 100))
    expect(post.errors?.[0]?.message).toMatch(/查询过于复杂/)
    const viaGet = await get(`graphql?query=${encodeURIComponent(manyLists(25, 100))}`)
    const body = await viaGet!.json()
    expect(body.errors[0].message).toMatch(/查询过于复杂/)
    expect(viaGet!.headers.get('x-cache')).toBe('BYPASS')
  })

  it('should cap aliases, and still answer an ordinary page of lists', async () => {
    const aliases = await app.graphql(
      `{ ${Array.from({ length: 31 }, (_, i) => `t${i}: Articles(limit: 1) { totalDocs }`).join(' ')} }`,
    )
    expect(aliases.errors?.map((e: any) => e.message).join()).toMatch(/别名过多/)
    const ordinary = await app.graphql(manyLists(3, 20))
    expect(ordinary.errors).toBeUndefined()
    expect(ordinary.data.a0.docs.length).toBeGreaterThan(0)
  })

  it("should run a failing GraphQL query once, answering in Payload's error shape", async () => {
    const { result: res, reads } = await countReads(app, 'articles', () =>
      get(`graphql?query=${encodeURIComponent('{ Article(id: 987654) { title } }')}`),
    )
    const body = await res!.json()
    expect(body.errors[0].extensions.statusCode).toBe(404)
    expect(res!.headers.get('x-cache')).toBe('BYPASS')
    expect(reads).toBe(1)
  })

  it('should answer invented API keys with 401 before the rate limiter counts them', async () => {
    const strict = createDeliveryFront({ config: app.config, rateLimitPerMinute: 1 })
    for (let i = 0; i < 3; i += 1) {
      const res = await strict.handle(
        new Request('http://localhost/api/articles', {
          headers: { Authorization: `api-clients API-Key invented-${i}-${Math.random()}` },
        }),
      )
      expect(res!.status).toBe(401)
      expect(res!.headers.get('cache-control')).toBe('private, no-store')
    }
  })
})

describe('6. request bodies are bounded', () => {
  let server: http.Server
  let port: number
  beforeAll(async () => {
    server = http.createServer(
      requestListener({
        front,
        next: (_req, res) => res.writeHead(204).end(),
        onError: () => undefined,
      }),
    )
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    port = (server.address() as AddressInfo).port
  })
  afterAll(() => server.close())

  const send = (headers: Record<string, string>, path = '/api/graphql') =>
    new Promise<number>((resolve, reject) => {
      const request = http.request(
        { host: '127.0.0.1', port, path, method: 'POST', headers },
        (res) => {
          res.resume()
          resolve(res.statusCode!)
        },
      )
      request.on('error', reject)
      request.end()
    })

  it('should refuse a JSON body over the limit with 413, and one of unknown length with 411', async () => {
    expect(
      await send({ 'Content-Type': 'application/json', 'Content-Length': String(5 * 1024 * 1024) }),
    ).toBe(413)
    expect(await send({ 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' })).toBe(
      411,
    )
    // Within the limit a request goes on: here to the stand-in for Next.
    expect(
      await send(
        { 'Content-Type': 'application/json', 'Content-Length': '0' },
        '/api/users/logout',
      ),
    ).toBe(204)
  })
})

async function putPhotoLive(id: number | string) {
  const { WORKFLOW_CONTEXT } = await import('../../src/workflow/context')
  await app.payload.update({
    collection: 'photos',
    id,
    data: { _status: 'published', workflowState: 'published' },
    context: { [WORKFLOW_CONTEXT]: true },
  })
}

function photoBody(photoId: number | string) {
  return {
    root: {
      type: 'root',
      version: 1,
      direction: null,
      format: '',
      indent: 0,
      children: [
        {
          type: 'block',
          version: 2,
          format: '',
          fields: {
            id: 'slot1',
            blockName: '',
            blockType: 'photoSlot',
            caption: '图说',
            photo: photoId,
          },
        },
      ],
    },
  } as any
}
