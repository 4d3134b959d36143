import { listenHost } from '../../src/config/env'
import { gate, isPlainHost, refusalFor, SECURITY_HEADERS } from '../../src/http/gate'
import { assertWellFormedWhere } from '../../src/http/whereGuard'

const request = (headers: Record<string, string>, url = '/api/articles', method = 'GET') => ({
  headers,
  url,
  method,
})

describe('the request gate', () => {
  it.each([
    'localhost',
    'localhost:3000',
    'news.lzxq.gov.cn',
    'news.lzxq.gov.cn:443',
    '127.0.0.1:8080',
    '[::1]:3000',
  ])('should take %s as a plain host', (host) => expect(isPlainHost(host)).toBe(true))

  it.each([
    'x/api/articles?where[id][equals]=0&a=',
    'a b',
    'evil.com/',
    'host:port',
    'user@host',
    '',
    'a..b',
    'x:99999999',
  ])('should refuse %j as a Host', (host) =>
    expect(refusalFor(request({ host }))?.status).toBe(400),
  )

  it('should refuse a request target that is not a path, and a path that does not decode', () => {
    expect(refusalFor(request({ host: 'localhost' }, 'http://evil/api/articles'))?.status).toBe(400)
    expect(refusalFor(request({ host: 'localhost' }, '/api/articles/%E0%A4%A'))?.status).toBe(400)
    expect(refusalFor(request({ host: 'localhost' }, '/api/articles?q=%E0%A4%A'))).toBeNull()
  })

  it('should set HSTS and frame-ancestors in production only', () => {
    const headersSet = (env: string) => {
      const vars = process.env as Record<string, string | undefined>
      const saved = vars.NODE_ENV
      vars.NODE_ENV = env
      const set: Record<string, string> = {}
      try {
        gate(
          { headers: { host: 'localhost' }, url: '/admin', method: 'GET' } as never,
          { setHeader: (k: string, v: string) => (set[k] = v) } as never,
        )
      } finally {
        vars.NODE_ENV = saved
      }
      return set
    }
    expect(headersSet('production')).toEqual(SECURITY_HEADERS)
    expect(headersSet('production')['Content-Security-Policy']).toContain("frame-ancestors 'self'")
    expect(headersSet('development')).toEqual({})
  })
})

describe('where a server without a secret listens', () => {
  const withEnv = (env: Record<string, string | undefined>, run: () => unknown) => {
    const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]))
    Object.assign(process.env, env)
    for (const [k, v] of Object.entries(env)) if (v === undefined) delete process.env[k]
    try {
      return run()
    } finally {
      for (const [k, v] of Object.entries(saved))
        if (v === undefined) delete process.env[k]
        else process.env[k] = v
    }
  }

  it('should listen on loopback only outside production without PAYLOAD_SECRET', () => {
    expect(
      withEnv({ NODE_ENV: 'development', PAYLOAD_SECRET: undefined, HOST: undefined }, listenHost),
    ).toBe('127.0.0.1')
    expect(() =>
      withEnv({ NODE_ENV: 'development', PAYLOAD_SECRET: undefined, HOST: '0.0.0.0' }, listenHost),
    ).toThrow(/PAYLOAD_SECRET/)
  })

  it('should listen where HOST says (or everywhere) once a secret is set', () => {
    expect(
      withEnv(
        { NODE_ENV: 'development', PAYLOAD_SECRET: 'a-real-secret', HOST: undefined },
        listenHost,
      ),
    ).toBeUndefined()
    expect(
      withEnv(
        { NODE_ENV: 'production', PAYLOAD_SECRET: 'a-real-secret', HOST: '0.0.0.0' },
        listenHost,
      ),
    ).toBe('0.0.0.0')
  })
})

describe('the shape of a where', () => {
  it('should refuse a plain object where a value belongs', () => {
    expect(() => assertWellFormedWhere({ title: { equals: { $ne: 1 } } })).toThrow(
      /查询条件格式无效/,
    )
    expect(() => assertWellFormedWhere({ or: [{ id: { in: [{ a: 1 }] } }] })).toThrow(
      /查询条件格式无效/,
    )
  })

  it("should pass what Payload's own calls send: dates, lists, nested and/or", () => {
    expect(() =>
      assertWellFormedWhere({
        and: [
          { updatedAt: { greater_than: new Date() } },
          { or: [{ id: { in: [1, 2] } }, { slug: { exists: true } }] },
        ],
      }),
    ).not.toThrow()
  })
})
