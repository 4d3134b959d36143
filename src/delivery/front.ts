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

import { isStaffUser } from '../access/roles'
import { clientAddress } from '../config/client'
import { registerPersistedQuery, resolvePersistedQuery } from './apq'
import {
  cacheAliases,
  cacheGeneration,
  publicCache,
  storeIfCurrent,
  type CachedResponse,
} from './cache'
import { trackDependencies } from './dependencies'
import { readModelAnswer } from './readModel'
import { executePublicRead, graphqlCacheKey, type GraphqlRead } from './graphql'
import { readBody, toWebRequest } from './node'
import { resolveTrustedDocument, trustedDocumentsOn } from './trustedDocuments'

// `search` is the public full-text search endpoint (src/search), a read like the others.
const PUBLIC_COLLECTIONS = new Set([
  'articles',
  'photos',
  'projects',
  'data-sources',
  'columns',
  'search',
])
const CACHE_CONTROL = 'public, max-age=60, s-maxage=300, stale-while-revalidate=600'
const NO_STORE = 'private, no-store'
const API_CLIENT = /^api-clients API-Key (\S+)$/

export type FrontOptions = {
  config: SanitizedConfig | Promise<SanitizedConfig>
  rateLimitPerMinute?: number
  /** Renders (cache misses) an anonymous address may cause a minute. */
  missesPerMinute?: number
}

/** Staff credentials: a JWT (header or cookie) or a staff API key. Those never touch the cache. */
function carriesStaffLogin(headers: Headers): boolean {
  const auth = headers.get('authorization') ?? ''
  if (auth && !API_CLIENT.test(auth)) return true
  return /(?:^|;\s*)payload-token=/.test(headers.get('cookie') ?? '')
}

/** The JSON error answers the front gives itself, never cached. */
function answerJson(status: number, message: string): Answer {
  const body = Buffer.from(JSON.stringify({ errors: [{ message }] }))
  return {
    status,
    body,
    headers: { 'Content-Type': 'application/json', 'Cache-Control': NO_STORE },
  }
}

const etagOf = (body: Buffer) => `"${createHash('sha1').update(body).digest('base64url')}"`

export function createDeliveryFront({
  config,
  rateLimitPerMinute = Number(process.env.API_RATE_LIMIT || 600),
  missesPerMinute = Number(process.env.PUBLIC_MISS_RATE_LIMIT || 300),
}: FrontOptions) {
  const limiter = new RateLimiterMemory({ points: rateLimitPerMinute, duration: 60 })
  const missLimiter = new RateLimiterMemory({ points: missesPerMinute, duration: 60 })
  const routes = import('@payloadcms/next/routes')
  // Renders under way, by cache key: a cold key asked for fifty times at once renders once.
  const inflight = new Map<string, Promise<Rendered>>()
  /** Whether the request's Authorization is a logged-in staff member's (JWT or Bearer token). */
  const isStaffLogin = async (headers: Headers) => {
    const payload = await getPayload({ config })
    const { user } = await payload.auth({ headers }).catch(() => ({ user: null }))
    return isStaffUser(user as never)
  }
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

  async function renderRest(request: Request, url: URL): Promise<Rendered> {
    // A document by id or slug, or a plain list, from the published read model when it holds it.
    const stored = await readModelAnswer(await getPayload({ config }), url)
    if (stored) return stored
    const { REST_GET } = await routes
    const slug = url.pathname
      .replace(/^\/api\//, '')
      .split('/')
      .filter(Boolean)
      .map(decodeURIComponent)
    return rendered(await REST_GET(await config)(request, { params: Promise.resolve({ slug }) }))
  }

  /**
   * The operation a GraphQL request names: its query (sent, registered by APQ, or a trusted
   * document), variables and operation name; or the error answer when it names none.
   */
  async function operationOf(params: GraphqlParams | 'invalid'): Promise<Operation | Rendered> {
    if (params === 'invalid') {
      return errorAnswer(400, 'GraphQL 请求须为 JSON 对象 (the request must be a JSON object)')
    }
    const hash = params.extensions?.persistedQuery?.sha256Hash
    const query = typeof params.query === 'string' && params.query ? params.query : undefined
    let resolved: { query: string; register?: string } | { error: string } | undefined
    if (trustedDocumentsOn()) {
      resolved = await resolveTrustedDocument(
        await getPayload({ config: await config }),
        query,
        hash,
      )
    } else {
      resolved = resolvePersistedQuery(query, typeof hash === 'string' ? hash : undefined)
    }
    if (!resolved)
      return errorAnswer(
        400,
        'GraphQL 请求须带 query 或持久化查询的哈希 (a query or a persisted-query hash is needed)',
      )
    if ('error' in resolved) {
      if (resolved.error === 'not-found')
        return errorAnswer(200, 'PersistedQueryNotFound', 'PERSISTED_QUERY_NOT_FOUND')
      if (resolved.error === 'not-trusted') {
        return errorAnswer(
          403,
          '只能运行已登记的查询文档 (only registered documents may run)',
          'TRUSTED_DOCUMENT_REQUIRED',
        )
      }
      return errorAnswer(400, 'provided sha does not match query', 'BAD_REQUEST')
    }
    const variables = params.variables ?? {}
    if (!isPlainObject(variables)) {
      return errorAnswer(400, 'variables 须为 JSON 对象 (variables must be a JSON object)')
    }
    const operationName =
      typeof params.operationName === 'string' && params.operationName
        ? params.operationName
        : undefined
    const register = 'register' in resolved ? resolved.register : undefined
    return { query: resolved.query, variables, operationName, register }
  }

  async function renderGraphql(
    request: Request,
    { register: _, ...operation }: Operation,
    method: string,
  ): Promise<Rendered> {
    const resolved = await config
    const read = await executePublicRead(resolved, request, operation)
    if (read && 'writes' in read) {
      // GraphQL over HTTP: a GET only reads. A public mutation by POST goes to Payload's own
      // handler, whose access rules refuse what the caller may not do; it is never cached.
      if (method !== 'POST') {
        const message = 'GET /api/graphql 只能查询;修改请用 POST (mutations must be sent with POST)'
        return { ...errorAnswer(405, message), allow: 'POST' }
      }
      return { ...(await payloadHandler(request, operation)), failed: true }
    }
    if (read)
      return {
        status: 200,
        body: Buffer.from(read.body),
        contentType: 'application/json',
        failed: read.failed,
      }
    // Invalid queries take Payload's own handler, for its validation messages (nothing runs there).
    return { ...(await payloadHandler(request, operation)), failed: true }
  }

  async function payloadHandler(request: Request, operation: GraphqlRead): Promise<Rendered> {
    const { GRAPHQL_POST } = await routes
    const headers = new Headers(request.headers)
    headers.set('content-type', 'application/json')
    headers.delete('content-length')
    const post = new Request(new URL('/api/graphql', request.url), {
      method: 'POST',
      headers,
      body: JSON.stringify(operation),
    })
    return rendered(await GRAPHQL_POST(await config)(post))
  }

  /**
   * Answers a public read, or returns null for Next to handle. Public means, without a staff
   * login: GET/HEAD of a published-content collection, or GraphQL by GET or POST (`body`).
   */
  async function answer(incoming: Request, body?: string, ip?: string): Promise<Answer | null> {
    let request = incoming
    const url = new URL(request.url)
    const [, api, collection] = url.pathname.split('/')
    const graphql =
      api === 'api' && collection === 'graphql' && url.pathname.split('/').length === 3
    const reads = request.method === 'GET' || request.method === 'HEAD'
    if (!reads && !(graphql && request.method === 'POST')) return null
    if (api !== 'api' || (!graphql && !PUBLIC_COLLECTIONS.has(collection ?? ''))) return null
    if (carriesStaffLogin(request.headers)) {
      // An Authorization that is neither an API key nor a valid staff login is refused here, at
      // once: no trip through Next, and no uncached render for whoever sends `Bearer x`.
      if (request.headers.has('authorization') && !(await isStaffLogin(request.headers)))
        return answerJson(401, '登录凭据无效或已过期 (invalid credentials)')
      return null
    }
    // Workflow and checks endpoints under a collection are staff-only: Next answers them (401).
    if (!graphql && /\/(workflow|review-record|checks|preview)(\/|$)/.test(url.pathname))
      return null

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

    // The public has no drafts: `draft=true` from a public reader is a read of what is live (the
    // same answer as without it), rendered as such and never kept under the draft URL.
    const draft = url.searchParams.get('draft') === 'true'
    if (draft) {
      url.searchParams.delete('draft')
      request = new Request(url, { method: request.method, headers: request.headers })
    }
    // `Cache-Control: no-cache` asks for a fresh answer (which then refills the cache). Only an API
    // client may ask it, within its rate limit: from anyone else it is ignored, as CDNs do, so no
    // single client can make every request cost a render. A conditional request is never fresh:
    // fetch() adds no-cache to those by itself.
    const fresh =
      key !== undefined &&
      /no-cache/.test(request.headers.get('cache-control') ?? '') &&
      !request.headers.has('if-none-match')
    // Keyed on what is rendered. REST: the path and query of the URL built from the configured
    // server address (delivery/node.ts), never from a client's Host; for a request line as
    // browsers and CDNs send it, that is the request line itself, so the fast path finds it
    // without parsing. GraphQL: the normalised document, variables and operation name, so a query
    // sent by GET, by POST or by its APQ hash is one entry; a GET's request line is an alias.
    const requestLine = `${url.pathname}${url.search}`
    let operation: Operation | undefined
    let cacheKey = requestLine
    if (graphql) {
      const named = await operationOf(
        request.method === 'POST' ? paramsFromBody(body) : paramsFromUrl(url),
      )
      if ('status' in named) return answerOnce(request, named)
      operation = named
      cacheKey = graphqlCacheKey(named)
    }
    const cache = publicCache()
    const cached = draft || fresh ? undefined : cache.get(cacheKey)
    if (cached) return conditional(request, cached, CACHE_CONTROL, 'HIT')
    const generation = cacheGeneration()
    // Single flight: concurrent misses for one key wait for one render instead of each making it.
    const flight = `${generation}\u0000${cacheKey}\u0000${request.method}`
    let rendering = fresh ? undefined : inflight.get(flight)
    // An anonymous address pays for the renders it causes (joining one under way costs nothing):
    // whoever walks uncached URLs gets 429 before the server spends its CPU on them.
    if (!rendering && !key && ip) {
      try {
        await missLimiter.consume(ip)
      } catch (rejection) {
        const retry = Math.max(
          1,
          Math.ceil(((rejection as { msBeforeNext?: number }).msBeforeNext ?? 1000) / 1000),
        )
        const limited = answerJson(
          429,
          `请求过于频繁,请 ${retry} 秒后再试 (too many uncached requests)`,
        )
        limited.headers['Retry-After'] = String(retry)
        return limited
      }
    }
    if (!rendering) {
      rendering = track(() =>
        operation ? renderGraphql(request, operation, request.method) : renderRest(request, url),
      )
      if (!fresh) {
        inflight.set(flight, rendering)
        void rendering.finally(() => inflight.delete(flight)).catch(() => undefined)
      }
    }
    const { status, body: bytes, contentType, allow, failed, tags } = await rendering
    if (operation?.register && status === 200 && !failed)
      registerPersistedQuery(operation.register, operation.query)
    const etag = etagOf(bytes)
    const entry: CachedResponse = {
      status,
      body: bytes,
      etag,
      contentType,
      headers: {
        'Content-Type': contentType,
        'Content-Length': String(bytes.length),
        ETag: etag,
        'Cache-Control': CACHE_CONTROL,
        'X-Cache': 'HIT',
      },
      tags,
    }
    const cacheable =
      !draft &&
      status === 200 &&
      !failed &&
      !(graphql && /"errors"\s*:/.test(bytes.subarray(0, 200).toString()))
    if (!cacheable) {
      const bypass = conditional(request, entry, NO_STORE, 'BYPASS')
      if (allow) bypass.headers.Allow = allow
      return bypass
    }
    // Kept unless something it read changed while it rendered: then it is answered, not kept.
    if (storeIfCurrent(cacheKey, entry, generation) && graphql && request.method === 'GET')
      cacheAliases().set(requestLine, cacheKey)
    return conditional(request, entry, CACHE_CONTROL, 'MISS')
  }

  /** A public read as a web Response (tests, and any host that speaks fetch), or null. */
  async function handle(request: Request, ip?: string): Promise<Response | null> {
    const answered = await answer(
      request,
      request.method === 'POST' ? await request.clone().text() : undefined,
      ip,
    )
    if (!answered) return null
    const body = answered.body && request.method !== 'HEAD' ? new Uint8Array(answered.body) : null
    return new Response(body, { status: answered.status, headers: answered.headers })
  }

  /**
   * A public read on Node's own request objects, written straight to the response without a web
   * Response in between. Returns false when the request is not one (Next takes it).
   */
  async function serve(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    let body: string | undefined
    if (req.method === 'POST') {
      // Only a public GraphQL POST is read here; staff and everything else go to Next unread.
      const path = req.url?.split('?', 1)[0]
      if (
        path !== '/api/graphql' ||
        carriesStaffLogin(new Headers(req.headers as Record<string, string>))
      )
        return false
      body = await readBody(req)
    }
    const request = toWebRequest(req)
    const answered = await answer(request, body, clientAddress(req))
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
    // An anonymous `no-cache` is served from the cache too (see answer()).
    if (authorization || (cookie && cookie.includes('payload-token='))) return false
    const cache = publicCache()
    const alias = cacheAliases().get(req.url)
    const entry = cache.get(req.url) ?? (alias ? cache.get(alias) : undefined)
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
  /** What the render read (delivery/dependencies.ts). */
  tags?: string[]
}

/** A render with the tags of everything it read. */
async function track(render: () => Promise<Rendered>): Promise<Rendered> {
  const { result, tags } = await trackDependencies(render)
  return { ...result, tags: [...tags] }
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

/** A GraphQL read, with the APQ hash to register once it has run. */
type Operation = GraphqlRead & { register?: string }

type GraphqlParams = {
  query?: unknown
  variables?: unknown
  operationName?: unknown
  extensions?: any
}

/** GET: ?query=…&variables=…&operationName=…&extensions=… (the JSON ones as JSON). */
function paramsFromUrl(url: URL): GraphqlParams | 'invalid' {
  const json = (name: string) => {
    const raw = url.searchParams.get(name)
    if (!raw) return undefined
    const parsed = parseJson(raw)
    return parsed === undefined ? INVALID : parsed
  }
  const variables = json('variables')
  const extensions = json('extensions')
  if (variables === INVALID)
    return { query: url.searchParams.get('query') ?? undefined, variables: INVALID }
  return {
    query: url.searchParams.get('query') ?? undefined,
    variables,
    operationName: url.searchParams.get('operationName') ?? undefined,
    extensions: extensions === INVALID ? undefined : extensions,
  }
}

const INVALID = Symbol('invalid JSON')

/** POST: a JSON object with query, variables, operationName and extensions. */
function paramsFromBody(body: string | undefined): GraphqlParams | 'invalid' {
  const parsed = parseJson(body ?? null)
  return isPlainObject(parsed) ? (parsed as GraphqlParams) : 'invalid'
}

/** An error answer in GraphQL's shape, never cached. */
function errorAnswer(status: number, message: string, code?: string): Rendered {
  const error = code ? { message, extensions: { code } } : { message }
  return {
    status,
    body: Buffer.from(JSON.stringify({ errors: [error] })),
    contentType: 'application/json',
    failed: true,
  }
}

/** A rendered answer sent as it is, with no-store. */
function answerOnce(request: Request, answer: Rendered): Answer {
  const entry = {
    status: answer.status,
    body: answer.body,
    etag: etagOf(answer.body),
    contentType: answer.contentType,
  }
  const sent = conditional(request, entry, NO_STORE, 'BYPASS')
  if (answer.allow) sent.headers.Allow = answer.allow
  return sent
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
