/**
 * `npm run seed`: demo content on demand. Idempotent, so running it twice creates nothing new.
 * In production it needs SEED_PASSWORD and never prints it.
 */
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import nextEnv from '@next/env'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
nextEnv.loadEnvConfig(root, process.env.NODE_ENV !== 'production')

const { default: config } = await import('../payload.config')
const { getPayload } = await import('payload')
const { seed, describeLogins } = await import('../src/seed')
const { isProduction } = await import('../src/config/env')

const payload = await getPayload({ config: await config })
try {
  const result = await seed(payload, { log: (line) => payload.logger.info(line) })
  if (!isProduction()) console.log(`\n${describeLogins(result)}\n`)
} catch (error) {
  console.error(`Seeding failed: ${error instanceof Error ? error.message : String(error)}`)
  process.exitCode = 1
} finally {
  await payload.destroy()
}
process.exit(process.exitCode ?? 0)
