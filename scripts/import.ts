/**
 * `npm run import -- [--author <email>] <files…>`: plain-text articles (UTF-8 or GBK/GB18030) become
 * draft articles. Each file imports completely or not at all; the run reports every file and exits
 * non-zero if any failed.
 */
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'

import nextEnv from '@next/env'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
nextEnv.loadEnvConfig(root, process.env.NODE_ENV !== 'production')

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { author: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
})
if (values.help || positionals.length === 0) {
  console.log('用法 (usage): npm run import -- [--author <email>] <文件…>')
  process.exit(positionals.length === 0 && !values.help ? 2 : 0)
}

const { default: config } = await import('../payload.config')
const { getPayload } = await import('payload')
const { importArticle } = await import('../src/import/importArticle')
const payload = await getPayload({ config: await config })

let authorId: number | undefined
if (values.author) {
  const { docs } = await payload.find({
    collection: 'users',
    where: { email: { equals: values.author } },
    limit: 1,
    depth: 0,
  })
  if (!docs[0]) {
    console.error(`找不到作者 ${values.author} (no such user)`)
    await payload.destroy()
    process.exit(2)
  }
  authorId = docs[0].id
}

let failed = 0
for (const [index, file] of positionals.entries()) {
  const prefix = `[${index + 1}/${positionals.length}] ${file}`
  try {
    const bytes = fs.readFileSync(file)
    const result = await importArticle(payload, { bytes, name: path.basename(file) }, { authorId })
    const sources =
      result.dataSources.map((s) => `${s.office}${s.created ? '(新建)' : ''}`).join('、') || '无'
    console.log(
      `${prefix} ✓ 草稿 #${result.id}「${result.title}」 编码 ${result.encoding},` +
        `${result.photoSlots} 个图片位(已关联 ${result.linkedPhotos} 张),数据来源:${sources}`,
    )
  } catch (error) {
    failed += 1
    const code = (error as NodeJS.ErrnoException)?.code
    const message =
      code === 'ENOENT'
        ? '文件不存在 (no such file)'
        : code === 'EISDIR'
          ? '这是一个文件夹,不是文件 (a folder, not a file)'
          : error instanceof Error
            ? error.message
            : String(error)
    console.error(`${prefix} ✗ 未导入:${message}`)
  }
}
console.log(
  `导入完成:${positionals.length - failed} 篇成功,${failed} 篇失败 (imported ${positionals.length - failed}, failed ${failed})`,
)
await payload.destroy()
process.exit(failed ? 1 : 0)
