/**
 * Bad input on every public and staff endpoint: malformed JSON, huge bodies, deep nesting, wrong
 * types, unknown fields, hostile Unicode and oversized GraphQL. Each must get a clear 4xx (or a 2xx
 * where the input is merely odd but valid): never a 5xx, never a hang. Prints the number of cases.
 */
import { refusalFor } from '../../src/http/gate'
import { bootNewsdesk, type TestApp } from '../helpers/boot'
import { hireStaff, simpleBody, type Person } from '../helpers/newsroom'

let app: TestApp
let s: Record<string, Person>
let articleId: number

beforeAll(async () => {
  app = await bootNewsdesk()
  s = await hireStaff(app, { admin: ['admin'], author: ['editor'] })
  articleId = (
    await app.rest('POST', 'articles?draft=true', {
      token: s.author.token,
      body: { title: '模糊测试', body: simpleBody() },
    })
  ).json.doc.id
})
afterAll(async () => {
  await app?.close()
})

/** Unicode that attacks use and no one types: each must be refused where it would be stored. */
const HOSTILE = [
  '\u202e\u202dgnp.exe',
  'zero\u200bwidth',
  'bom\ufeffinside',
  'mark\u200fhere',
  'lone \ud800 surrogate',
  '\udfff\ud800',
  '\u0000nul',
  'isolate\u2066x\u2069',
]
/** Odd but harmless text: stored as typed and escaped wherever it is shown. */
const ODD = ['𝕳𝖊𝖑𝖑𝖔 🇨🇳 \u0301\u0301', '<script>alert(1)</script>', "'; DROP TABLE articles; --"]

/** A lone surrogate has no UTF-8: it goes as the bytes a broken client would send. */
const encodeLoosely = (text: string) =>
  text.replace(/[\s\S]/g, (ch) =>
    /[\ud800-\udfff]/.test(ch) ? '%ED%A0%80' : encodeURIComponent(ch),
  )

const deep = (depth: number) => '['.repeat(depth) + ']'.repeat(depth)
const deepObject = (depth: number) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth)

/** Raw bodies: not JSON, or JSON that is too much. */
const RAW_BODIES: [string, string][] = [
  ['malformed JSON', '{"title": "x",'],
  ['not JSON at all', 'title=x&body=y'],
  ['JSON scalar', '42'],
  ['JSON null', 'null'],
  ['deep array nesting', deep(20_000)],
  ['deep object nesting', deepObject(5_000)],
  ['huge body', JSON.stringify({ title: 'x'.repeat(6 * 1024 * 1024) })],
  ['lone surrogate escape', '{"title":"\\ud800"}'],
]

/** Parsed bodies: valid JSON of the wrong shape. */
const SHAPED_BODIES: [string, unknown][] = [
  ['wrong types', { title: 123, body: 'not rich text', roles: 'admin', columns: { a: 1 } }],
  ['arrays for scalars', { title: ['a'], email: ['x@y.z'], password: [1] }],
  [
    'unknown fields',
    { title: '正常标题', body: simpleBody(), __proto__x: 1, nonsense: { deep: true } },
  ],
  [
    'prototype pollution',
    JSON.parse('{"__proto__": {"admin": true}, "constructor": {"prototype": {"x": 1}}}'),
  ],
  ...HOSTILE.map((text): [string, unknown] => [
    `hostile text ${JSON.stringify(text).slice(0, 24)}`,
    { title: text, name: text, email: `a${text}@x.test`, term: text, office: text },
  ]),
]

const ENDPOINTS: [method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: () => string][] = [
  ['POST', () => 'articles?draft=true'],
  ['PATCH', () => `articles/${articleId}?draft=true`],
  ['POST', () => `articles/${articleId}/workflow`],
  ['POST', () => `articles/${articleId}/checks/fix`],
  ['POST', () => 'articles/import'],
  ['POST', () => 'photos'],
  ['POST', () => 'projects?draft=true'],
  ['POST', () => 'data-sources?draft=true'],
  ['POST', () => 'columns?draft=true'],
  ['POST', () => 'users'],
  ['POST', () => 'users/login'],
  ['POST', () => 'users/forgot-password'],
  ['POST', () => 'users/reset-password'],
  ['POST', () => 'api-clients'],
  ['POST', () => 'webhooks'],
  ['POST', () => 'sensitive-terms'],
  ['POST', () => `articles/${articleId}/published-date`],
]

const QUERIES: string[] = [
  `articles?where=${encodeURIComponent('{"title":')}`,
  'articles?where[title][like]=%00%ff',
  'articles?where[or][0][or][0][or][0][or][0][or][0][or][0][or][0][title][equals]=x',
  `articles?where${'[and][0]'.repeat(200)}[title][equals]=x`,
  'articles?limit=-1',
  'articles?limit=abc&page=-5',
  'articles?depth=99999',
  'articles?sort=%00',
  'articles?select[__proto__][x]=true',
  'articles/%E0%A4%A',
  'articles/not-a-number',
  'articles/99999999999999999999999999',
  'search?q=%ED%A0%80%ED%A0%80%ED%A0%80',
  `search?q=${'字'.repeat(20_000)}`,
  'search?q=&limit=99999&page=-1',
  'search?q=a&collection=users,payload-preferences',
  ...[...HOSTILE, ...ODD].map((text) => `search?q=${encodeLoosely(text)}`),
  'columns/tree?depth=-1',
  `preview/${'A'.repeat(5000)}`,
  'audit-log/export?where[ip][in]=1,2&where[__proto__][x]=1',
  'workflow/dashboard?x=\u202e',
]

const GRAPHQL: [string, string][] = [
  ['syntax error', '{ Articles { docs { title } '],
  ['unknown field', '{ Articles { docs { nope } } }'],
  [
    'huge alias fan-out',
    `{ ${Array.from({ length: 3000 }, (_, i) => `a${i}: Articles { totalDocs }`).join(' ')} }`,
  ],
  ['deep nesting', `{ Articles { docs { ${'coverPhoto { '.repeat(60)} id ${'} '.repeat(60)} } } }`],
  [
    'oversized document',
    `{ Articles(where: { title: { equals: "${'x'.repeat(3 * 1024 * 1024)}" } }) { totalDocs } }`,
  ],
  ['wrong variable type', 'query ($l: Int) { Articles(limit: $l) { totalDocs } }'],
  [
    'hostile unicode',
    `{ search(q: ${JSON.stringify([...HOSTILE, ...ODD].join(' '))}) { totalDocs } }`,
  ],
  [
    'introspection bomb',
    '{ __schema { types { fields { type { fields { type { fields { name } } } } } } } }',
  ],
]

type Outcome = { name: string; status: number }

const withinSeconds = <T>(seconds: number, promise: Promise<T>) =>
  Promise.race([
    promise,
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error(`no answer within ${seconds} s`)), seconds * 1000),
    ),
  ])

/**
 * As the server answers it: the gate first (src/http/gate.ts refuses what no route should read),
 * then Payload's route handler.
 */
async function raw(method: string, apiPath: string, body: string | undefined, token?: string) {
  const refused = refusalFor({
    method,
    url: `/api/${apiPath}`,
    headers: {
      host: 'localhost',
      ...(body !== undefined ? { 'content-length': String(Buffer.byteLength(body)) } : {}),
    },
  })
  if (refused) return refused.status
  const routes = await import('@payloadcms/next/routes')
  const url = new URL(`http://localhost/api/${apiPath}`)
  // As Next hands them over: decoded where they decode, as sent where they do not.
  const decode = (part: string) => {
    try {
      return decodeURIComponent(part)
    } catch {
      return part
    }
  }
  const slug = url.pathname
    .replace(/^\/api\//, '')
    .split('/')
    .filter(Boolean)
    .map(decode)
  const handler = (routes as any)[`REST_${method}`](app.config)
  const response: Response = await handler(
    new Request(url, {
      method,
      headers: {
        'Content-Type': 'application/json',
        ...(token ? { Authorization: `JWT ${token}` } : {}),
      },
      body,
    }),
    { params: Promise.resolve({ slug }) },
  )
  await response.text()
  return response.status
}

describe('bad input, everywhere', () => {
  const outcomes: Outcome[] = []
  afterAll(() => {
    const fives = outcomes.filter((o) => o.status >= 500)
    console.log(
      `fuzz: ${outcomes.length} cases, ${fives.length} answered 5xx, ` +
        `${outcomes.filter((o) => o.status >= 400 && o.status < 500).length} answered 4xx`,
    )
  })

  const check = async (name: string, run: () => Promise<number>) => {
    let status: number
    try {
      status = await withinSeconds(30, run())
    } catch (error) {
      status = 599
      outcomes.push({ name: `${name}: ${(error as Error).message}`, status })
      return
    }
    outcomes.push({ name, status })
  }

  it('should answer raw bad bodies with a 4xx on every write endpoint, as anyone', async () => {
    for (const [method, path] of ENDPOINTS)
      for (const [kind, body] of RAW_BODIES)
        for (const who of [undefined, s.admin])
          await check(`${method} ${path()} ${kind} as ${who ? 'admin' : 'anonymous'}`, () =>
            raw(method, path(), body, who?.token),
          )
    expect(outcomes.filter((o) => o.status < 400 || o.status >= 500)).toEqual([])
  }, 600_000)

  it('should refuse wrong shapes, unknown fields and hostile Unicode with a 4xx', async () => {
    for (const [method, path] of ENDPOINTS)
      for (const [kind, body] of SHAPED_BODIES)
        await check(`${method} ${path()} ${kind}`, () =>
          raw(method, path(), JSON.stringify(body), s.admin.token),
        )
    // A clear refusal each time: nothing of the wrong shape is stored.
    expect(outcomes.filter((o) => o.status < 400 || o.status >= 500)).toEqual([])
  }, 600_000)

  it('should store odd but harmless text as typed, and show it escaped', async () => {
    for (const text of ODD) {
      const res = await app.rest('PATCH', `articles/${articleId}?draft=true`, {
        token: s.admin.token,
        body: { title: text, body: simpleBody(text) },
      })
      expect(res.status).toBe(200)
      expect(res.json.doc.title).toBe(text)
      expect(res.json.doc.bodyHtml).not.toContain('<script>')
    }
    const rtl = await app.rest('PATCH', `articles/${articleId}?draft=true`, {
      token: s.admin.token,
      body: { title: '兰州新区\u202e计划' },
    })
    expect(rtl.status).toBe(400)
    expect(rtl.json.errors[0].message).toContain(
      '字段 title 第 5 个字符是不可见字符或控制字符(U+202E)',
    )
  })

  it('should answer malformed queries and paths without a 5xx', async () => {
    for (const query of QUERIES)
      for (const who of [undefined, s.admin])
        await check(`GET ${query.slice(0, 80)} as ${who ? 'admin' : 'anonymous'}`, () =>
          raw('GET', query, undefined, who?.token),
        )
    expect(outcomes.filter((o) => o.status >= 500)).toEqual([])
  }, 600_000)

  it('should refuse bad and oversized GraphQL with a 4xx or errors, never a 5xx', async () => {
    for (const [kind, query] of GRAPHQL)
      for (const who of [undefined, s.admin]) {
        await check(`GraphQL ${kind} as ${who ? 'admin' : 'anonymous'}`, async () => {
          const res = await app.graphql(query, { l: 'not a number' }, { token: who?.token })
          // GraphQL answers 200 with errors for a bad document; what matters is that it refused.
          if (res.status < 300 && !res.errors?.length && kind !== 'hostile unicode') return 599
          return res.status
        })
      }
    expect(outcomes.filter((o) => o.status >= 500)).toEqual([])
  }, 600_000)
})
