/**
 * `npm run reindex`: rebuilds the search indexes (public and staff) and the published read model
 * from the documents, after a restore, a bulk change made outside Payload, or a change to the
 * segmenter.
 */
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import nextEnv from '@next/env'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
nextEnv.loadEnvConfig(root, process.env.NODE_ENV !== 'production')

const { default: config } = await import('../payload.config')
const { getPayload } = await import('payload')
const { reindexSearch } = await import('../src/search/reindex')
const { rebuildReadModel } = await import('../src/delivery/readModel')
const { withTransaction } = await import('../src/config/transaction')
const payload = await getPayload({ config: await config })
const started = Date.now()
try {
  const counts = await reindexSearch(payload)
  const published = await withTransaction(payload, (req) => rebuildReadModel(payload, req))
  console.log(`发布读模型已重建:${published} 篇 (read model rebuilt: ${published} documents)`)
  console.log(
    `搜索索引已重建:员工索引 ${counts.staff} 条,公开索引 ${counts.public} 条,用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒 ` +
      `(reindexed: ${counts.staff} staff, ${counts.public} public)`,
  )
} catch (error) {
  console.error(
    `重建失败 (reindex failed): ${error instanceof Error ? error.message : String(error)}`,
  )
  process.exitCode = 1
} finally {
  await payload.destroy()
}
process.exit(process.exitCode ?? 0)
