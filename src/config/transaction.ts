import type { Payload, PayloadRequest, TypedUser } from 'payload'

import { commitTransaction, createLocalReq, initTransaction, killTransaction } from 'payload'

/**
 * Runs `work` in one database transaction: every Payload call that is handed the `req` commits
 * together or not at all. Returns what `work` returns.
 */
export async function withTransaction<T>(
  payload: Payload,
  work: (req: PayloadRequest) => Promise<T>,
  { user, req: outer }: { user?: TypedUser; req?: PayloadRequest } = {},
): Promise<T> {
  // Inside a caller's transaction, join it: the caller commits or rolls back the whole.
  const req = outer ?? (await createLocalReq({ user }, payload))
  const started = await initTransaction(req)
  try {
    const result = await work(req)
    if (started) await commitTransaction(req)
    return result
  } catch (error) {
    if (started) await killTransaction(req)
    throw error
  }
}
