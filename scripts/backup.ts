/**
 * `npm run backup [-- --out <file.tar.gz>]`: the database (SQLite's online backup API, or mongodump)
 * and its media files in one archive, while the server runs. See src/backup/archive.ts.
 */
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import nextEnv from '@next/env'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
nextEnv.loadEnvConfig(root, process.env.NODE_ENV !== 'production')

const { backup } = await import('../src/backup/archive')
const outAt = process.argv.indexOf('--out')
try {
  const { archive, manifest } = backup(outAt > 0 ? process.argv[outAt + 1] : undefined)
  console.log(
    `备份完成:${archive}(数据库 ${manifest.database},媒体文件 ${manifest.mediaFiles} 个` +
      `${manifest.missingMediaFiles.length ? `,缺失 ${manifest.missingMediaFiles.length} 个` : ''})` +
      ` (backup written)`,
  )
} catch (error) {
  console.error(
    `备份失败 (backup failed): ${error instanceof Error ? error.message : String(error)}`,
  )
  process.exitCode = 1
}
