import path from 'node:path'

import { chooseDatabase, DatabaseUriError } from '../../src/config/database'
import { MissingSecretError, payloadSecret, serverPort } from '../../src/config/env'

describe('chooseDatabase', () => {
  const cwd = '/srv/newsdesk'

  it('should default to SQLite at data/newsdesk.db when DATABASE_URI is unset or blank', () => {
    for (const uri of [undefined, '', '   ']) {
      expect(chooseDatabase(uri, cwd)).toEqual({
        kind: 'sqlite',
        file: path.resolve(cwd, 'data/newsdesk.db'),
        url: `file:${path.resolve(cwd, 'data/newsdesk.db')}`,
      })
    }
  })

  it('should resolve a file: URI relative to the project, and keep absolute ones', () => {
    expect(chooseDatabase('file:./tmp/x.db', cwd)).toMatchObject({
      kind: 'sqlite',
      file: '/srv/newsdesk/tmp/x.db',
    })
    expect(chooseDatabase('file:/var/lib/nd.db', cwd)).toMatchObject({ file: '/var/lib/nd.db' })
    expect(chooseDatabase('file:///var/lib/nd.db', cwd)).toMatchObject({ file: '/var/lib/nd.db' })
    expect(chooseDatabase('file::memory:', cwd)).toMatchObject({ file: ':memory:' })
  })

  it('should choose MongoDB for mongodb:// and mongodb+srv:// URIs', () => {
    expect(chooseDatabase('mongodb://db:27017/newsdesk?replicaSet=rs0', cwd).kind).toBe('mongodb')
    expect(chooseDatabase('mongodb+srv://u:p@cluster.example/nd', cwd).kind).toBe('mongodb')
  })

  it('should refuse other schemes, naming the accepted ones and hiding credentials', () => {
    const attempt = () => chooseDatabase('postgres://admin:hunter2@db/newsdesk', cwd)
    expect(attempt).toThrow(DatabaseUriError)
    expect(attempt).toThrow(/file:.*mongodb:\/\/.*mongodb\+srv:\/\//)
    expect(attempt).not.toThrow(/hunter2/)
    expect(() => chooseDatabase('file:', cwd)).toThrow(DatabaseUriError)
  })
})

describe('environment', () => {
  const saved = { ...process.env }
  afterEach(() => {
    process.env = { ...saved }
  })

  it('should refuse a production start without PAYLOAD_SECRET and say why', () => {
    process.env = { ...saved, NODE_ENV: 'production', PAYLOAD_SECRET: '' }
    expect(() => payloadSecret()).toThrow(MissingSecretError)
    expect(() => payloadSecret()).toThrow(/PAYLOAD_SECRET is not set/)
  })

  it('should use a development secret when none is set outside production', () => {
    process.env = { ...saved, NODE_ENV: 'development', PAYLOAD_SECRET: '' }
    expect(payloadSecret()).toMatch(/development/)
    process.env.PAYLOAD_SECRET = 'set-by-operator'
    expect(payloadSecret()).toBe('set-by-operator')
  })

  it('should validate PORT', () => {
    process.env = { ...saved, PORT: '' }
    expect(serverPort()).toBe(3000)
    process.env.PORT = '8080'
    expect(serverPort()).toBe(8080)
    process.env.PORT = 'eighty'
    expect(() => serverPort()).toThrow(/PORT must be/)
  })
})
