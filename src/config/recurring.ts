/**
 * Jobs that run once a day at a fixed hour of the office's day (China time): the next run's time,
 * and queueing the first run when the server starts and none is waiting. Each task queues its own
 * next run when it finishes.
 */
import type { Payload } from 'payload'

const CHINA_OFFSET_MS = 8 * 3600_000

/** The next time it is `hour`:00 in China after `from`. */
export function nextChinaHour(hour: number, from = new Date()): Date {
  const china = new Date(from.getTime() + CHINA_OFFSET_MS)
  const next = new Date(
    Date.UTC(china.getUTCFullYear(), china.getUTCMonth(), china.getUTCDate(), hour),
  )
  if (next.getTime() <= china.getTime()) next.setUTCDate(next.getUTCDate() + 1)
  return new Date(next.getTime() - CHINA_OFFSET_MS)
}

type DailyTask = 'siteHealthDaily' | 'linkCheckNightly'

/** Queues a daily task for its next hour, on the workflow queue. */
export async function queueDaily(
  payload: Payload,
  task: DailyTask,
  hour: number,
  req?: Parameters<Payload['jobs']['queue']>[0]['req'],
) {
  await payload.jobs.queue({
    task,
    queue: 'workflow',
    input: { repeat: true },
    waitUntil: nextChinaHour(hour),
    ...(req ? { req } : {}),
  })
}

/** Queues a daily task unless a run of it is already waiting (each server start calls this). */
export async function ensureDaily(payload: Payload, task: DailyTask, hour: number) {
  const { totalDocs } = await payload.count({
    collection: 'payload-jobs',
    where: {
      and: [
        { taskSlug: { equals: task } },
        { completedAt: { exists: false } },
        { hasError: { not_equals: true } },
      ],
    },
    overrideAccess: true,
  })
  if (totalDocs === 0) await queueDaily(payload, task, hour)
}
