import http from 'node:http'
import type { AddressInfo } from 'node:net'

import { signWebhook } from '../../src/delivery/webhooks'
import { bootNewsdesk, type TestApp } from '../helpers/boot'
import { act, articleIn, hireStaff, type Person } from '../helpers/newsroom'

let app: TestApp
let s: Record<string, Person>
let receiver: http.Server
let base: string
const received: { headers: http.IncomingHttpHeaders; body: string }[] = []
let failuresLeft = 0
const SECRET = 'webhook-secret-0123456789'

beforeAll(async () => {
  app = await bootNewsdesk()
  s = await hireStaff(app, { author: ['editor'], chief: ['chief-editor'], admin: ['admin'] })
  receiver = http.createServer((req, res) => {
    let body = ''
    req.on('data', (chunk) => (body += chunk))
    req.on('end', () => {
      received.push({ headers: req.headers, body })
      if (failuresLeft > 0) {
        failuresLeft -= 1
        res.writeHead(500).end('down')
      } else res.writeHead(204).end()
    })
  })
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`
  const hook = await app.rest('POST', 'webhooks', {
    token: s.admin.token,
    body: {
      url: `${base}/hook`,
      allowPrivateNetwork: true,
      secret: SECRET,
      events: ['published', 'updated', 'withdrawn'],
      collections: ['articles'],
    },
  })
  expect(hook.status).toBe(201)
})
afterAll(async () => {
  receiver?.close()
  await app?.close()
})

async function until(check: () => boolean | Promise<boolean>, ms = 15_000) {
  const deadline = Date.now() + ms
  while (!(await check()) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200))
}

describe('webhooks', () => {
  it('should POST a signed event when an article is published, and again when withdrawn', async () => {
    received.length = 0
    const { id } = await articleIn(app, s.author, 'approved', null, '推送的稿件')
    await app.payload.update({
      collection: 'articles',
      id,
      data: { slug: 'tui-song' },
      draft: true,
      context: { newsdeskWorkflow: true },
    })
    expect((await act(app, s.chief, 'articles', id, 'publish')).status).toBe(200)
    await until(() => received.length >= 1)
    const [delivery] = received
    const body = JSON.parse(delivery!.body)
    expect(body).toEqual({
      event: 'published',
      collection: 'articles',
      id: String(id),
      slug: 'tui-song',
      version: expect.any(String),
      publishedAt: expect.any(String),
    })
    const timestamp = String(delivery!.headers['x-newsdesk-timestamp'])
    expect(delivery!.headers['x-newsdesk-signature']).toBe(
      signWebhook(SECRET, timestamp, delivery!.body),
    )
    expect(Math.abs(Number(timestamp) - Date.now() / 1000)).toBeLessThan(60)

    expect((await act(app, s.chief, 'articles', id, 'withdraw', { comment: '撤' })).status).toBe(
      200,
    )
    await until(() => received.length >= 2)
    expect(JSON.parse(received[1]!.body)).toMatchObject({ event: 'withdrawn', id: String(id) })
  })

  it('should never block publishing on a failing receiver, retry with backoff, and log every attempt', async () => {
    received.length = 0
    failuresLeft = 2
    const { id } = await articleIn(app, s.author, 'approved', null, '接收方故障')
    const started = Date.now()
    expect((await act(app, s.chief, 'articles', id, 'publish')).status).toBe(200)
    expect(Date.now() - started).toBeLessThan(2000)
    await until(async () => {
      const logged = await app.payload.find({
        collection: 'webhook-deliveries',
        where: { documentId: { equals: String(id) } },
      })
      return logged.docs.some((d) => d.ok)
    }, 20_000)
    const attempts = await app.payload.find({
      collection: 'webhook-deliveries',
      where: { documentId: { equals: String(id) } },
      sort: 'createdAt',
    })
    expect(attempts.docs.map((d) => [d.attempt, d.status, d.ok])).toEqual([
      [1, 500, false],
      [2, 500, false],
      [3, 204, true],
    ])
    expect(attempts.docs.every((d) => typeof d.durationMs === 'number')).toBe(true)
  })

  it('should keep webhooks and their log to admins', async () => {
    expect((await app.rest('GET', 'webhooks', { token: s.chief.token })).status).toBe(403)
    expect((await app.rest('GET', 'webhook-deliveries')).status).toBe(403)
    expect((await app.rest('GET', 'webhooks', { token: s.admin.token })).status).toBe(200)
  })
})
