/**
 * GRAPHQL_TRUSTED_DOCUMENTS=on: the public may run only registered documents; staff are unaffected.
 */
import { createHash } from 'node:crypto'

import { publicCache } from '../../src/delivery/cache'
import { createDeliveryFront } from '../../src/delivery/front'
import { importManifest } from '../../src/delivery/trustedDocuments'
import { bootNewsdesk, type TestApp } from '../helpers/boot'
import { articleIn, hireStaff, type Person } from '../helpers/newsroom'

let app: TestApp
let s: Record<string, Person>
let front: ReturnType<typeof createDeliveryFront>
const KEY = 'trusted-documents-key-0123456789abcdef'

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex')
const REGISTERED = 'query Titles { Articles(limit: 5) { docs { title } } }'
const STRANGER = '{ Articles(limit: 100) { docs { title slug bodyHtml } } }'

const post = (
  query: string | undefined,
  extra: Record<string, unknown> = {},
  headers: Record<string, string> = {},
) =>
  front.handle(
    new Request('http://localhost/api/graphql', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...headers },
      body: JSON.stringify({ query, ...extra }),
    }),
  )
const byHash = (hash: string) =>
  front.handle(
    new Request(
      `http://localhost/api/graphql?extensions=${encodeURIComponent(JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hash } }))}`,
    ),
  )

beforeAll(async () => {
  app = await bootNewsdesk()
  s = await hireStaff(app, { author: ['editor'], admin: ['admin'] })
  await articleIn(app, s.author, 'published', null, '登记文档测试')
  await app.rest('POST', 'api-clients', {
    token: s.admin.token,
    body: { name: '门户', enabled: true, apiKey: KEY },
  })
  front = createDeliveryFront({ config: app.config })
  process.env.GRAPHQL_TRUSTED_DOCUMENTS = 'on'
})
afterAll(async () => {
  delete process.env.GRAPHQL_TRUSTED_DOCUMENTS
  await app?.close()
})
beforeEach(() => publicCache().clear())

describe('trusted documents', () => {
  it('should refuse an unregistered document to the public and to API clients, by text or by hash', async () => {
    const anonymous = (await post(STRANGER))!
    expect(anonymous.status).toBe(403)
    expect((await anonymous.json()).errors[0].extensions.code).toBe('TRUSTED_DOCUMENT_REQUIRED')
    expect(
      (await post(STRANGER, {}, { Authorization: `api-clients API-Key ${KEY}` }))!.status,
    ).toBe(403)
    const unknown = await (await byHash(sha256(STRANGER)))!.json()
    expect(unknown.errors[0].message).toBe('PersistedQueryNotFound')
    // APQ cannot register it either.
    const apq = (await post(STRANGER, {
      extensions: { persistedQuery: { version: 1, sha256Hash: sha256(STRANGER) } },
    }))!
    expect(apq.status).toBe(403)
  })

  it('should run a document registered by an admin, by its text and by its hash alone', async () => {
    const created = await app.rest('POST', 'graphql-documents', {
      token: s.admin.token,
      body: { name: '标题列表', document: REGISTERED },
    })
    expect(created.status).toBe(201)
    expect(created.json.doc.hash).toBe(sha256(REGISTERED))
    const byText = (await post(REGISTERED))!
    expect(byText.status).toBe(200)
    expect((await byText.json()).data.Articles.docs.map((d: any) => d.title)).toContain(
      '登记文档测试',
    )
    const hashOnly = (await byHash(sha256(REGISTERED)))!
    expect((await hashOnly.json()).data.Articles.docs.length).toBeGreaterThan(0)
  })

  it('should leave staff unaffected', async () => {
    const staff = await app.graphql(STRANGER, {}, { token: s.author.token })
    expect(staff.errors).toBeUndefined()
    expect(await post(STRANGER, {}, { Authorization: `JWT ${s.author.token}` })).toBeNull()
  })

  it("should import a downstream build's manifest, refusing ids that are not the document's hash", async () => {
    const one = 'query One { Articles(limit: 1) { docs { slug } } }'
    const two = 'query Two { Projects(limit: 1) { docs { name } } }'
    const report = await importManifest(app.payload, {
      format: 'apollo-persisted-query-manifest',
      version: 1,
      operations: [
        { id: sha256(one), name: 'One', type: 'query', body: one },
        { id: sha256('something else'), name: 'Two', type: 'query', body: two },
      ],
    })
    expect(report).toMatchObject({ added: 1, unchanged: 0 })
    expect(report.refused.map((r) => r.name)).toEqual(['Two'])
    expect((await post(one))!.status).toBe(200)
    expect((await post(two))!.status).toBe(403)
    expect(await importManifest(app.payload, { [sha256(one)]: one })).toMatchObject({
      added: 0,
      unchanged: 1,
    })
  })

  it('should refuse to register text that is not GraphQL', async () => {
    const res = await app.rest('POST', 'graphql-documents', {
      token: s.admin.token,
      body: { name: '坏的', document: 'query {' },
    })
    expect(res.status).toBe(400)
    expect(JSON.stringify(res.json)).toContain('GraphQL 语法错误')
  })
})
