/**
 * Fails when the collections describe a SQLite schema that the committed migrations do not reach:
 * production never pushes the schema, so such a change would break `npm start` on a real database.
 * Compares the latest migration snapshot with the schema drizzle derives from the config, the same
 * diff `npm run migrate:create` would write.
 */
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
process.env.DATABASE_URI = 'file::memory:'
process.env.PAYLOAD_MIGRATING = 'true' // connect without pushing the schema

const config = await (await import('../payload.config')).default
const { getPayload } = await import('payload')
const payload = await getPayload({ config, disableOnInit: true })
const db = payload.db as any
const { generateDrizzleJson, generateMigration } = db.requireDrizzleKit()

const dir = path.join(root, 'src/migrations')
const latest = fs
  .readdirSync(dir)
  .filter((file) => file.endsWith('.json'))
  .sort()
  .at(-1)
const before = latest
  ? JSON.parse(fs.readFileSync(path.join(dir, latest), 'utf8'))
  : db.defaultDrizzleSnapshot
const after = await generateDrizzleJson(db.schema)
const statements: string[] = await generateMigration(before, after)
await payload.destroy()

if (statements.length) {
  console.error(
    `The schema has ${statements.length} change(s) that no migration makes. Run ` +
      '`npm run migrate:create -- <name>` and commit the files. First: ' +
      statements[0],
  )
  process.exit(1)
}
console.log(`Migrations are up to date (latest: ${latest ?? 'none'}).`)
process.exit(0)
