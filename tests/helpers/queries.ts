import type { TestApp } from './boot'

type Executor = {
  execute: (...args: any[]) => Promise<unknown>
  batch?: (...args: any[]) => Promise<unknown>
}
type Client = Executor & { transaction: (...args: any[]) => Promise<Executor> }

/**
 * How many database queries `work` makes, like Wagtail's assertNumQueries: every statement the
 * SQLite client runs, inside transactions too; on MongoDB, every command mongoose sends. For
 * asserting that a read does not make one query per document.
 */
export async function countQueries<T>(
  app: TestApp,
  work: () => Promise<T>,
): Promise<{ result: T; queries: number }> {
  let queries = 0
  const db = app.payload.db as unknown as {
    client?: Client
    mongoose?: { set: (key: string, value: unknown) => void }
  }
  if (db.mongoose) {
    db.mongoose.set('debug', () => (queries += 1))
    try {
      return { result: await work(), queries }
    } finally {
      db.mongoose.set('debug', false)
    }
  }
  const client = db.client!
  const count = (executor: Executor) => {
    const execute = executor.execute
    executor.execute = function (this: unknown, ...args: any[]) {
      queries += 1
      return execute.apply(this, args)
    }
    return () => {
      executor.execute = execute
    }
  }
  const restoreExecute = count(client)
  const transaction = client.transaction
  client.transaction = async function (this: unknown, ...args: any[]) {
    const tx = await transaction.apply(this, args)
    count(tx)
    return tx
  }
  try {
    return { result: await work(), queries }
  } finally {
    restoreExecute()
    client.transaction = transaction
  }
}

/**
 * How many read operations (find, findByID, …) `work` runs on one collection, counted by a
 * beforeOperation hook added for its duration: how many times a request was rendered.
 */
export async function countReads<T>(
  app: TestApp,
  collection: 'articles' | 'photos' | 'projects' | 'data-sources',
  work: () => Promise<T>,
): Promise<{ result: T; reads: number }> {
  let reads = 0
  const hooks = app.payload.collections[collection].config.hooks.beforeOperation
  const count = ({ args, operation }: { args: unknown; operation: string }) => {
    if (operation === 'read') reads += 1
    return args
  }
  hooks.push(count as never)
  try {
    return { result: await work(), reads }
  } finally {
    hooks.splice(hooks.indexOf(count as never), 1)
  }
}
