import { registerPersistedQuery, resolvePersistedQuery, sha256 } from '../../src/delivery/apq'
import { publicCache } from '../../src/delivery/cache'
import { createDeliveryFront } from '../../src/delivery/front'
import { bootNewsdesk, type TestApp } from '../helpers/boot'
import { act, articleIn, hireStaff, type Person } from '../helpers/newsroom'
import { countReads } from '../helpers/queries'

let app: TestApp
let s: Record<string, Person>
let front: ReturnType<typeof createDeliveryFront>
const KEY = 'delivery-test-key-0123456789abcdef01'

const get = (path: string, headers: Record<string, string> = {}) =>
  front.handle(new Request(`http://localhost/api/${path}`, { headers }))

beforeAll(async () => {
  app = await bootNewsdesk()
  s = await hireStaff(app, { author: ['editor'], chief: ['chief-editor'], admin: ['admin'] })
  await articleIn(app, s.author, 'published', null, '已发布的第一篇')
  await app.rest('POST', 'api-clients', {
    token: s.admin.token,
    body: { name: '下游站点', enabled: true, apiKey: KEY },
  })
  front = createDeliveryFront({ config: app.config, rateLimitPerMinute: 5 })
})
afterAll(async () => {
  await app?.close()
})
beforeEach(() => publicCache().clear())

describe('the public read path', () => {
  it('should serve public reads with a strong ETag and public caching, then from the cache', async () => {
    const first = (await get('articles?limit=5'))!
    expect(first.status).toBe(200)
    expect(first.headers.get('cache-control')).toBe(
      'public, max-age=60, s-maxage=300, stale-while-revalidate=600',
    )
    expect(first.headers.get('etag')).toMatch(/^"[\w-]+"$/)
    expect(first.headers.get('x-cache')).toBe('MISS')
    const body = await first.json()
    expect(body.docs.map((d: any) => d.title)).toEqual(['已发布的第一篇'])
    const second = (await get('articles?limit=5'))!
    expect(second.headers.get('x-cache')).toBe('HIT')
    expect(second.headers.get('etag')).toBe(first.headers.get('etag'))
    const notModified = (await get('articles?limit=5', {
      'If-None-Match': first.headers.get('etag')!,
    }))!
    expect(notModified.status).toBe(304)
    expect(await notModified.text()).toBe('')
  })

  it('should leave staff logins to Next: never cached, never filling the cache', async () => {
    expect(await get('articles', { Authorization: `JWT ${s.author.token}` })).toBeNull()
    expect(await get('articles', { Cookie: `payload-token=${s.author.token}` })).toBeNull()
    expect(publicCache().size).toBe(0)
    expect(await get(`articles/1/workflow`)).toBeNull()
  })

  it('should refuse at once an Authorization that is neither a staff login nor an API key', async () => {
    for (const authorization of ['Bearer x', 'JWT not-a-token', 'Basic dXNlcjpwYXNz']) {
      const res = (await get('articles', { Authorization: authorization }))!
      expect([authorization, res.status]).toEqual([authorization, 401])
      expect(res.headers.get('cache-control')).toBe('private, no-store')
      expect((await res.json()).errors[0].message).toMatch(/登录凭据无效/)
    }
    expect(await get('articles', { Authorization: `Bearer ${s.author.token}` })).toBeNull()
    expect(publicCache().size).toBe(0)
  })

  it('should mark every answer to a logged-in request private, no-store, whichever layer gives it', async () => {
    const { requestListener } = await import('../../src/http/listener')
    const http = await import('node:http')
    // A stand-in for Next that sets no Cache-Control, or a public one.
    const server = http.createServer(
      requestListener({
        front,
        next: (req, res) =>
          res
            .writeHead(
              200,
              req.url!.includes('public') ? { 'Cache-Control': 'public, max-age=600' } : {},
            )
            .end('{}'),
        onError: () => undefined,
      }),
    )
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const port = (server.address() as import('node:net').AddressInfo).port
    const fetchWith = (path: string, headers: Record<string, string>) =>
      fetch(`http://127.0.0.1:${port}${path}`, { headers })
    try {
      const staff = { Authorization: `JWT ${s.author.token}` }
      const cookie = { Cookie: `payload-token=${s.author.token}` }
      for (const headers of [staff, cookie]) {
        for (const path of ['/api/users/me', '/api/public-looking', '/admin']) {
          const res = await fetchWith(path, headers)
          expect([path, res.headers.get('cache-control')]).toEqual([path, 'private, no-store'])
        }
      }
      // Anonymous answers keep what their layer says.
      const anonymous = await fetchWith('/api/public-looking', {})
      expect(anonymous.headers.get('cache-control')).toBe('public, max-age=600')
    } finally {
      server.close()
    }
  })

  it('should rate-limit the renders an anonymous address causes, with 429 and Retry-After', async () => {
    publicCache().clear()
    const tight = createDeliveryFront({ config: app.config, missesPerMinute: 3 })
    const ask = (path: string, ip: string) =>
      tight.handle(new Request(`http://localhost/api/${path}`), ip)
    for (const limit of [1, 2, 3])
      expect((await ask(`articles?limit=${limit}`, '203.0.113.7'))!.status).toBe(200)
    const refused = (await ask('articles?limit=4', '203.0.113.7'))!
    expect(refused.status).toBe(429)
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(refused.headers.get('cache-control')).toBe('private, no-store')
    // What is cached still answers that address; another address has its own allowance.
    expect((await ask('articles?limit=1', '203.0.113.7'))!.headers.get('x-cache')).toBe('HIT')
    expect((await ask('articles?limit=4', '198.51.100.2'))!.status).toBe(200)
    // API clients have their own limit, not this one.
    const keyed = await tight.handle(
      new Request('http://localhost/api/articles?limit=5', {
        headers: { Authorization: `api-clients API-Key ${KEY}` },
      }),
      '203.0.113.7',
    )
    expect(keyed!.status).toBe(200)
  })

  it('should not cache draft reads', async () => {
    const res = (await get('articles?draft=true'))!
    expect(res.headers.get('cache-control')).toBe('private, no-store')
    expect(publicCache().size).toBe(0)
  })

  it('should show a publish and a withdrawal to the very next request', async () => {
    expect((await (await get('articles'))!.json()).totalDocs).toBe(1)
    const { id } = await articleIn(app, s.author, 'approved', null, '刚刚发布')
    expect((await act(app, s.chief, 'articles', id, 'publish')).status).toBe(200)
    const after = await (await get('articles'))!.json()
    expect(after.docs.map((d: any) => d.title)).toContain('刚刚发布')
    expect((await act(app, s.chief, 'articles', id, 'withdraw', { comment: '撤' })).status).toBe(
      200,
    )
    expect((await (await get('articles'))!.json()).docs.map((d: any) => d.title)).not.toContain(
      '刚刚发布',
    )
  })

  it('should keep the cache within its byte budget, forgetting the least recently used first', async () => {
    const cache = publicCache()
    const mb = 1024 * 1024
    const entry = (n: number) => ({
      status: 200,
      body: Buffer.alloc(mb, n % 256),
      etag: `"${n}"`,
      contentType: 'application/json',
    })
    // More megabytes than the budget holds, with the first entry read again halfway.
    const count = Math.ceil(cache.maxSize / mb) + 8
    for (let n = 0; n < count; n += 1) {
      cache.set(`/api/budget/${n}`, entry(n))
      if (n === Math.floor(count / 2)) cache.get('/api/budget/0')
    }
    expect(cache.calculatedSize).toBeLessThanOrEqual(cache.maxSize)
    expect(cache.calculatedSize).toBeGreaterThan(cache.maxSize - 2 * mb)
    expect(cache.has('/api/budget/1')).toBe(false)
    expect(cache.has('/api/budget/0')).toBe(true)
    expect(cache.has(`/api/budget/${count - 1}`)).toBe(true)
    // A real answer still goes in after all that.
    expect((await get('articles?limit=5'))!.headers.get('x-cache')).toBe('MISS')
    expect((await get('articles?limit=5'))!.headers.get('x-cache')).toBe('HIT')
  })
})

describe('API clients', () => {
  it('should read through the public cache and be rate-limited per key with 429 and Retry-After', async () => {
    const headers = { Authorization: `api-clients API-Key ${KEY}` }
    const statuses = []
    for (let i = 0; i < 6; i += 1) statuses.push((await get('articles', headers))!.status)
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429])
    const limited = (await get('articles', headers))!
    expect(limited.status).toBe(429)
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0)
    // Another key, and anonymous readers, are not affected.
    expect((await get('articles'))!.status).toBe(200)
  })

  it('should not let a client write', async () => {
    const res = await app.rest('POST', 'articles', {
      apiKey: KEY,
      body: { title: '客户端写入', body: {} },
    })
    expect(res.status).toBe(403)
  })

  it('should refuse a revoked key its access to anything but public content', async () => {
    const client = (await app.payload.find({ collection: 'api-clients', limit: 1 })).docs[0]!
    expect((await app.rest('GET', 'api-clients/me', { apiKey: KEY })).json.user).toMatchObject({
      name: '下游站点',
    })
    await app.rest('PATCH', `api-clients/${client.id}`, {
      token: s.admin.token,
      body: { enabled: false },
    })
    const me = await app.rest('GET', 'api-clients/me', { apiKey: KEY })
    expect(me.json?.user ?? null).toBeNull()
  })
})

describe('GraphQL by GET and persisted queries', () => {
  const query = '{ Articles(limit: 5) { docs { title } } }'

  it('should answer GET ?query= and cache it', async () => {
    const res = (await get(`graphql?query=${encodeURIComponent(query)}`))!
    expect(res.status).toBe(200)
    expect((await res.json()).data.Articles.docs[0].title).toBe('已发布的第一篇')
    expect((await get(`graphql?query=${encodeURIComponent(query)}`))!.headers.get('x-cache')).toBe(
      'HIT',
    )
  })

  it('should speak Apollo APQ: unknown hash, then hash with query, then hash alone', async () => {
    const hash = sha256(query)
    const extensions = encodeURIComponent(
      JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hash } }),
    )
    const unknown = await (await get(`graphql?extensions=${extensions}`))!.json()
    expect(unknown.errors[0]).toMatchObject({
      message: 'PersistedQueryNotFound',
      extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' },
    })
    const registered = await (await get(
      `graphql?query=${encodeURIComponent(query)}&extensions=${extensions}`,
    ))!.json()
    expect(registered.data.Articles.docs).toHaveLength(1)
    const byHash = (await get(`graphql?extensions=${extensions}`))!
    expect((await byHash.json()).data.Articles.docs).toHaveLength(1)
    const wrong = (await get(
      `graphql?query=${encodeURIComponent('{ Articles { totalDocs } }')}&extensions=${extensions}`,
    ))!
    expect(wrong.status).toBe(400)
  })

  it('should keep the persisted queries it remembers within a memory budget', () => {
    // Forty distinct one-megabyte queries: the oldest are forgotten (the client resends them).
    const big = Array.from(
      { length: 40 },
      (_, i) =>
        `{ Articles { docs { title } } } # ${String(i).padStart(2, '0')}${'x'.repeat(1024 * 1024)}`,
    )
    for (const q of big) {
      expect(resolvePersistedQuery(q, sha256(q))).toEqual({ query: q, register: sha256(q) })
      registerPersistedQuery(sha256(q), q)
    }
    expect(resolvePersistedQuery(undefined, sha256(big[0]!))).toEqual({ error: 'not-found' })
    expect(resolvePersistedQuery(undefined, sha256(big[39]!))).toEqual({ query: big[39] })
  })
})

describe('a client asking for a fresh answer', () => {
  it('should serve an anonymous Cache-Control: no-cache from the cache, as a CDN does', async () => {
    await get('articles?limit=2')
    const anonymous = (await get('articles?limit=2', { 'Cache-Control': 'no-cache' }))!
    expect(anonymous.headers.get('x-cache')).toBe('HIT')
  })

  it('should let an API client ask for a fresh answer, which refills the cache', async () => {
    const roomy = createDeliveryFront({ config: app.config, rateLimitPerMinute: 100 })
    const fresher = 'delivery-test-fresh-key-0123456789abcd'
    await app.rest('POST', 'api-clients', {
      token: s.admin.token,
      body: { name: '要新数据的站点', enabled: true, apiKey: fresher },
    })
    const headers = { Authorization: `api-clients API-Key ${fresher}` }
    const ask = (extra: Record<string, string> = {}) =>
      roomy.handle(
        new Request('http://localhost/api/articles?limit=3', { headers: { ...headers, ...extra } }),
      )
    await ask()
    expect((await ask({ 'Cache-Control': 'no-cache' }))!.headers.get('x-cache')).toBe('MISS')
    expect((await ask())!.headers.get('x-cache')).toBe('HIT')
  })
})

describe('misses', () => {
  it('should render a cold key once for fifty concurrent requests', async () => {
    const path = 'articles?limit=7&sort=title'
    const one = (await countReads(app, 'articles', () => get(path))).reads
    expect(one).toBeGreaterThan(0)
    publicCache().clear()
    const { result: answers, reads } = await countReads(app, 'articles', () =>
      Promise.all(Array.from({ length: 50 }, () => get(path))),
    )
    expect(reads).toBe(one)
    const bodies = new Set(await Promise.all(answers.map((a) => a!.text())))
    expect(bodies.size).toBe(1)
    expect(answers.every((a) => a!.status === 200)).toBe(true)
  })
})

describe('draft=true from the public', () => {
  it('should read what is live, in lists and by id, over REST and GraphQL, while a newer draft waits', async () => {
    const { id } = await articleIn(app, s.author, 'published', null, '线上版本')
    await app.rest('PATCH', `articles/${id}?draft=true`, {
      token: s.author.token,
      body: { title: '待审的新版本' },
    })
    const list = await (await get('articles?draft=true&limit=50'))!.json()
    expect(list.docs.map((d: any) => d.title)).toContain('线上版本')
    expect(JSON.stringify(list)).not.toContain('待审的新版本')
    const one = await (await get(`articles/${id}?draft=true`))!.json()
    expect(one.title).toBe('线上版本')
    const query = encodeURIComponent('{ Articles(draft: true, limit: 50) { docs { title } } }')
    const gql = await (await get(`graphql?query=${query}`))!.json()
    expect(gql.data.Articles.docs.map((d: any) => d.title)).toContain('线上版本')
    expect(JSON.stringify(gql)).not.toContain('待审的新版本')
  })
})

describe('the fast path on Node requests', () => {
  it('should serve cache hits directly, and leave staff and misses to the full path', async () => {
    const http = await import('node:http')
    const fallbacks: string[] = []
    // As src/server.ts wires it, with 404 standing in for Next.
    const server = http.createServer((req, res) => {
      if (front.serveFromCache(req, res)) return
      fallbacks.push(req.url!)
      void front.serve(req, res).then((answered) => {
        if (!answered) res.writeHead(404).end()
      })
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const base = `http://127.0.0.1:${(server.address() as import('node:net').AddressInfo).port}`
    try {
      const url = `${base}/api/articles?where[title][equals]=${encodeURIComponent('已发布的第一篇')}`
      const first = await fetch(url)
      const second = await fetch(url)
      expect(await second.text()).toBe(await first.text())
      expect(second.headers.get('etag')).toBe(first.headers.get('etag'))
      expect(
        (await fetch(url, { headers: { 'If-None-Match': first.headers.get('etag')! } })).status,
      ).toBe(304)
      expect(
        (await fetch(url, { headers: { Cookie: `payload-token=${s.author.token}` } })).status,
      ).toBe(404)
      // An anonymous no-cache is answered from the cache, on the fast path too.
      const noCache = await fetch(url, { headers: { 'Cache-Control': 'no-cache' } })
      expect(noCache.headers.get('x-cache')).toBe('HIT')
      expect(await noCache.text()).toBe(await (await fetch(url)).text())
      // Only the first request and the staff one went the long way.
      expect(fallbacks).toHaveLength(2)
    } finally {
      server.close()
    }
  })
})
