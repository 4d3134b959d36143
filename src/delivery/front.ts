/**
 * The content-delivery front: public reads of published content, served from a byte cache and, on
 * a miss, rendered without Next's request pipeline (the split Contentful and Sanity make between
 * their delivery and management APIs): REST by Payload's own route handler, GraphQL by
 * delivery/graphql.ts on Payload's schema. Everything else — the admin, staff requests, writes —
 * is not handled here and goes to Next.
 */
import { createHash } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'

import { LRUCache } from 'lru-cache'
import { getPayload, type SanitizedConfig } from 'payload'
import { RateLimiterMemory } from 'rate-limiter-flexible'

import { resolvePersistedQuery } from './apq'
import { toWebRequest } from './node'
import { executePublicRead } from './graphql'
import { cacheGeneration, publicCache, type CachedResponse } from './cache'

const PUBLIC_COLLECTIONS = new Set(['articles', 'photos', 'projects', 'data-sources'])
const CACHE_CONTROL = 'public, max-age=60, s-maxage=300, stale-while-revalidate=600'
const NO_STORE = 'private, no-store'
const API_CLIENT = /^api-clients API-Key (\S+)$/

export type FrontOptions = {
  config: SanitizedConfig | Promise<SanitizedConfig>
  rateLimitPerMinute?: number
}

/** Staff credentials: a JWT (header or cookie) or a staff API key. Those never touch the cache. */
function carriesStaffLogin(request: Request): boolean {
  const auth = request.headers.get('authorization') ?? ''
  if (auth && !API_CLIENT.test(auth)) return true
  return /(?:^|;\s*)payload-token=/.test(request.headers.get('cookie') ?? '')
}

const etagOf = (body: Buffer) => `"${createHash('sha1').update(body).digest('base64url')}"`

export function createDeliveryFront({
  config,
  rateLimitPerMinute = Number(process.env.API_RATE_LIMIT || 600),
}: FrontOptions) {
  const limiter = new RateLimiterMemory({ points: rateLimitPerMinute, duration: 60 })
  const routes = import('@payloadcms/next/routes')
  // Keys that authenticated in the last few seconds; a revoked key stops working within that.
  const knownKeys = new LRUCache<string, true>({ max: 1000, ttl: 10_000 })

  /** Whether an API key belongs to an enabled client: one look-up, then remembered briefly. */
  async function isKnownApiKey(key: string): Promise<boolean> {
    const digest = createHash('sha256').update(key).digest('base64url')
    if (knownKeys.get(digest)) return true
    const payload = await getPayload({ config: await config })
    const { user } = await payload.auth({
      headers: new Headers({ authorization: `api-clients API-Key ${key}` }),
    })
    if (user?.collection !== 'api-clients') return false
    knownKeys.set(digest, true)
    return true
  }

  async function render(request: Request, url: URL, graphql: boolean): Promise<Rendered> {
    const resolved = await config
    if (graphql) return rendered(await renderGraphql(request, url, resolved))
    const { REST_GET } = await routes
    const slug = url.pathname
      .replace(/^\/api\//, '')
      .split('/')
      .filter(Boolean)
      .map(decodeURIComponent)
    return rendered(await REST_GET(resolved)(request, { params: Promise.resolve({ slug }) }))
  }

  async function renderGraphql(
    request: Request,
    url: URL,
    resolved: SanitizedConfig,
  ): Promise<Response | Rendered> {
    const extensions = parseJson(url.searchParams.get('extensions'))
    const apq = resolvePersistedQuery(
      url.searchParams.get('query') ?? undefined,
      extensions?.persistedQuery?.sha256Hash,
    )
    if (!apq)
      return Response.json(
        { errors: [{ message: 'GET /api/graphql needs ?query= or a persisted-query hash' }] },
        { status: 400 },
      )
    if ('error' in apq) {
      const message =
        apq.error === 'not-found' ? 'PersistedQueryNotFound' : 'provided sha does not match query'
      const code = apq.error === 'not-found' ? 'PERSISTED_QUERY_NOT_FOUND' : 'BAD_REQUEST'
      return Response.json(
        { errors: [{ message, extensions: { code } }] },
        { status: apq.error === 'not-found' ? 200 : 400 },
      )
    }
    const rawVariables = url.searchParams.get('variables')
    const variables = rawVariables ? parseJson(rawVariables) : {}
    if (!isPlainObject(variables)) {
      return Response.json(
        { errors: [{ message: 'variables 须为 JSON 对象 (variables must be a JSON object)' }] },
        { status: 400 },
      )
    }
    const operationName = url.searchParams.get('operationName') ?? undefined
    const read = await executePublicRead(resolved, request, {
      query: apq.query,
      variables,
      operationName,
    })
    // GraphQL over HTTP: a GET only reads. Mutations go to POST /api/graphql (Next, with a login).
    if (read && 'writes' in read) {
      const message = 'GET /api/graphql 只能查询;修改请用 POST (mutations must be sent with POST)'
      return {
        status: 405,
        body: Buffer.from(JSON.stringify({ errors: [{ message }] })),
        contentType: 'application/json',
        allow: 'POST',
      }
    }
    if (read)
      return {
        status: 200,
        body: Buffer.from(read.body),
        contentType: 'application/json',
        failed: read.failed,
      }
    // Invalid queries take Payload's own handler, for its validation messages (nothing runs there).
    const { GRAPHQL_POST } = await routes
    const headers = new Headers(request.headers)
    headers.set('content-type', 'application/json')
    const post = new Request(new URL('/api/graphql', url), {
      method: 'POST',
      headers,
      body: JSON.stringify({
        query: apq.query,
        variables,
        operationName,
      }),
    })
    return GRAPHQL_POST(resolved)(post)
  }

  /**
   * Answers a public read, or returns null for Next to handle. Public means GET/HEAD of a
   * published-content collection or GraphQL by GET, without a staff login.
   */
  async function answer(request: Request): Promise<Answer | null> {
    if (request.method !== 'GET' && request.method !== 'HEAD') return null
    const url = new URL(request.url)
    const [, api, collection] = url.pathname.split('/')
    const graphql = api === 'api' && collection === 'graphql'
    if (api !== 'api' || (!graphql && !PUBLIC_COLLECTIONS.has(collection ?? ''))) return null
    if (carriesStaffLogin(request)) return null
    // Workflow and checks endpoints under a collection are staff-only: Next answers them (401).
    if (!graphql && /\/(workflow|review-record|checks)(\/|$)/.test(url.pathname)) return null

    const key = API_CLIENT.exec(request.headers.get('authorization') ?? '')?.[1]
    if (key) {
      // Before the limiter: an invented key must not get an allowance of its own.
      if (!(await isKnownApiKey(key))) {
        const body = Buffer.from(
          JSON.stringify({
            errors: [{ message: 'API 密钥无效或已停用 (unknown or disabled API key)' }],
          }),
        )
        return {
          status: 401,
          body,
          headers: { 'Content-Type': 'application/json', 'Cache-Control': NO_STORE },
        }
      }
      try {
        await limiter.consume(key)
      } catch (rejection) {
        const retry = Math.max(
          1,
          Math.ceil(((rejection as { msBeforeNext?: number }).msBeforeNext ?? 1000) / 1000),
        )
        const body = Buffer.from(
          JSON.stringify({
            errors: [{ message: `请求过于频繁,请 ${retry} 秒后再试 (rate limit exceeded)` }],
          }),
        )
        return {
          status: 429,
          body,
          headers: {
            'Retry-After': String(retry),
            'Content-Type': 'application/json',
            'Cache-Control': NO_STORE,
          },
        }
      }
    }

    const draft = url.searchParams.get('draft') === 'true'
    // `Cache-Control: no-cache` from the client asks for a fresh answer (which then refills the
    // cache), unless it is a conditional request: fetch() adds no-cache to those by itself.
    const fresh =
      /no-cache/.test(request.headers.get('cache-control') ?? '') &&
      !request.headers.has('if-none-match')
    // Keyed on what is rendered: the path and query of the URL built from the configured server
    // address (delivery/node.ts), never from a client's Host. For a request line as browsers and
    // CDNs send it, that is the request line itself, so the fast path finds it without parsing.
    const cacheKey = `${url.pathname}${url.search}`
    const cache = publicCache()
    const cached = draft || fresh ? undefined : cache.get(cacheKey)
    if (cached) return conditional(request, cached, CACHE_CONTROL, 'HIT')
    const generation = cacheGeneration()
    const { status, body, contentType, allow, failed } = await render(request, url, graphql)
    const etag = etagOf(body)
    const entry: CachedResponse = {
      status,
      body,
      etag,
      contentType,
      headers: {
        'Content-Type': contentType,
        'Content-Length': String(body.length),
        ETag: etag,
        'Cache-Control': CACHE_CONTROL,
        'X-Cache': 'HIT',
      },
    }
    const cacheable =
      !draft &&
      status === 200 &&
      !failed &&
      !(graphql && /"errors"\s*:/.test(body.subarray(0, 200).toString()))
    if (!cacheable) {
      const bypass = conditional(request, entry, NO_STORE, 'BYPASS')
      if (allow) bypass.headers.Allow = allow
      return bypass
    }
    // Content changed while this rendered: answer it, but do not keep what may be stale.
    if (cacheGeneration() === generation) cache.set(cacheKey, entry)
    return conditional(request, entry, CACHE_CONTROL, 'MISS')
  }

  /** A public read as a web Response (tests, and any host that speaks fetch), or null. */
  async function handle(request: Request): Promise<Response | null> {
    const answered = await answer(request)
    if (!answered) return null
    const body = answered.body && request.method !== 'HEAD' ? new Uint8Array(answered.body) : null
    return new Response(body, { status: answered.status, headers: answered.headers })
  }

  /**
   * A public read on Node's own request objects, written straight to the response without a web
   * Response in between. Returns false when the request is not one (Next takes it).
   */
  async function serve(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    const request = toWebRequest(req)
    const answered = await answer(request)
    if (!answered) return false
    res.writeHead(answered.status, answered.headers)
    res.end(answered.body && req.method !== 'HEAD' ? answered.body : undefined)
    return true
  }

  /**
   * The hot path, on Node's own request objects: an anonymous GET whose exact request line is in
   * the cache is answered with two calls and no allocation beyond the headers. Anything else
   * (API keys, which need the rate limiter; staff; misses; `no-cache`) returns false and takes
   * serve().
   */
  function serveFromCache(req: IncomingMessage, res: ServerResponse): boolean {
    if (req.method !== 'GET' || !req.url?.startsWith('/api/')) return false
    const { authorization, cookie } = req.headers
    const wantsFresh =
      req.headers['cache-control']?.includes('no-cache') && !req.headers['if-none-match']
    if (authorization || (cookie && cookie.includes('payload-token=')) || wantsFresh) return false
    const entry = publicCache().get(req.url)
    if (!entry) return false
    if (namesEtag(req.headers['if-none-match'], entry.etag)) {
      res.writeHead(304, { ETag: entry.etag, 'Cache-Control': CACHE_CONTROL, 'X-Cache': 'HIT' })
      res.end()
      return true
    }
    res.writeHead(200, entry.headers)
    res.end(entry.body)
    return true
  }

  return { handle, serve, serveFromCache, limiter }
}

type Rendered = {
  status: number
  body: Buffer
  contentType: string
  allow?: string
  failed?: boolean
}
/** What the front answers: a status, headers, and a body unless it is a 304. */
type Answer = { status: number; headers: Record<string, string>; body?: Buffer }

async function rendered(response: Response | Rendered): Promise<Rendered> {
  if (!(response instanceof Response)) return response
  const body = Buffer.from(await response.arrayBuffer())
  return {
    status: response.status,
    body,
    contentType: response.headers.get('content-type') ?? 'application/json',
  }
}

/** Whether an If-None-Match header lists this ETag. */
const namesEtag = (ifNoneMatch: string | null | undefined, etag: string) =>
  Boolean(ifNoneMatch && ifNoneMatch.split(',').some((tag) => tag.trim() === etag))

/** The entry as an answer to this request: 304 when it names the entry's ETag. */
function conditional(
  request: Request,
  entry: CachedResponse,
  cacheControl: string,
  state: string,
): Answer {
  const headers = { ETag: entry.etag, 'Cache-Control': cacheControl, 'X-Cache': state }
  if (entry.status === 200 && namesEtag(request.headers.get('if-none-match'), entry.etag)) {
    return { status: 304, headers }
  }
  return {
    status: entry.status,
    headers: {
      ...headers,
      'Content-Type': entry.contentType,
      'Content-Length': String(entry.body.length),
    },
    body: entry.body,
  }
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

function parseJson(value: string | null): any {
  if (!value) return undefined
  try {
    return JSON.parse(value)
  } catch {
    return undefined
  }
}
