/**
 * 等保 identity and audit: failed logins limited per address and per address+account (no lock an
 * attacker could put on someone else's account), a session that ends when idle, a forgot-password
 * answer that reveals nothing, and the append-only audit log with its CSV export.
 */
import { sql } from '@payloadcms/db-sqlite'

import { CLIENT_IP_HEADER } from '../../src/config/client'
import { resetLoginGuard } from '../../src/security/loginGuard'
import { bootNewsdesk, type TestApp } from '../helpers/boot'
import { hireStaff, type Person } from '../helpers/newsroom'

let app: TestApp
let s: Record<string, Person>
const password = (key: string) => `Pw-${key}-2026!`

beforeAll(async () => {
  app = await bootNewsdesk()
  s = await hireStaff(app, {
    admin: ['admin'],
    victim: ['editor'],
    other: ['editor'],
    chief: ['chief-editor'],
  })
})
afterAll(async () => {
  await app?.close()
})
beforeEach(() => resetLoginGuard())

const from = (ip: string, extra: Record<string, string> = {}) => ({
  [CLIENT_IP_HEADER]: ip,
  'User-Agent': `Test-Browser/1.0 (${ip})`,
  ...extra,
})
const login = (email: string, pass: string, ip: string) =>
  app.rest('POST', 'users/login', { body: { email, password: pass }, headers: from(ip) })

const auditRows = async (where: Record<string, unknown> = {}) =>
  (
    await app.payload.find({
      collection: 'audit-log',
      where: where as never,
      sort: '-at',
      limit: 200,
      depth: 0,
    })
  ).docs as unknown as Record<string, any>[]

describe('failed logins', () => {
  it('should make an attacker wait from their address while the owner still logs in from theirs', async () => {
    const statuses: number[] = []
    for (let i = 0; i < 12; i++)
      statuses.push((await login(s.victim.email, 'wrong-password-1A!', '203.0.113.66')).status)
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401])
    expect(new Set(statuses.slice(5))).toEqual(new Set([429]))
    const blocked = await login(s.victim.email, password('victim'), '203.0.113.66')
    expect(blocked.status).toBe(429)
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(blocked.json.errors[0].message).toMatch(/登录失败次数过多,请 \d+ 分钟后再试/)
    // The owner, at their own desk: in at once. Payload's account lock is off.
    const owner = await login(s.victim.email, password('victim'), '10.20.30.40')
    expect(owner.status).toBe(200)
    expect(owner.json.token).toBeTruthy()
  })

  it('should block an address that guesses across many accounts, and let an admin clear an account’s backoff', async () => {
    process.env.LOGIN_FAILURES_PER_IP = '6'
    try {
      for (const email of ['a@x.test', 'b@x.test', 'c@x.test', 'd@x.test', 'e@x.test', 'f@x.test'])
        expect((await login(email, 'guess-Guess-1', '198.51.100.23')).status).toBe(401)
      expect((await login(s.other.email, password('other'), '198.51.100.23')).status).toBe(429)
      expect((await login(s.other.email, password('other'), '198.51.100.24')).status).toBe(200)
    } finally {
      delete process.env.LOGIN_FAILURES_PER_IP
    }
    for (let i = 0; i < 6; i++) await login(s.chief.email, 'wrong-Wrong-1', '192.0.2.5')
    expect((await login(s.chief.email, password('chief'), '192.0.2.5')).status).toBe(429)
    const unlock = await app.rest('POST', 'users/unlock', {
      token: s.admin.token,
      body: { email: s.chief.email },
    })
    expect(unlock.status).toBe(200)
    expect((await login(s.chief.email, password('chief'), '192.0.2.5')).status).toBe(200)
  })

  it('should take logins over REST only, where every failure is counted and recorded', async () => {
    const res = await app.graphql(
      `mutation { loginUser(email: "${s.victim.email}", password: "x") { token } }`,
    )
    expect(res.errors?.[0]?.message).toMatch(/请通过 \/api\/users\/login 登录|Cannot query field/)
    expect(res.data?.loginUser?.token).toBeFalsy()
  })
})

describe('sessions and password reset', () => {
  it('should end a login after 30 minutes without activity', async () => {
    const token = await app.login(s.other.email, password('other'))
    const claims = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString())
    expect(claims.exp - claims.iat).toBe(30 * 60)
  })

  it('should answer a forgot-password request the same whether the account exists or not', async () => {
    const known = await app.rest('POST', 'users/forgot-password', {
      body: { email: s.other.email },
      headers: from('10.9.9.9'),
    })
    const unknown = await app.rest('POST', 'users/forgot-password', {
      body: { email: 'nobody-here@x.test' },
      headers: from('10.9.9.9'),
    })
    expect(unknown.status).toBe(known.status)
    expect(unknown.text).toBe(known.text)
    const rows = await auditRows({ action: { equals: 'password-reset-request' } })
    expect(rows.map((row) => row.email)).toEqual(
      expect.arrayContaining([s.other.email, 'nobody-here@x.test']),
    )
    // Asked again at once: refused alike for both, so the refusal tells nothing either.
    for (const email of [s.other.email, 'nobody-here@x.test']) {
      const again = await app.rest('POST', 'users/forgot-password', {
        body: { email },
        headers: from('10.9.9.9'),
      })
      expect(again.status).toBe(429)
      expect(again.json.errors[0].message).toMatch(/请求过于频繁/)
    }
  })
})

describe('the audit log', () => {
  it('should record logins, failures and logouts with who, address, browser, time and result', async () => {
    const before = Date.now()
    await login(s.other.email, 'not-the-password-1A', '172.16.0.8')
    const ok = await login(s.other.email, password('other'), '172.16.0.8')
    await app.rest('POST', 'users/logout', {
      token: ok.json.token,
      headers: from('172.16.0.8'),
    })
    const rows = await auditRows({ ip: { equals: '172.16.0.8' } })
    const summary = rows.map((row) => [row.action, row.result, row.email]).reverse()
    expect(summary).toEqual([
      ['login-failed', 'failure', s.other.email],
      ['login', 'success', s.other.email],
      ['logout', 'success', s.other.email],
    ])
    for (const row of rows) {
      expect(row.userAgent).toBe('Test-Browser/1.0 (172.16.0.8)')
      expect(new Date(row.at).getTime()).toBeGreaterThanOrEqual(before - 1000)
    }
    expect(rows.find((row) => row.action === 'login')?.actorId).toBe(String(s.other.id))
  })

  it('should record user creation, role and password changes, deletion, API keys and list changes', async () => {
    const created = await app.rest('POST', 'users', {
      token: s.admin.token,
      body: { email: 'new@x.test', name: '新同事', roles: ['editor'], password: 'Pw-new-2026!' },
      headers: from('10.0.0.1'),
    })
    expect(created.status).toBe(201)
    const id = created.json.doc.id
    await app.rest('PATCH', `users/${id}`, {
      token: s.admin.token,
      body: { roles: ['editor', 'reviewer'] },
      headers: from('10.0.0.1'),
    })
    // As the admin's account form sends it, with its confirmation field.
    const changed = await app.rest('PATCH', `users/${id}`, {
      token: s.admin.token,
      body: { password: 'Pw-changed-2026!', 'confirm-password': 'Pw-changed-2026!' },
      headers: from('10.0.0.1'),
    })
    expect(changed.status).toBe(200)
    await app.rest('DELETE', `users/${id}`, { token: s.admin.token, headers: from('10.0.0.1') })
    const client = await app.rest('POST', 'api-clients', {
      token: s.admin.token,
      body: { name: '下游网站', enabled: true, apiKey: 'audit-test-key-0123456789abcdef' },
      headers: from('10.0.0.1'),
    })
    await app.rest('PATCH', `api-clients/${client.json.doc.id}`, {
      token: s.admin.token,
      body: { enabled: false },
      headers: from('10.0.0.1'),
    })
    const term = await app.rest('POST', 'sensitive-terms', {
      token: s.chief.token,
      body: { term: '审计测试词', severity: 'warn' },
      headers: from('10.0.0.2'),
    })
    await app.rest('DELETE', `sensitive-terms/${term.json.doc.id}`, {
      token: s.chief.token,
      headers: from('10.0.0.2'),
    })
    const rows = (await auditRows({ ip: { in: ['10.0.0.1', '10.0.0.2'] } })).reverse()
    expect(rows.map((row) => [row.action, row.actorName, row.target, row.detail])).toEqual([
      ['user-create', 'admin', `新同事 <new@x.test> (#${id})`, '角色:编辑'],
      ['role-change', 'admin', `新同事 <new@x.test> (#${id})`, '编辑 → 编辑、审核员'],
      ['password-change', 'admin', `新同事 <new@x.test> (#${id})`, null],
      ['user-delete', 'admin', `新同事 <new@x.test> (#${id})`, null],
      ['api-key-create', 'admin', `下游网站 (#${client.json.doc.id})`, null],
      ['api-key-revoke', 'admin', `下游网站 (#${client.json.doc.id})`, null],
      ['list-change', 'chief', '敏感词「审计测试词」', '新增'],
      ['list-change', 'chief', '敏感词「审计测试词」', '删除'],
    ])
  })

  it('should be append-only for everyone, admins included, down to the database', async () => {
    const [row] = await auditRows()
    expect(row).toBeDefined()
    for (const [method, path, body] of [
      ['POST', 'audit-log', { action: 'login', result: 'success', at: new Date().toISOString() }],
      ['PATCH', `audit-log/${row!.id}`, { result: 'failure' }],
      ['DELETE', `audit-log/${row!.id}`, undefined],
    ] as const) {
      const res = await app.rest(method, path, { token: s.admin.token, body })
      expect({ method, status: res.status }).toEqual({ method, status: 403 })
    }
    expect((await app.rest('GET', 'audit-log', { token: s.chief.token })).status).toBe(403)
    expect(
      (await app.rest('GET', 'audit-log', { token: s.admin.token })).json.totalDocs,
    ).toBeGreaterThan(0)
    // Below every API: the database refuses too.
    const db = (app.payload.db as unknown as { drizzle: { run: (q: unknown) => Promise<unknown> } })
      .drizzle
    const refusal = (query: unknown) =>
      db.run(query).then(
        () => 'done',
        (error: Error & { cause?: Error }) => `${error.message} ${error.cause?.message ?? ''}`,
      )
    expect(await refusal(sql`UPDATE audit_log SET result = 'failure'`)).toMatch(/append-only/)
    expect(await refusal(sql`DELETE FROM audit_log`)).toMatch(/kept 180 days/)
    expect((await auditRows()).find((r) => r.id === row!.id)?.result).toBe(row!.result)
  })

  it('should export the filtered log as CSV for admins only, with formula-like cells made text', async () => {
    await login('=HYPERLINK("http://evil")', 'x-Wrong-password-1', '10.66.0.1')
    const res = await app.rest(
      'GET',
      `audit-log/export?where[action][equals]=login-failed&where[ip][equals]=10.66.0.1`,
      { token: s.admin.token },
    )
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/)
    expect(res.headers.get('cache-control')).toBe('private, no-store')
    const lines = res.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
    expect(lines[0]).toBe('时间,操作,结果,操作人,操作人编号,账号邮箱,IP 地址,浏览器,对象,详情')
    expect(lines).toHaveLength(2)
    expect(lines[1]).toContain(',登录失败,失败,')
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://evil"")"`)
    expect((await app.rest('GET', 'audit-log/export', { token: s.chief.token })).status).toBe(403)
    expect((await app.rest('GET', 'audit-log/export')).status).toBe(401)
  })
})
