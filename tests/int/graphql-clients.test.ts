/**
 * Downstream developers' GraphQL clients, with their own libraries, against the server's request
 * listener (the delivery front in front of a stand-in for Next): Apollo Client with automatic
 * persisted queries over GET, graphql-request (POST) and urql (GET). Each request the server
 * sees is recorded with its method and X-Cache answer.
 */
import { createHash } from 'node:crypto'
import http from 'node:http'
import type { AddressInfo } from 'node:net'

import { ApolloClient, gql, HttpLink, InMemoryCache } from '@apollo/client'
import { PersistedQueryLink } from '@apollo/client/link/persisted-queries'
import { Client, fetchExchange } from '@urql/core'
import { GraphQLClient } from 'graphql-request'

import { publicCache } from '../../src/delivery/cache'
import { createDeliveryFront } from '../../src/delivery/front'
import { requestListener } from '../../src/http/listener'
import { bootNewsdesk, type TestApp } from '../helpers/boot'
import { articleIn, hireStaff, type Person } from '../helpers/newsroom'

let app: TestApp
let s: Record<string, Person>
let server: http.Server
let uri = ''
let seen: { method: string; url: string; cache: string | undefined; status: number }[] = []

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex')

beforeAll(async () => {
  app = await bootNewsdesk()
  s = await hireStaff(app, { author: ['editor'] })
  for (const title of ['客户端测试一', '客户端测试二', '客户端测试三'])
    await articleIn(app, s.author, 'published', null, title)
  const front = createDeliveryFront({ config: app.config })
  const listen = requestListener({
    front,
    next: (_req, res) => res.writeHead(404).end(),
    onError: () => undefined,
  })
  server = http.createServer((req, res) => {
    // The front writes its headers in writeHead: read X-Cache there.
    let cache: string | undefined
    const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => http.ServerResponse
    res.writeHead = ((status: number, headers?: Record<string, string>) => {
      cache = headers?.['X-Cache']
      return writeHead(status, headers)
    }) as typeof res.writeHead
    res.on('finish', () =>
      seen.push({ method: req.method!, url: req.url!, cache, status: res.statusCode }),
    )
    listen(req, res)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  uri = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/graphql`
})
afterAll(async () => {
  server?.close()
  await app?.close()
})
beforeEach(() => {
  publicCache().clear()
  seen = []
})

/** Variables, a fragment, aliases and an operation name, as a real page asks. */
const LATEST = `query Latest($limit: Int!) {
  latest: Articles(limit: $limit, sort: "-createdAt") { docs { ...card } }
}
fragment card on Article { headline: title slug }`

const titles = (data: any) => data.latest.docs.map((doc: any) => doc.headline)

describe('Apollo Client with automatic persisted queries over GET', () => {
  const client = () =>
    new ApolloClient({
      cache: new InMemoryCache(),
      link: new PersistedQueryLink({ sha256, useGETForHashedQueries: true }).concat(
        new HttpLink({ uri }),
      ),
    })

  it('should register the query once, then answer every later one with one GET from the cache', async () => {
    const apollo = client()
    const ask = () =>
      apollo.query({ query: gql(LATEST), variables: { limit: 2 }, fetchPolicy: 'network-only' })
    const first = await ask()
    const second = await ask()
    const third = await ask()
    expect(titles(first.data)).toHaveLength(2)
    expect(second.data).toEqual(first.data)
    expect(third.data).toEqual(first.data)
    expect(seen.map(({ method, cache }) => [method, cache])).toEqual([
      ['GET', 'BYPASS'], // the hash alone: PersistedQueryNotFound
      ['POST', 'MISS'], // the query with its hash: registered, rendered, cached
      ['GET', 'HIT'],
      ['GET', 'HIT'],
    ])
    expect(seen.filter((r) => r.method === 'GET').every((r) => !r.url.includes('query='))).toBe(
      true,
    )
    // Apollo hashes the document as it sends it (with __typename added), never the text we wrote.
    expect(decodeURIComponent(seen[0]!.url)).toMatch(/"sha256Hash":"[0-9a-f]{64}"/)
  })
})

describe('graphql-request (POST)', () => {
  it('should be served by the front and cached, with variables and an operation name', async () => {
    const client = new GraphQLClient(uri)
    const first = await client.request<any>(LATEST, { limit: 3 })
    const second = await client.request<any>(LATEST, { limit: 3 })
    expect(titles(first)).toEqual(['客户端测试三', '客户端测试二', '客户端测试一'])
    expect(second).toEqual(first)
    expect(seen.map(({ method, cache }) => [method, cache])).toEqual([
      ['POST', 'MISS'],
      ['POST', 'HIT'],
    ])
  })

  it('should share one cache entry between POST and GET for the same query, however it is spaced', async () => {
    await new GraphQLClient(uri).request(LATEST, { limit: 1 })
    const spaced = LATEST.replace(/\n/g, '\n\n  ')
    const url = `${uri}?query=${encodeURIComponent(spaced)}&variables=${encodeURIComponent('{"limit":1}')}&operationName=Latest`
    const viaGet = await fetch(url)
    expect(viaGet.headers.get('x-cache')).toBe('HIT')
  })
})

describe('urql with preferGetMethod', () => {
  it('should read by GET, through the cache from the second request on', async () => {
    const client = new Client({
      url: uri,
      exchanges: [fetchExchange],
      preferGetMethod: true,
      requestPolicy: 'network-only',
    })
    const first = await client.query(LATEST, { limit: 2 }).toPromise()
    const second = await client.query(LATEST, { limit: 2 }).toPromise()
    expect(first.error).toBeUndefined()
    expect(titles(first.data)).toHaveLength(2)
    expect(second.data).toEqual(first.data)
    expect(seen.map(({ method, cache }) => [method, cache])).toEqual([
      ['GET', 'MISS'],
      ['GET', 'HIT'],
    ])
  })
})

describe('what the front does not serve from the cache', () => {
  it('should hand a public mutation by POST to Payload, which refuses it, and cache nothing', async () => {
    const res = await fetch(uri, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        query: 'mutation { createArticle(data: { title: "x", body: {} }) { id } }',
      }),
    })
    const body = await res.json()
    expect(body.errors[0].message).toMatch(/not allowed|无权/i)
    expect(res.headers.get('cache-control')).toBe('private, no-store')
    expect(
      await app.payload.count({ collection: 'articles', where: { title: { equals: 'x' } } }),
    ).toMatchObject({ totalDocs: 0 })
  })

  it('should refuse a body that is not JSON with 400', async () => {
    const res = await fetch(uri, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"query":',
    })
    expect(res.status).toBe(400)
  })

  it('should not register a query over the cost budget by APQ, nor run it by its hash', async () => {
    const heavy = `{ ${Array.from({ length: 20 }, (_, i) => `a${i}: Articles(limit: 100) { docs { id title slug } }`).join(' ')} }`
    const hash = sha256(heavy)
    const extensions = JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hash } })
    const post = await fetch(uri, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ query: heavy, extensions: JSON.parse(extensions) }),
    })
    expect((await post.json()).errors[0].message).toMatch(/查询过于复杂/)
    const byHash = await fetch(`${uri}?extensions=${encodeURIComponent(extensions)}`)
    expect((await byHash.json()).errors[0].message).toBe('PersistedQueryNotFound')
  })
})
