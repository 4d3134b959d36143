#!/usr/bin/env node
/**
 * `npm run generate`: writes payload-types.ts, schema.graphql and the admin import map from the
 * config. `npm run generate -- --check` writes the first two to a temporary folder instead and fails
 * when the committed files differ, so a schema change without regenerated types cannot land.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

const check = process.argv.includes('--check')
const root = path.resolve(import.meta.dirname, '..')
const targets = { types: path.join(root, 'payload-types.ts'), schema: path.join(root, 'schema.graphql') }
const out = check ? fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-generate-')) : root

const env = {
  ...process.env,
  NODE_OPTIONS: '--no-deprecation',
  // Generation reads the config only; it never needs the real database or secret.
  DATABASE_URI: process.env.DATABASE_URI || `file:${path.join(os.tmpdir(), 'newsdesk-generate.db')}`,
  PAYLOAD_TS_OUTPUT_PATH: path.join(out, 'payload-types.ts'),
  PAYLOAD_GRAPHQL_SCHEMA_PATH: path.join(out, 'schema.graphql'),
}

function run(bin, ...args) {
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd: root,
    env,
    stdio: 'inherit',
    encoding: 'utf8',
  })
  if (result.status !== 0) {
    if (check) process.stderr.write(result.stdout + result.stderr)
    process.exit(result.status ?? 1)
  }
}

run('node_modules/payload/bin.js', 'generate:types')
run('node_modules/@payloadcms/graphql/bin.js', 'generate:schema')
if (!check) {
  run('node_modules/payload/bin.js', 'generate:importmap')
  process.exit(0)
}

const stale = Object.entries(targets).filter(([, file]) => {
  const fresh = fs.readFileSync(path.join(out, path.basename(file)), 'utf8')
  return !fs.existsSync(file) || fs.readFileSync(file, 'utf8') !== fresh
})
fs.rmSync(out, { recursive: true, force: true })
if (stale.length) {
  console.error(`Stale generated files: ${stale.map(([, f]) => path.basename(f)).join(', ')}. Run npm run generate.`)
  process.exit(1)
}
console.log('payload-types.ts and schema.graphql are up to date.')
