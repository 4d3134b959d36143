import { bootNewsdesk, type TestApp } from '../helpers/boot'

let app: TestApp

beforeAll(async () => {
  app = await bootNewsdesk()
})
afterAll(async () => {
  await app?.close()
})

describe('an empty database', () => {
  it('should make exactly one of two simultaneous first registrations an admin, whatever roles were sent', async () => {
    const [a, b] = await Promise.all([
      app.rest('POST', 'users/first-register', {
        body: {
          email: 'first@test.local',
          password: 'Pw-first-2026!',
          name: '首位',
          roles: ['photographer'],
        },
      }),
      app.rest('POST', 'users/first-register', {
        body: {
          email: 'racer@test.local',
          password: 'Pw-racer-2026!',
          name: '抢注',
          roles: ['admin'],
        },
      }),
    ])
    const won = [a, b].filter((res) => res.status === 200)
    expect(won).toHaveLength(1)
    expect(won[0]!.json.user.roles).toEqual(['admin'])
    const lost = [a, b].find((res) => res !== won[0])!
    expect([403, 409]).toContain(lost.status)
    expect(
      await app.payload.count({ collection: 'users', where: { roles: { contains: 'admin' } } }),
    ).toMatchObject({ totalDocs: 1 })
  })

  it('should not let anyone register once there is a user', async () => {
    const res = await app.rest('POST', 'users/first-register', {
      body: {
        email: 'second@test.local',
        password: 'Pw-second-2026!',
        name: '第二',
        roles: ['admin'],
      },
    })
    expect(res.status).toBe(403)
    expect(await app.payload.count({ collection: 'users' })).toMatchObject({ totalDocs: 1 })
  })
})
