import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import type { Payload, SanitizedConfig } from 'payload'

/**
 * Boots Newsdesk in-process on a fresh database for one test file, and gives the test REST and
 * GraphQL clients that call Payload's real Next.js route handlers with real Request objects.
 *
 * SQLite by default (a temp file per test file). When the test run is told to use MongoDB
 * (NEWSDESK_TEST_DB=mongodb with MONGODB_URI or MONGOMS_SYSTEM_BINARY; see scripts/test.mjs),
 * each test file gets a database of its own on that server.
 */
export type TestApp = Awaited<ReturnType<typeof bootNewsdesk>>

type RequestOptions = {
  token?: string
  apiKey?: string
  headers?: Record<string, string>
  body?: unknown
}

let booted = false

export async function bootNewsdesk() {
  // Payload caches its instance per process and the config reads DATABASE_URI once: a second boot
  // in the same test file would silently share (and then close) the first one's database.
  if (booted)
    throw new Error('bootNewsdesk() runs once per test file; put a second app in its own file')
  booted = true
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-test-'))
  const stopMongo = await chooseTestDatabase(workDir)
  process.env.MEDIA_DIR = path.join(workDir, 'media')
  process.env.PAYLOAD_SECRET ||= 'test-secret-' + Math.random().toString(36).slice(2)

  const config: SanitizedConfig = await (await import('../../payload.config')).default
  const { getPayload } = await import('payload')
  const payload: Payload = await getPayload({ config })
  const routes = await import('@payloadcms/next/routes')

  const headersFor = ({ token, apiKey, headers = {}, body }: RequestOptions) => {
    const result: Record<string, string> = { ...headers }
    if (token) result.Authorization = `JWT ${token}`
    if (apiKey) result.Authorization = `api-clients API-Key ${apiKey}`
    if (body !== undefined && !(body instanceof FormData))
      result['Content-Type'] = 'application/json'
    return result
  }

  const toBody = (body: unknown) =>
    body === undefined ? undefined : body instanceof FormData ? body : JSON.stringify(body)

  /** Calls /api/<path> through the REST route handler of the given method. */
  async function rest(
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE' | 'PUT',
    apiPath: string,
    options: RequestOptions = {},
  ) {
    const url = new URL(`http://localhost/api/${apiPath.replace(/^\/+/, '')}`)
    const slug = url.pathname
      .replace(/^\/api\//, '')
      .split('/')
      .filter(Boolean)
      .map(decodeURIComponent)
    const handler = routes[`REST_${method}`](config)
    const response = await handler(
      new Request(url, { method, headers: headersFor(options), body: toBody(options.body) }),
      { params: Promise.resolve({ slug }) },
    )
    const text = await response.text()
    let json: any
    try {
      json = text ? JSON.parse(text) : undefined
    } catch {
      json = undefined
    }
    return { status: response.status, headers: response.headers, json, text }
  }

  /** Posts a GraphQL operation to /api/graphql through the real handler. */
  async function graphql(
    query: string,
    variables: Record<string, unknown> = {},
    options: RequestOptions = {},
  ) {
    const response = await routes.GRAPHQL_POST(config)(
      new Request('http://localhost/api/graphql', {
        method: 'POST',
        headers: headersFor({ ...options, body: {} }),
        body: JSON.stringify({ query, variables }),
      }),
    )
    const json: any = await response.json()
    return { status: response.status, data: json.data, errors: json.errors as any[] | undefined }
  }

  async function login(email: string, password: string): Promise<string> {
    const { status, json } = await rest('POST', 'users/login', { body: { email, password } })
    if (status !== 200 || !json?.token) throw new Error(`login failed for ${email}: ${status}`)
    return json.token
  }

  async function close() {
    await payload.destroy?.()
    await stopMongo?.()
    fs.rmSync(workDir, { recursive: true, force: true })
  }

  return { payload, config, rest, graphql, login, close, workDir }
}

async function chooseTestDatabase(workDir: string): Promise<(() => Promise<void>) | undefined> {
  if (process.env.NEWSDESK_TEST_DB !== 'mongodb') {
    process.env.DATABASE_URI = `file:${path.join(workDir, 'test.db')}`
    return undefined
  }
  const dbName = `newsdesk_test_${path.basename(workDir).replace(/\W/g, '_')}`
  if (process.env.MONGODB_URI) {
    const url = new URL(process.env.MONGODB_URI)
    url.pathname = `/${dbName}`
    process.env.DATABASE_URI = url.toString()
    return undefined
  }
  const { MongoMemoryReplSet } = await import('mongodb-memory-server')
  // A replica set, because Payload's MongoDB transactions need one.
  const server = await MongoMemoryReplSet.create({
    replSet: { count: 1, storageEngine: 'wiredTiger' },
    binary: { systemBinary: process.env.MONGOMS_SYSTEM_BINARY },
  })
  process.env.DATABASE_URI = server.getUri(dbName)
  return async () => {
    await server.stop()
  }
}
