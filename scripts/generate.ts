/**
 * `npm run generate`: writes payload-types.ts, schema.graphql and the admin import map from the
 * config. `npm run generate -- --check` writes nothing and fails when the committed types or schema
 * differ from the config, so a schema change without regenerated files cannot land.
 *
 * Runs in-process rather than through `payload generate:types`: that bin starts through tsx's
 * async loader and, on this machine, sometimes exits 0 before it has written anything.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { configToSchema } from '@payloadcms/graphql'
import { printSchema } from 'graphql'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const check = process.argv.includes('--check')
const out = check ? fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-generate-')) : root

// Generation reads the config only: it opens no database and signs nothing.
process.env.DATABASE_URI ||= 'file::memory:'
process.env.PAYLOAD_TS_OUTPUT_PATH = path.join(out, 'payload-types.ts')

const config = await (await import('../payload.config')).default
const { generateTypes } = await import('payload/node')
const { generateImportMap } = await import('payload')

await generateTypes(config, { log: !check })
fs.writeFileSync(path.join(out, 'schema.graphql'), printSchema(configToSchema(config).schema))

if (!check) {
  await generateImportMap(config, { log: true })
  console.log('Wrote payload-types.ts, schema.graphql and the import map.')
  process.exit(0)
}

const stale = ['payload-types.ts', 'schema.graphql'].filter((name) => {
  const committed = path.join(root, name)
  const fresh = fs.readFileSync(path.join(out, name), 'utf8')
  return !fs.existsSync(committed) || fs.readFileSync(committed, 'utf8') !== fresh
})
fs.rmSync(out, { recursive: true, force: true })
if (stale.length) {
  console.error(`Stale generated files: ${stale.join(', ')}. Run npm run generate and commit them.`)
  process.exit(1)
}
console.log('payload-types.ts and schema.graphql match the config.')
process.exit(0)
