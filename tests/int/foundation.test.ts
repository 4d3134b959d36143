import { bootNewsdesk, type TestApp } from '../helpers/boot'

let app: TestApp

beforeAll(async () => {
  app = await bootNewsdesk()
})

const SEEDED = ['users', 'photos', 'projects', 'data-sources', 'articles'] as const

async function countAll() {
  const counts: Record<string, number> = {}
  for (const collection of SEEDED)
    counts[collection] = (await app.payload.count({ collection })).totalDocs
  return counts
}

afterAll(async () => {
  await app?.close()
})

describe('foundation', () => {
  it('should seed demo content idempotently', async () => {
    const { seed } = await import('../../src/seed')
    const first = await seed(app.payload)
    expect(first.created).toEqual({
      users: 7,
      photos: 8,
      projects: 5,
      'data-sources': 1,
      columns: 9,
      officials: 6,
      'wording-rules': 1,
      articles: 1,
    })
    const before = await countAll()
    const second = await seed(app.payload)
    expect(second.created).toEqual({})
    expect(await countAll()).toEqual(before)
    expect(before).toEqual({ users: 7, photos: 8, projects: 5, 'data-sources': 1, articles: 1 })
  })

  it('should serve published articles over REST to anonymous readers', async () => {
    const { status, json } = await app.rest('GET', 'articles')
    expect(status).toBe(200)
    expect(json.docs.map((doc: any) => doc.title)).toEqual(['全力推动战略性新兴产业高质量发展'])
  })

  it('should answer GraphQL through the real handler', async () => {
    const { status, data, errors } = await app.graphql(
      '{ Articles { docs { title slug dataSourceLine } } }',
    )
    expect(errors).toBeUndefined()
    expect(status).toBe(200)
    expect(data.Articles.docs[0]).toEqual({
      title: '全力推动战略性新兴产业高质量发展',
      slug: 'quan-li-tui-dong-zhan-lve-xing-xin-xing-chan-ye-gao-zhi-liang-fa-zhan',
      dataSourceLine: '数据来源:兰州新区党工委办公室',
    })
  })

  it('should let a demo user log in and read users, but not anonymous readers', async () => {
    const token = await app.login('editor@newsdesk.local', 'Newsdesk-2026')
    const asEditor = await app.rest('GET', 'users', { token })
    expect(asEditor.status).toBe(200)
    const anonymous = await app.rest('GET', 'users')
    expect(anonymous.status).toBe(403)
  })
})
