import fs from 'node:fs'
import path from 'node:path'

/** What DATABASE_URI asks for, decided before any adapter is loaded. */
export type DatabaseChoice =
  { kind: 'sqlite'; url: string; file: string } | { kind: 'mongodb'; url: string }

export const DEFAULT_SQLITE_FILE = 'data/newsdesk.db'

const ACCEPTED =
  'file:<path> (SQLite), mongodb:// or mongodb+srv:// (MongoDB); unset means SQLite at data/newsdesk.db'

export class DatabaseUriError extends Error {
  constructor(uri: string) {
    // Never echo credentials that may sit in the URI: name the scheme only.
    const scheme = uri.includes(':') ? uri.slice(0, uri.indexOf(':') + 1) : uri.slice(0, 20)
    super(`DATABASE_URI has an unsupported scheme "${scheme}". Accepted: ${ACCEPTED}.`)
    this.name = 'DatabaseUriError'
  }
}

/**
 * Chooses the database from DATABASE_URI. Pure apart from path resolution, so it is unit-tested
 * without opening anything.
 */
export function chooseDatabase(uri: string | undefined, cwd = process.cwd()): DatabaseChoice {
  const value = uri?.trim()
  if (!value) {
    const file = path.resolve(cwd, DEFAULT_SQLITE_FILE)
    return { kind: 'sqlite', file, url: `file:${file}` }
  }
  if (/^mongodb(\+srv)?:\/\//i.test(value)) return { kind: 'mongodb', url: value }
  if (/^file:/i.test(value)) {
    const rest = value.slice('file:'.length).replace(/^\/\/(?=\/)/, '')
    if (rest === ':memory:') return { kind: 'sqlite', file: ':memory:', url: 'file::memory:' }
    if (!rest) throw new DatabaseUriError(value)
    const file = path.resolve(cwd, rest)
    return { kind: 'sqlite', file, url: `file:${file}` }
  }
  throw new DatabaseUriError(value)
}

/** libsql creates the database file but not its folder. */
export function ensureSqliteFolder(choice: DatabaseChoice): void {
  if (choice.kind === 'sqlite' && choice.file !== ':memory:') {
    fs.mkdirSync(path.dirname(choice.file), { recursive: true })
  }
}
