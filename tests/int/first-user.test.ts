import { bootNewsdesk, type TestApp } from '../helpers/boot'

let app: TestApp

beforeAll(async () => {
  app = await bootNewsdesk()
})
afterAll(async () => {
  await app?.close()
})

describe('an empty database', () => {
  it('should make the first account an admin, whatever roles were sent', async () => {
    const res = await app.rest('POST', 'users/first-register', {
      body: { email: 'first@test.local', password: 'pw-first-1', name: '首位', roles: ['photographer'] },
    })
    expect(res.status).toBe(200)
    expect(res.json.user.roles).toEqual(['admin'])
  })

  it('should not let anyone register once there is a user', async () => {
    const res = await app.rest('POST', 'users/first-register', {
      body: { email: 'second@test.local', password: 'pw-second-1', name: '第二', roles: ['admin'] },
    })
    expect(res.status).toBe(403)
    expect(await app.payload.count({ collection: 'users' })).toMatchObject({ totalDocs: 1 })
  })
})
