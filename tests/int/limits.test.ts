import { bootNewsdesk, type TestApp } from '../helpers/boot'
import { hireStaff, simpleBody, type Person } from '../helpers/newsroom'

let app: TestApp
let s: Record<string, Person>

beforeAll(async () => {
  app = await bootNewsdesk()
  s = await hireStaff(app, { editor: ['editor'] })
  for (let i = 0; i < 105; i += 1) {
    await app.payload.create({
      collection: 'articles',
      data: { title: `公开文章 ${i}`, body: simpleBody(), _status: 'published' },
    })
  }
})
afterAll(async () => {
  await app?.close()
})

describe('limits for public readers', () => {
  it.each([
    ['articles?limit=500', 100],
    ['articles?limit=0', 10],
    ['articles?pagination=false', 10],
    ['articles?limit=0&pagination=false', 10],
    ['articles?limit=25', 25],
  ])('should answer %s with at most %i documents, paginated', async (path, limit) => {
    const { json } = await app.rest('GET', path)
    expect(json.docs).toHaveLength(limit)
    expect(json.limit).toBe(limit)
    expect(json.totalDocs).toBe(105)
  })

  it('should clamp GraphQL lists the same way', async () => {
    const { data } = await app.graphql(
      '{ Articles(limit: 0, pagination: false) { docs { id } limit } }',
    )
    expect(data.Articles.docs).toHaveLength(10)
  })

  it('should clamp a public read that names its documents by id, as it clamps any list', async () => {
    // The shape of Payload's own relationship loading passes unclamped only when Payload makes it
    // (it carries the population depth); the same shape from a public request is a list like any.
    const all = await app.payload.find({
      collection: 'articles',
      limit: 0,
      pagination: false,
      select: { title: true },
    })
    const where = all.docs.map((doc, i) => `where[id][in][${i}]=${doc.id}`).join('&')
    const named = await app.rest('GET', `articles?${where}&pagination=false`)
    expect(named.json.docs).toHaveLength(10)
    const widened = await app.rest(
      'GET',
      `articles?${where}&where[title][exists]=true&pagination=false`,
    )
    expect(widened.json.docs).toHaveLength(10)
  })

  it('should leave staff their own paging', async () => {
    const { json } = await app.rest('GET', 'articles?limit=0&pagination=false', {
      token: s.editor.token,
    })
    expect(json.docs).toHaveLength(105)
  })

  it('should refuse GraphQL queries past the complexity limit', async () => {
    const deep = `{ Articles(limit: 100) { docs { ${'coverPhoto { id sizes { thumbnail { url } card { url } hero { url } } } projects { id name photos { id } } '.repeat(1)} } } }`
    const heavy = Array.from(
      { length: 40 },
      (_, i) =>
        `a${i}: Articles(limit: 100) { docs { id title projects { name } coverPhoto { url } } }`,
    ).join(' ')
    const ok = await app.graphql(deep)
    expect(ok.errors).toBeUndefined()
    const refused = await app.graphql(`{ ${heavy} }`)
    expect(refused.errors?.map((e: any) => e.message).join()).toMatch(/complexity|查询过于复杂/i)
  })
})
