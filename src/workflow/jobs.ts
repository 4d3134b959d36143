import type { Payload, PayloadRequest, TaskConfig } from 'payload'

import { withTransaction } from '../config/transaction'
import { SCHEDULER } from './decide'
import { transition } from './engine'
import type { WorkflowCollection } from './table'

/**
 * The item a timed job is about, if the time the job was queued for is still the item's time in
 * `field` (on its latest revision); null when it was rescheduled, cleared, or the item is gone.
 */
export async function loadIfStillDue(
  req: PayloadRequest,
  collection: WorkflowCollection,
  id: string,
  field: string,
  at: string,
): Promise<Record<string, any> | null> {
  const doc = (await req.payload.findByID({
    collection,
    id,
    draft: true,
    depth: 0,
    req,
    overrideAccess: true,
    disableErrors: true,
  })) as Record<string, any> | null
  const due = doc?.[field] ? new Date(doc[field]).toISOString() : null
  return doc && due === at ? doc : null
}

/**
 * Carries out a scheduled publication or withdrawal as the scheduler. A job whose time no longer
 * matches the item (rescheduled, or already done by hand) does nothing.
 */
export const workflowScheduledTask: TaskConfig<'workflowScheduled'> = {
  slug: 'workflowScheduled',
  label: '定时发布/撤稿 (scheduled workflow action)',
  retries: 3,
  inputSchema: [
    { name: 'collection', type: 'text', required: true },
    { name: 'id', type: 'text', required: true },
    { name: 'action', type: 'text', required: true },
    { name: 'at', type: 'text', required: true },
    // The reason given when the action was scheduled (a withdrawal needs one).
    { name: 'comment', type: 'text' },
  ],
  handler: async ({ input, req }) => {
    const collection = input.collection as WorkflowCollection
    const field = input.action === 'publish' ? 'publishAt' : 'withdrawAt'
    return withTransaction(
      req.payload,
      async () => {
        if (!(await loadIfStillDue(req, collection, input.id, field, input.at))) {
          return { output: { skipped: true } }
        }
        await transition(
          req,
          { collection, id: input.id, action: input.action, comment: input.comment ?? undefined },
          { actor: SCHEDULER },
        )
        return { output: { skipped: false } }
      },
      { req },
    )
  },
}

const RUNNER = Symbol.for('newsdesk.jobRunner')

/**
 * One Payload instance per process runs the queue: `npm run dev`/`npm start` boot one in
 * src/server.ts and Next boots another for the admin, and both would otherwise pick up the same jobs.
 */
export function claimJobRunner(payload: Payload): boolean {
  const holder = globalThis as unknown as Record<symbol, Payload | undefined>
  holder[RUNNER] ??= payload
  return holder[RUNNER] === payload && process.env.NEWSDESK_JOBS !== 'off'
}
