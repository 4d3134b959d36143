import type { DatabaseAdapterObj } from 'payload'

import { mongooseAdapter } from '@payloadcms/db-mongodb'
import { sqliteAdapter } from '@payloadcms/db-sqlite'

import { migrations } from '../migrations'
import { chooseDatabase, ensureSqliteFolder } from './database'

export const SQLITE_BUSY_TIMEOUT_MS = 10_000

/** The Payload database adapter that DATABASE_URI names (see chooseDatabase). */
export function databaseAdapter(uri: string | undefined, root: string): DatabaseAdapterObj {
  const choice = chooseDatabase(uri, root)
  if (choice.kind === 'mongodb') {
    return mongooseAdapter({ url: choice.url })
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
    // `npm start` runs with NODE_ENV=production, where the adapter does not push the schema:
    // committed migrations bring an empty database up to date on boot.
    prodMigrations: migrations,
  })
  return busyTimeoutOnEveryConnection(adapter, SQLITE_BUSY_TIMEOUT_MS)
}

type Client = {
  execute: (sql: string) => Promise<unknown>
  transaction: (mode?: string) => Promise<unknown>
}

/**
 * The adapter sets `PRAGMA busy_timeout` once, on the first connection. But @libsql/client hands
 * that connection to the first transaction and opens a fresh one for what follows, which then has
 * no timeout: a second writer would fail with SQLITE_BUSY at once. So the pragma is set again on
 * each connection the client opens after a transaction.
 */
function busyTimeoutOnEveryConnection(adapterObj: DatabaseAdapterObj, ms: number): DatabaseAdapterObj {
  const pragma = `PRAGMA busy_timeout = ${ms};`
  return {
    ...adapterObj,
    init: (args) => {
      const adapter = adapterObj.init(args) as ReturnType<DatabaseAdapterObj['init']> & { client?: Client }
      const connect = adapter.connect!
      adapter.connect = async function (this: typeof adapter, options) {
        await connect.call(this, options)
        const client = this.client!
        const transaction = client.transaction.bind(client)
        client.transaction = async (mode) => {
          const tx = await transaction(mode)
          await client.execute(pragma)
          return tx
        }
        await client.execute(pragma)
      }
      return adapter
    },
  }
}
