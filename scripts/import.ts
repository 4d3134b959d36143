/**
 * `npm run import -- [--dry-run] [--author <email>] <files or folders…>`: plain-text (UTF-8 or
 * GBK/GB18030) and Word (.docx) articles become draft articles. Folders are read recursively. Each
 * file imports completely or not at all; the run reports every file, the class of its lines and
 * the guesses to confirm, and exits non-zero if any failed. `--dry-run` only classifies and prints
 * every line with its class and the reason, without opening the database.
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
  options: {
    author: { type: 'string' },
    'dry-run': { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  },
})
if (values.help || positionals.length === 0) {
  console.log(
    '用法 (usage): npm run import -- [--dry-run] [--author <email>] <文件或文件夹…>\n' +
      '  .txt(UTF-8 或 GBK)与 .docx;文件夹会逐层读取。--dry-run 只显示每行的分类与依据,不写入数据库。',
  )
  process.exit(positionals.length === 0 && !values.help ? 2 : 0)
}

const IMPORTABLE = /\.(txt|docx|doc)$/i

/** Files named on the command line, and the importable files under each folder named, in order. */
function expand(entries: string[]): string[] {
  return entries.flatMap((entry) => {
    let stat: fs.Stats
    try {
      stat = fs.statSync(entry)
    } catch {
      return [entry] // reported as missing below
    }
    if (!stat.isDirectory()) return [entry]
    return fs
      .readdirSync(entry, { withFileTypes: true })
      .sort((a, b) => a.name.localeCompare(b.name))
      .flatMap((dirent) => {
        const full = path.join(entry, dirent.name)
        if (dirent.isDirectory()) return expand([full])
        return IMPORTABLE.test(dirent.name) && !dirent.name.startsWith('~$') ? [full] : []
      })
  })
}

const { importArticle, previewImport } = await import('../src/import/importArticle')
const { formatReport } = await import('../src/import/report')
const files = expand(positionals)
const dryRun = !!values['dry-run']
const tty = process.stderr.isTTY

/** A one-line progress bar on a terminal; nothing when the output goes to a file or a pipe. */
function progress(done: number, file: string) {
  if (!tty) return
  const width = 24
  const filled = Math.round((done / files.length) * width)
  process.stderr.write(
    `\r[${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${done}/${files.length} ${path.basename(file).slice(0, 30)}\x1b[K`,
  )
}
const clearProgress = () => tty && process.stderr.write('\r\x1b[K')

function failure(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code
  return code === 'ENOENT'
    ? '文件不存在 (no such file)'
    : code === 'EISDIR'
      ? '这是一个文件夹,不是文件 (a folder, not a file)'
      : error instanceof Error
        ? error.message
        : String(error)
}

let payload: Awaited<ReturnType<typeof import('payload').getPayload>> | undefined
let authorId: number | undefined
if (!dryRun) {
  const { default: config } = await import('../payload.config')
  const { getPayload } = await import('payload')
  payload = await getPayload({ config: await config })
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
}

let failed = 0
for (const [index, file] of files.entries()) {
  progress(index, file)
  const prefix = `[${index + 1}/${files.length}] ${file}`
  try {
    const bytes = fs.readFileSync(file)
    const source = { bytes, name: path.basename(file) }
    if (dryRun) {
      const preview = await previewImport(source)
      clearProgress()
      console.log(`${prefix} 试运行,未写入\n${formatReport(preview, { lines: true })}`)
      continue
    }
    const result = await importArticle(payload!, source, { authorId })
    const sources =
      result.dataSources.map((s) => `${s.office}${s.created ? '(新建)' : ''}`).join('、') || '无'
    clearProgress()
    console.log(
      `${prefix} ✓ 草稿 #${result.id}「${result.title}」 编码 ${result.encoding},` +
        `${result.photoSlots} 个图片位(已关联 ${result.linkedPhotos} 张` +
        `${result.createdPhotos ? `,新建图片 ${result.createdPhotos} 张` : ''}),数据来源:${sources}\n` +
        formatReport(result.preview, { lines: false }),
    )
  } catch (error) {
    failed += 1
    clearProgress()
    console.error(`${prefix} ✗ 未导入:${failure(error)}`)
  }
}
progress(files.length, '')
clearProgress()
const done = files.length - failed
console.log(
  dryRun
    ? `试运行完成:${done} 篇可导入,${failed} 篇有错 (dry run: ${done} readable, ${failed} failed)`
    : `导入完成:${done} 篇成功,${failed} 篇失败 (imported ${done}, failed ${failed})`,
)
if (files.length === 0) console.log('没有找到 .txt 或 .docx 文件 (no importable files found)')
await payload?.destroy()
process.exit(failed || files.length === 0 ? 1 : 0)
