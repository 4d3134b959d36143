import fs from 'node:fs'
import path from 'node:path'

import { parse } from 'yaml'

const root = path.resolve(import.meta.dirname, '../..')

describe('docker-compose.yml', () => {
  const compose = parse(fs.readFileSync(path.join(root, 'docker-compose.yml'), 'utf8'))

  it('should name the app and a MongoDB replica set, each with a health check', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['app', 'mongo'])
    expect(compose.services.app.build).toBe('.')
    expect(compose.services.mongo.command).toEqual(expect.arrayContaining(['--replSet', 'rs0']))
    expect(compose.services.app.healthcheck.test).toBeDefined()
    expect(compose.services.mongo.healthcheck.test.join(' ')).toMatch(/rs\.initiate/)
  })

  it('should point the app at MongoDB with a replica set and keep media on a volume', () => {
    const { environment, volumes, depends_on } = compose.services.app
    expect(environment.DATABASE_URI).toMatch(/^mongodb:\/\/mongo:27017\/\w+\?replicaSet=rs0$/)
    expect(environment.PAYLOAD_SECRET).toMatch(/\$\{PAYLOAD_SECRET:\?/)
    expect(volumes).toContain('media:/app/media')
    expect(Object.keys(compose.volumes)).toEqual(expect.arrayContaining(['media', 'mongo-data']))
    expect(depends_on.mongo.condition).toBe('service_healthy')
  })

  it('should have a Dockerfile that builds and starts the production server', () => {
    const dockerfile = fs.readFileSync(path.join(root, 'Dockerfile'), 'utf8')
    expect(dockerfile).toMatch(/npm ci/)
    expect(dockerfile).toMatch(/npm run build/)
    expect(dockerfile).toMatch(/NODE_ENV=production/)
    expect(dockerfile).toMatch(/src\/server\.ts/)
  })
})
