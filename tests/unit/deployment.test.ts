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
})

/** The Dockerfile as instructions: each stage with its base image and its lines. */
function dockerStages(text: string) {
  const lines = text
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'))
  const stages: { name: string; from: string; lines: string[] }[] = []
  for (const line of lines) {
    const from = /^FROM\s+(\S+)(?:\s+AS\s+(\S+))?/i.exec(line)
    if (from) stages.push({ from: from[1]!, name: from[2] ?? String(stages.length), lines: [] })
    else stages.at(-1)!.lines.push(line)
  }
  return stages
}

describe('Dockerfile', () => {
  const stages = dockerStages(fs.readFileSync(path.join(root, 'Dockerfile'), 'utf8'))
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'))
  const run = stages.at(-1)!

  it('should build on the Node major the project runs on, in every stage', () => {
    const major = /(\d+)/.exec(pkg.engines.node)![1]
    for (const stage of stages) expect(stage.from).toMatch(new RegExp(`^node:${major}[-.]`))
  })

  it('should copy only from stages it defines, and run only npm scripts that exist', () => {
    const names = stages.map((stage) => stage.name)
    for (const stage of stages) {
      for (const line of stage.lines) {
        const from = /--from=(\S+)/.exec(line)?.[1]
        if (from) expect(names.slice(0, names.indexOf(stage.name))).toContain(from)
        for (const script of line.matchAll(/npm run (\S+)/g))
          expect(Object.keys(pkg.scripts)).toContain(script[1])
      }
    }
    expect(stages.flatMap((s) => s.lines).some((l) => /^RUN npm ci\b/.test(l))).toBe(true)
  })

  it('should start the production server from a file that exists, as an unprivileged user, with a health check on a real route', () => {
    const env = run.lines.filter((l) => /^ENV /.test(l)).join(' ')
    expect(env).toMatch(/NODE_ENV=production/)
    const cmd = JSON.parse(run.lines.find((l) => l.startsWith('CMD '))!.slice(4)) as string[]
    expect(cmd[0]).toBe('node')
    expect(cmd).toContain('--conditions=production')
    for (const file of cmd.filter(
      (arg) => /\.(ts|mjs|js)$/.test(arg) && !arg.startsWith('node_modules'),
    )) {
      // dist/ holds what `npm run build` writes (the image builds before it starts).
      if (file.startsWith('dist/')) expect(Object.values(pkg.scripts).join(' ')).toContain(file)
      else expect(fs.existsSync(path.join(root, file))).toBe(true)
    }
    const user = run.lines.findIndex((l) => l.startsWith('USER '))
    const made = run.lines.findIndex((l) => /useradd .*newsdesk/.test(l))
    expect(made).toBeGreaterThanOrEqual(0)
    expect(user).toBeGreaterThan(made)
    const health = run.lines.find((l) => l.startsWith('HEALTHCHECK'))!
    // The route is one Payload answers for an empty or a full database alike.
    expect(health).toMatch(/\/api\/users\/init/)
    expect(run.lines.find((l) => l.startsWith('EXPOSE'))).toBe('EXPOSE 3000')
  })
})
