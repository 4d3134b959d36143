/**
 * `npm run doctor`: checks the database and media folder this configuration points at (the same
 * DATABASE_URI and MEDIA_DIR as the server) against the invariants of src/doctor/checks.ts. Prints
 * each violation with its document; exits 1 when there is any, 0 when all hold.
 */
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import nextEnv from '@next/env'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
nextEnv.loadEnvConfig(root, process.env.NODE_ENV !== 'production')

const { default: config } = await import('../payload.config')
const { getPayload } = await import('payload')
const { describeViolation, runDoctor } = await import('../src/doctor/checks')
const payload = await getPayload({ config: await config })
try {
  const violations = await runDoctor(payload)
  for (const v of violations) console.log(describeViolation(v))
  console.log(
    violations.length
      ? `发现 ${violations.length} 处问题 (${violations.length} violations)`
      : '数据一致,未发现问题 (all invariants hold)',
  )
  process.exitCode = violations.length ? 1 : 0
} catch (error) {
  console.error(
    `检查失败 (doctor failed): ${error instanceof Error ? error.message : String(error)}`,
  )
  process.exitCode = 2
} finally {
  await payload.destroy()
}
process.exit(process.exitCode ?? 0)
