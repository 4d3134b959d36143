/**
 * `npm run restore -- <archive>`: puts a backup's database and media in place of the configured
 * ones (moving those aside, never deleting them), applies pending migrations and runs the doctor.
 * Stop the servers first. Exits 1 if the restored data breaks an invariant.
 */
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import nextEnv from '@next/env'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
nextEnv.loadEnvConfig(root, process.env.NODE_ENV !== 'production')

const archive = process.argv.slice(2).find((arg) => !arg.startsWith('-'))
if (!archive) {
  console.error('用法:npm run restore -- <备份文件.tar.gz> (usage: npm run restore -- <archive>)')
  process.exit(2)
}
const { restore } = await import('../src/backup/archive')
try {
  const { manifest, movedAside } = restore(archive)
  console.log(`已恢复 ${manifest.createdAt} 的备份(媒体文件 ${manifest.mediaFiles} 个) (restored)`)
  for (const file of movedAside) console.log(`原有数据已移到 ${file} (previous data kept)`)
} catch (error) {
  console.error(
    `恢复失败 (restore failed): ${error instanceof Error ? error.message : String(error)}`,
  )
  process.exit(1)
}
const { default: config } = await import('../payload.config')
const { getPayload } = await import('payload')
const { describeViolation, runDoctor } = await import('../src/doctor/checks')
const payload = await getPayload({ config: await config })
const violations = await runDoctor(payload)
for (const v of violations) console.log(describeViolation(v))
console.log(
  violations.length
    ? `恢复后的数据有 ${violations.length} 处问题 (${violations.length} violations)`
    : '恢复后的数据一致 (all invariants hold)',
)
await payload.destroy()
process.exit(violations.length ? 1 : 0)
