import type { DatabaseAdapterObj, PayloadRequest } from 'payload'

/**
 * Work that must wait until a transaction's writes are visible to everyone: emptying the public
 * cache after a withdrawal is the case in point. Done inside the transaction, a concurrent reader
 * could still read the committed (published) row and cache it again.
 *
 * The database adapter's commit and rollback are wrapped once (withAfterCommit), so this holds for
 * every transaction, ours and Payload's own. Outside a transaction the work runs at once.
 */
const KEY = Symbol.for('newsdesk.afterCommit')
type Work = () => void | Promise<void>
type Pending = Map<string | number, Work[]>

const pending = (): Pending => {
  const holder = globalThis as unknown as Record<symbol, Pending | undefined>
  holder[KEY] ??= new Map()
  return holder[KEY]!
}

export async function afterCommit(req: PayloadRequest, work: Work): Promise<void> {
  const id = await req.transactionID
  if (id === undefined || id === null) {
    await work()
    return
  }
  const list = pending().get(id) ?? []
  list.push(work)
  pending().set(id, list)
}

type TransactionAdapter = {
  commitTransaction: (id: string | number | Promise<string | number>) => Promise<void>
  rollbackTransaction: (id: string | number | Promise<string | number>) => Promise<void>
}

/** The adapter, with commit running the work registered for that transaction, and rollback dropping it. */
export function withAfterCommit(adapterObj: DatabaseAdapterObj): DatabaseAdapterObj {
  return {
    ...adapterObj,
    init: (args) => {
      const adapter = adapterObj.init(args) as ReturnType<DatabaseAdapterObj['init']> &
        TransactionAdapter
      const commit = adapter.commitTransaction.bind(adapter)
      const rollback = adapter.rollbackTransaction.bind(adapter)
      adapter.commitTransaction = async (id) => {
        const key = await id
        await commit(key)
        const work = pending().get(key) ?? []
        pending().delete(key)
        // In order, and awaited: whoever committed (a request) answers once they are done.
        for (const one of work) await one()
      }
      adapter.rollbackTransaction = async (id) => {
        const key = await id
        pending().delete(key)
        await rollback(key)
      }
      return adapter
    },
  }
}
