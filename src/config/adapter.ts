import type { DatabaseAdapterObj, Migration } from 'payload'

import { APIError } from 'payload'

import { mongooseAdapter } from '@payloadcms/db-mongodb'
import { Sqlite3Transaction } from '@libsql/client/sqlite3'
import Database from 'libsql'
import { sqliteAdapter } from '@payloadcms/db-sqlite'

import { migrations } from '../migrations'
import { withAfterCommit } from './afterCommit'
import { chooseDatabase, ensureSqliteFolder } from './database'

// Long enough for the writes queued behind a photo upload on one busy core (bench -- load).
export const SQLITE_BUSY_TIMEOUT_MS = 30_000
/**
 * SQLite's memory map, per connection (SQLITE_MMAP_MB, 0 by default). Mapped pages of the database
 * file count in the server's resident memory, two connections' worth, and grow with the file: on the
 * 300-article load run they were the slow climb of RSS toward the 400 MB budget. A site with memory to
 * spare can give the search index a map (256 made its queries about a quarter faster here).
 */
const sqliteMmapBytes = () => Math.max(0, Number(process.env.SQLITE_MMAP_MB || 0)) * 1024 * 1024

/** The Payload database adapter that DATABASE_URI names (see chooseDatabase). */
export function databaseAdapter(uri: string | undefined, root: string): DatabaseAdapterObj {
  const choice = chooseDatabase(uri, root)
  if (choice.kind === 'mongodb') {
    return withAfterCommit(mongooseAdapter({ url: choice.url }))
  }
  ensureSqliteFolder(choice)
  const adapter = sqliteAdapter({
    client: { url: choice.url },
    // Multi-step work (imports, workflow transitions, seeding) commits whole or not at all.
    // Without transactionOptions the SQLite adapter runs every call on its own.
    transactionOptions: {},
    // Concurrent writers (the server, a seed, the jobs queue) wait for the lock instead of failing.
    wal: true,
    busyTimeout: SQLITE_BUSY_TIMEOUT_MS,
    migrationDir: `${root}/src/migrations`,
    // One schema authority: the committed migrations, for every command and environment. A pushed
    // development schema on a migrated database fails half-way (`CREATE INDEX … already exists`).
    push: false,
    prodMigrations: migrations,
  })
  return withAfterCommit(
    migrateOnConnect(busyTimeoutOnEveryConnection(adapter, SQLITE_BUSY_TIMEOUT_MS, choice.file)),
  )
}

/**
 * The adapter runs `prodMigrations` itself only when NODE_ENV is production; `dev`, `seed`, `import`
 * and the tests run them here, so every command meets the same schema. Payload's own migrate CLI
 * (PAYLOAD_MIGRATING) is left alone. A database that an earlier development run pushed a schema
 * onto is refused with a reason: Payload would otherwise ask on a terminal that may not exist.
 */
function migrateOnConnect(adapterObj: DatabaseAdapterObj): DatabaseAdapterObj {
  return {
    ...adapterObj,
    init: (args) => {
      const adapter = adapterObj.init(args) as ReturnType<DatabaseAdapterObj['init']> & {
        client?: Client & { execute: (sql: string) => Promise<{ rows: unknown[] }> }
      }
      const connect = adapter.connect!
      adapter.connect = async function (this: typeof adapter, options) {
        await connect.call(this, options)
        if (options?.hotReload || process.env.PAYLOAD_MIGRATING === 'true') return
        await refusePushedSchema(this.client!)
        if (process.env.NODE_ENV !== 'production')
          await this.migrate({ migrations: migrations as unknown as Migration[] })
      }
      return adapter
    },
  }
}

export class PushedSchemaError extends Error {
  constructor() {
    super(
      '这个数据库由旧版开发模式直接推送表结构建立,无法按迁移升级。请备份后删除它(默认 data/newsdesk.db),' +
        '再运行 npm run dev 重建演示数据。(This database was made by a development schema push, ' +
        'not by migrations; move it away and let `npm run dev` create a new one.)',
    )
    this.name = 'PushedSchemaError'
  }
}

async function refusePushedSchema(client: {
  execute: (sql: string) => Promise<{ rows: unknown[] }>
}): Promise<void> {
  const table = await client.execute(
    "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'payload_migrations'",
  )
  if (!table.rows.length) return
  const pushed = await client.execute('SELECT 1 FROM payload_migrations WHERE batch = -1 LIMIT 1')
  if (pushed.rows.length) throw new PushedSchemaError()
}

type Tx = { commit: () => Promise<void>; rollback: () => Promise<void>; close: () => void }
type Client = {
  execute: (sql: string | { sql: string }, args?: unknown) => Promise<unknown>
  batch: (statements: unknown[], mode?: string) => Promise<unknown>
  transaction: (mode?: string) => Promise<Tx>
}

/** A statement that writes (anything but a read or a pragma). */
const WRITES =
  /^\s*(insert|update|delete|replace|create|drop|alter|with\b[\s\S]*\b(insert|update|delete)\b)/i

/**
 * Three fixes to how @libsql/client behaves under Payload's transactions, found by tests and
 * benches here (the third is described where it is made, below):
 *
 * - The adapter sets `PRAGMA busy_timeout` once, on the first connection, but the client hands
 *   that connection to the first transaction and opens fresh ones for what follows, which then have
 *   no timeout: a second writer fails with SQLITE_BUSY at once. The pragma is set on each new one.
 * - libsql's calls are synchronous: a transaction that waits for another transaction's lock in the
 *   same process blocks the very thread that would finish the first, for the whole busy timeout.
 *   So this process opens one write transaction at a time and queues the rest (other processes
 *   still meet the busy timeout). A transaction that waits longer than the timeout fails with a
 *   message instead of hanging.
 */
function busyTimeoutOnEveryConnection(
  adapterObj: DatabaseAdapterObj,
  ms: number,
  /** The database file (chooseDatabase), or `:memory:`, which only one connection can see. */
  file: string,
): DatabaseAdapterObj {
  const pragma = `PRAGMA busy_timeout = ${ms};`
  const mmap = `PRAGMA mmap_size = ${sqliteMmapBytes()};`
  return {
    ...adapterObj,
    init: (args) => {
      const adapter = adapterObj.init(args) as ReturnType<DatabaseAdapterObj['init']> & {
        client?: Client
      }
      const connect = adapter.connect!
      adapter.connect = async function (this: typeof adapter, options) {
        await connect.call(this, options)
        const client = this.client!
        const transaction = client.transaction.bind(client)
        const lock = new WriteLock(ms)
        // A write outside a transaction (Payload deletes finished jobs so) queues behind the
        // transaction under way instead of meeting its lock inside libsql, where the synchronous
        // busy wait would stall the whole process for the busy timeout and then fail.
        const execute = client.execute.bind(client)
        client.execute = async (statement, args) => {
          const sql = typeof statement === 'string' ? statement : statement.sql
          if (!WRITES.test(sql)) return execute(statement, args)
          return lock.run(() => execute(statement, args))
        }
        const batch = client.batch.bind(client)
        client.batch = (statements, mode) => lock.run(() => batch(statements, mode))
        // One connection for every transaction, kept open. libsql's own transaction() hands the
        // client's connection to the transaction and opens a new one for the client each time,
        // and nothing closes the old one (the transaction's close() only rolls back, and a closed
        // connection lingers until its statements are garbage-collected): under load hundreds of
        // connections, each with its page cache and its map of the file, held the server's memory
        // (bench -- load). The write lock lets one transaction run at a time, so one connection
        // serves them all, apart from the client's, which reads what is committed.
        let connection: InstanceType<typeof Database> | undefined
        const transactionConnection = () => {
          if (!connection?.open) {
            connection = new Database(file, {})
            connection.exec(`${pragma} ${mmap}`)
          }
          return connection
        }
        client.transaction = async (mode) => {
          const release = await lock.acquire()
          try {
            let tx: Tx
            if (file !== ':memory:') {
              const db = transactionConnection()
              db.exec(BEGIN[mode ?? 'write'])
              tx = new Sqlite3Transaction(db as never, 'number') as unknown as Tx
            } else {
              tx = await transaction(mode)
              await client.execute(pragma)
              await client.execute(mmap)
            }
            const settle = (end: () => Promise<void>) => async () => {
              try {
                await end()
              } finally {
                release()
              }
            }
            const close = tx.close.bind(tx)
            tx.commit = settle(tx.commit.bind(tx))
            tx.rollback = settle(tx.rollback.bind(tx))
            tx.close = () => {
              try {
                close()
              } finally {
                release()
              }
            }
            return tx
          } catch (error) {
            release()
            throw error
          }
        }
        await client.execute(pragma)
        await client.execute(mmap)
      }
      return adapter
    },
  }
}

/** `BEGIN` for each transaction mode, as @libsql/client writes it. */
const BEGIN: Record<string, string> = {
  write: 'BEGIN IMMEDIATE',
  read: 'BEGIN TRANSACTION READONLY',
  deferred: 'BEGIN DEFERRED',
}

/** A FIFO lock whose release is idempotent and whose waiters give up after `timeoutMs`. */
export class WriteLock {
  private tail: Promise<void> = Promise.resolve()

  constructor(private readonly timeoutMs: number) {}

  async acquire(): Promise<() => void> {
    let release!: () => void
    const released = new Promise<void>((resolve) => {
      let done = false
      release = () => {
        if (!done) {
          done = true
          resolve()
        }
      }
    })
    const previous = this.tail
    this.tail = previous.then(() => released)
    let timer: NodeJS.Timeout | undefined
    const timedOut = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        // Give our place up so the queue behind us does not wait for a holder that never came.
        void previous.then(release)
        // A clear, retryable answer (503 with the wait), not an unknown error.
        reject(
          new APIError(
            `数据库繁忙,请稍后重试 (database busy: waited ${this.timeoutMs} ms for a write lock)`,
            503,
            { retryAfter: 5 },
            true,
          ),
        )
      }, this.timeoutMs)
    })
    try {
      await Promise.race([previous, timedOut])
    } finally {
      clearTimeout(timer)
    }
    return release
  }

  /** Runs `work` holding the lock. */
  async run<T>(work: () => Promise<T>): Promise<T> {
    const release = await this.acquire()
    try {
      return await work()
    } finally {
      release()
    }
  }
}
