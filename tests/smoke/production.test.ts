/**
 * Builds the production app and starts it the way an operator does (`npm run build`, `npm start`)
 * on an empty SQLite file. This is what catches a missing migration: production never pushes the
 * schema, so a table that no committed migration creates makes these requests fail.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { createClient } from '@libsql/client'

import { FIXTURE_PATH } from '../helpers/fixture'
import {
  freePort,
  productionBuild,
  runToEnd,
  startProcess,
  TEST_BUILD_DIR,
  waitForHttp,
  type Started,
} from '../helpers/process'

const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-smoke-'))
const baseEnv: NodeJS.ProcessEnv = {
  ...process.env,
  NEXT_DIST_DIR: TEST_BUILD_DIR,
  NEXT_TELEMETRY_DISABLED: '1',
  MEDIA_DIR: path.join(workDir, 'media'),
}
let server: Started | undefined

/** The environment as a shell without NODE_ENV has it, the way README's commands run. */
function withoutNodeEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const copy = { ...env }
  delete (copy as Record<string, unknown>).NODE_ENV
  return copy
}
let base = ''

beforeAll(async () => {
  await productionBuild(baseEnv)
  const port = await freePort()
  base = `http://127.0.0.1:${port}`
  server = startProcess('npm', ['start'], {
    ...baseEnv,
    PORT: String(port),
    DATABASE_URI: `file:${path.join(workDir, 'empty.db')}`,
    PAYLOAD_SECRET: 'smoke-test-secret',
    SERVER_URL: base,
  })
  await waitForHttp(`${base}/api/users/me`, 90_000, () => server!.child.exitCode === null)
}, 720_000)

afterAll(async () => {
  await server?.stop()
  fs.rmSync(workDir, { recursive: true, force: true })
})

describe('production build on an empty SQLite database', () => {
  it('should apply the committed migrations and answer the REST API', async () => {
    expect(server!.output()).toMatch(/Migrated:/)
    const response = await fetch(`${base}/api/articles`)
    expect(response.status).toBe(200)
    const body = await response.json()
    expect(body).toMatchObject({ docs: [], totalDocs: 0 })
    expect((await fetch(`${base}/api/users`)).status).toBe(403)
  })

  it('should answer public reads from the delivery front, with ETag and cache', async () => {
    const first = await fetch(`${base}/api/articles?limit=3`)
    expect(first.status).toBe(200)
    expect(first.headers.get('x-cache')).toBe('MISS')
    const second = await fetch(`${base}/api/articles?limit=3`, {
      headers: { 'If-None-Match': first.headers.get('etag')! },
    })
    expect(second.status).toBe(304)
    const query = encodeURIComponent('{ Articles { totalDocs } }')
    expect(await (await fetch(`${base}/api/graphql?query=${query}`)).json()).toEqual({
      data: { Articles: { totalDocs: 0 } },
    })
  })

  it('should answer GraphQL', async () => {
    const response = await fetch(`${base}/api/graphql`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ query: '{ Articles { totalDocs } }' }),
    })
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ data: { Articles: { totalDocs: 0 } } })
  })

  it('should serve the admin in Chinese even to a browser that asks for English', async () => {
    const response = await fetch(`${base}/admin`, {
      headers: { 'Accept-Language': 'en-US,en;q=0.9' },
    })
    expect(response.status).toBe(200)
    // An empty database has no users, so the admin asks for the first one, in Chinese.
    const html = await response.text()
    expect(html).toMatch(/<html[^>]*lang="zh"/)
  })

  it('should never seed in production', async () => {
    const response = await fetch(`${base}/api/users/init`)
    expect(await response.json()).toEqual({ initialized: false })
    expect(server!.output()).not.toMatch(/Demo logins/)
  })

  it('should send production security headers and a Secure, HttpOnly, SameSite login cookie', async () => {
    const page = await fetch(`${base}/admin`)
    expect(page.headers.get('strict-transport-security')).toMatch(/max-age=\d+/)
    expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'self'")
    const first = await fetch(`${base}/api/users/first-register`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'smoke@test.local', password: 'Pw-smoke-2026!', name: '冒烟' }),
    })
    expect(first.status).toBe(200)
    const login = await fetch(`${base}/api/users/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'smoke@test.local', password: 'Pw-smoke-2026!' }),
    })
    const cookie = login.headers.get('set-cookie') ?? ''
    expect(cookie).toMatch(/payload-token=/)
    expect(cookie).toMatch(/;\s*Secure/i)
    expect(cookie).toMatch(/;\s*HttpOnly/i)
    expect(cookie).toMatch(/;\s*SameSite=Lax/i)
  })

  it('should refuse to start without PAYLOAD_SECRET, and say why', async () => {
    const { PAYLOAD_SECRET: _drop, ...env } = baseEnv
    const result = await runToEnd(
      'npm',
      ['start'],
      { ...env, PORT: String(await freePort()) },
      60_000,
    )
    expect(result.output).toMatch(/PAYLOAD_SECRET is not set/)
    expect(result.code).toBe(1)
  })
  it('should let `npm run import` and `npm run seed` use the database of the running server, as README shows them', async () => {
    // No NODE_ENV, as README's commands read: the CLIs must migrate, never push a development schema.
    const cliEnv = withoutNodeEnv(baseEnv)
    const env = {
      ...cliEnv,
      DATABASE_URI: `file:${path.join(workDir, 'empty.db')}`,
    }
    const imported = await runToEnd('npm', ['run', 'import', '--', FIXTURE_PATH], env, 120_000)
    expect(imported.output).not.toMatch(/already exists|DrizzleQueryError/)
    expect(imported.output).toMatch(/✓ 草稿 #\d+/)
    expect(imported.code).toBe(0)
    const seeded = await runToEnd('npm', ['run', 'seed'], env, 180_000)
    expect(seeded.output).not.toMatch(/already exists|DrizzleQueryError/)
    expect(seeded.code).toBe(0)
    const list = await fetch(`${base}/api/users/init`)
    expect(list.status).toBe(200)
    expect(await list.json()).toEqual({ initialized: true })
  })

  it('should refuse, with a reason, a database that a development schema push made', async () => {
    const file = path.join(workDir, 'pushed.db')
    const client = createClient({ url: `file:${file}` })
    await client.execute(
      'CREATE TABLE payload_migrations (id integer primary key, name text, batch numeric)',
    )
    await client.execute("INSERT INTO payload_migrations (name, batch) VALUES ('dev', -1)")
    client.close()
    const cliEnv = withoutNodeEnv(baseEnv)
    const result = await runToEnd(
      'npm',
      ['run', 'seed'],
      { ...cliEnv, DATABASE_URI: `file:${file}` },
      120_000,
    )
    expect(result.output).toMatch(/开发模式直接推送表结构/)
    expect(result.code).not.toBe(0)
  })
})
