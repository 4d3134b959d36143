import { bootNewsdesk, type TestApp } from '../helpers/boot'

let app: TestApp

beforeAll(async () => {
  app = await bootNewsdesk()
})

afterAll(async () => {
  await app?.close()
})

describe('foundation', () => {
  it('should seed demo content idempotently', async () => {
    const { seed } = await import('../../src/seed')
    const first = await seed(app.payload)
    expect(first.created.users).toBe(7)
    const second = await seed(app.payload)
    expect(second.created).toEqual({})
    const users = await app.payload.count({ collection: 'users' })
    expect(users.totalDocs).toBe(7)
  })

  it('should serve published articles over REST to anonymous readers', async () => {
    const { status, json } = await app.rest('GET', 'articles')
    expect(status).toBe(200)
    expect(json.docs.map((doc: any) => doc.title)).toContain('欢迎使用 Newsdesk')
  })

  it('should answer GraphQL through the real handler', async () => {
    const { status, data, errors } = await app.graphql('{ Articles { docs { title slug } } }')
    expect(errors).toBeUndefined()
    expect(status).toBe(200)
    expect(data.Articles.docs[0].slug).toBe('huan-ying-shi-yong-newsdesk')
  })

  it('should let a demo user log in and read users, but not anonymous readers', async () => {
    const token = await app.login('editor@newsdesk.local', 'newsdesk-demo')
    const asEditor = await app.rest('GET', 'users', { token })
    expect(asEditor.status).toBe(200)
    const anonymous = await app.rest('GET', 'users')
    expect(anonymous.status).toBe(403)
  })
})
