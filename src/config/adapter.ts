import type { DatabaseAdapterObj } from 'payload'

import { mongooseAdapter } from '@payloadcms/db-mongodb'
import { sqliteAdapter } from '@payloadcms/db-sqlite'

import { migrations } from '../migrations'
import { chooseDatabase, ensureSqliteFolder } from './database'

/** The Payload database adapter that DATABASE_URI names (see chooseDatabase). */
export function databaseAdapter(uri: string | undefined, root: string): DatabaseAdapterObj {
  const choice = chooseDatabase(uri, root)
  if (choice.kind === 'mongodb') {
    return mongooseAdapter({ url: choice.url })
  }
  ensureSqliteFolder(choice)
  return sqliteAdapter({
    client: { url: choice.url },
    // Concurrent writers (the server, a seed, the jobs queue) wait for the lock instead of failing.
    wal: true,
    busyTimeout: 10_000,
    migrationDir: `${root}/src/migrations`,
    // `npm start` runs with NODE_ENV=production, where the adapter does not push the schema:
    // committed migrations bring an empty database up to date on boot.
    prodMigrations: migrations,
  })
}
