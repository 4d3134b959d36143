/**
 * `npm run backup` and `npm run restore`: one archive (.tar.gz) with the database and the media
 * files it refers to, and a manifest.
 * - SQLite: the copy is made with SQLite's online backup API (the sqlite3 shell's `.backup`), which
 *   reads one consistent snapshot while the server keeps writing; its integrity is checked. Then
 *   the media files that snapshot names are copied (a file uploaded after the snapshot is not its
 *   concern; one it names but the folder lacks is listed in the manifest).
 * - MongoDB: mongodump, when it is installed; otherwise the backup says so and stops.
 * Restoring moves the current database and media folder aside (`….before-restore-<time>`), never
 * deleting them, and puts the archive's in their place; scripts/restore.ts then migrates and runs
 * the doctor on the result.
 */
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { chooseDatabase } from '../config/database'
import { mediaDir } from '../config/env'

export type Manifest = {
  format: 'newsdesk-backup'
  version: 1
  createdAt: string
  database: 'sqlite' | 'mongodb'
  databaseSha256?: string
  mediaFiles: number
  missingMediaFiles: string[]
}

export class BackupError extends Error {}

const has = (command: string) => {
  try {
    execFileSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}

const sqlite = (file: string, ...commands: string[]) =>
  execFileSync('sqlite3', ['-batch', '-cmd', '.timeout 30000', file, ...commands], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  })

const sha256 = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex')

const stamp = (date = new Date()) => date.toISOString().replace(/[:.]/g, '-')

/** Every media file name the database's photos and photo versions name. */
function filesNamedBy(snapshot: string): string[] {
  const names = new Set<string>()
  for (const table of ['photos', '_photos_v']) {
    const columns = sqlite(
      snapshot,
      `SELECT name FROM pragma_table_info('${table}') WHERE name LIKE '%filename'`,
    )
      .split('\n')
      .map((line) => line.trim())
      .filter((name) => /^[a-z0-9_]+$/.test(name))
    for (const column of columns) {
      for (const line of sqlite(
        snapshot,
        `SELECT DISTINCT "${column}" FROM "${table}" WHERE "${column}" IS NOT NULL`,
      ).split('\n'))
        if (line.trim()) names.add(line.trim())
    }
  }
  return [...names]
}

export function backup(out?: string): { archive: string; manifest: Manifest } {
  const choice = chooseDatabase(process.env.DATABASE_URI)
  const staging = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-backup-'))
  try {
    let manifest: Manifest
    if (choice.kind === 'mongodb') {
      if (!has('mongodump'))
        throw new BackupError(
          '本机没有 mongodump,无法备份 MongoDB;请安装 MongoDB Database Tools (mongodump not found)',
        )
      execFileSync('mongodump', [
        `--uri=${choice.url}`,
        `--archive=${path.join(staging, 'database.mongodump.gz')}`,
        '--gzip',
      ])
      manifest = baseManifest('mongodb')
    } else {
      if (!has('sqlite3'))
        throw new BackupError(
          '本机没有 sqlite3 命令,无法使用在线备份;请安装 sqlite3 (apt-get install sqlite3)',
        )
      if (!fs.existsSync(choice.file))
        throw new BackupError(`找不到数据库文件 ${choice.file} (no database file)`)
      const copy = path.join(staging, 'database.sqlite')
      sqlite(choice.file, `.backup '${copy.replace(/'/g, "''")}'`)
      const check = sqlite(copy, 'PRAGMA integrity_check').trim()
      if (check !== 'ok') throw new BackupError(`备份副本校验失败 (integrity check: ${check})`)
      manifest = { ...baseManifest('sqlite'), databaseSha256: sha256(copy) }
      fs.mkdirSync(path.join(staging, 'media'))
      for (const name of filesNamedBy(copy)) {
        const from = path.join(mediaDir(), name)
        if (path.basename(name) !== name) continue
        if (fs.existsSync(from)) {
          fs.copyFileSync(from, path.join(staging, 'media', name))
          manifest.mediaFiles++
        } else manifest.missingMediaFiles.push(name)
      }
    }
    fs.writeFileSync(path.join(staging, 'manifest.json'), JSON.stringify(manifest, null, 2))
    const archive = path.resolve(out ?? path.join('backups', `newsdesk-${stamp()}.tar.gz`))
    fs.mkdirSync(path.dirname(archive), { recursive: true })
    execFileSync('tar', ['-czf', archive, '-C', staging, '.'])
    return { archive, manifest }
  } finally {
    fs.rmSync(staging, { recursive: true, force: true })
  }
}

function baseManifest(database: Manifest['database']): Manifest {
  return {
    format: 'newsdesk-backup',
    version: 1,
    createdAt: new Date().toISOString(),
    database,
    mediaFiles: 0,
    missingMediaFiles: [],
  }
}

/** Puts an archive's database and media in place of the configured ones (moved aside, kept). */
export function restore(archive: string): { manifest: Manifest; movedAside: string[] } {
  if (!fs.existsSync(archive)) throw new BackupError(`找不到备份文件 ${archive} (no such archive)`)
  const staging = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-restore-'))
  try {
    execFileSync('tar', ['-xzf', path.resolve(archive), '-C', staging])
    const manifestFile = path.join(staging, 'manifest.json')
    if (!fs.existsSync(manifestFile))
      throw new BackupError('这不是 Newsdesk 的备份文件:缺少 manifest.json (not a Newsdesk backup)')
    const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as Manifest
    if (manifest.format !== 'newsdesk-backup')
      throw new BackupError('这不是 Newsdesk 的备份文件 (not a Newsdesk backup)')
    const choice = chooseDatabase(process.env.DATABASE_URI)
    if (choice.kind !== manifest.database)
      throw new BackupError(
        `备份是 ${manifest.database} 数据库,当前配置的是 ${choice.kind} (database kinds differ)`,
      )
    const aside = `.before-restore-${stamp()}`
    const movedAside: string[] = []
    const moveAside = (file: string) => {
      if (!fs.existsSync(file)) return
      fs.renameSync(file, file + aside)
      movedAside.push(file + aside)
    }
    if (choice.kind === 'mongodb') {
      if (!has('mongorestore'))
        throw new BackupError('本机没有 mongorestore,无法恢复 MongoDB (mongorestore not found)')
      execFileSync('mongorestore', [
        `--uri=${choice.url}`,
        `--archive=${path.join(staging, 'database.mongodump.gz')}`,
        '--gzip',
        '--drop',
      ])
    } else {
      const copy = path.join(staging, 'database.sqlite')
      if (manifest.databaseSha256 && sha256(copy) !== manifest.databaseSha256)
        throw new BackupError('备份中的数据库已损坏(校验和不符)(database checksum mismatch)')
      for (const suffix of ['', '-wal', '-shm']) moveAside(choice.file + suffix)
      fs.mkdirSync(path.dirname(choice.file), { recursive: true })
      fs.copyFileSync(copy, choice.file)
    }
    const media = mediaDir()
    if (fs.existsSync(media) && fs.readdirSync(media).length) moveAside(media)
    fs.mkdirSync(media, { recursive: true })
    const from = path.join(staging, 'media')
    if (fs.existsSync(from))
      for (const name of fs.readdirSync(from))
        fs.copyFileSync(path.join(from, name), path.join(media, name))
    return { manifest, movedAside }
  } finally {
    fs.rmSync(staging, { recursive: true, force: true })
  }
}
