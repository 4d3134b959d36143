/**
 * Webhooks for downstream sites: each event POSTs `{event, collection, id, slug, version,
 * publishedAt}` as JSON, signed with HMAC-SHA256 over `${timestamp}.${body}` in
 * `X-Newsdesk-Signature: sha256=<hex>` with the timestamp in `X-Newsdesk-Timestamp`. Deliveries
 * are jobs, queued in the transaction that published (so a rolled-back publish sends nothing), run
 * after it with retries and exponential backoff, and every attempt is logged. A failing receiver
 * never blocks publishing.
 */
import { createHmac } from 'node:crypto'

import type { PayloadRequest, TaskConfig } from 'payload'

import { latestVersionId } from '../workflow/context'
import type { Effect } from '../workflow/steps'
import { assertDeliverable } from './webhookTarget'

export const WEBHOOK_EVENTS = ['published', 'updated', 'withdrawn', 'corrected'] as const
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number]

export const signWebhook = (secret: string, timestamp: string, body: string) =>
  `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`

/**
 * The workflow effect: a publication is `published` the first time and `updated` after (a
 * republication after withdrawal included), a correction `corrected`, a withdrawal `withdrawn`. Queued in the transition's
 * transaction, so a rolled-back publication sends nothing.
 */
export const queueWebhooksOnTransition: Effect = async ({
  req,
  action,
  collection,
  saved,
  history,
  from,
}) => {
  if (action !== 'publish' && action !== 'withdraw' && action !== 'correct') return
  const before =
    history.events.some((event) => event.action === 'publish') || from.state === 'withdrawn'
  const event =
    action === 'correct'
      ? 'corrected'
      : action === 'withdraw'
        ? 'withdrawn'
        : before
          ? 'updated'
          : 'published'
  await queueWebhooks(req, { event, collection, doc: saved! })
}

/** Queues one delivery per enabled webhook that wants this event for this collection. */
export async function queueWebhooks(
  req: PayloadRequest,
  {
    event,
    collection,
    doc,
  }: {
    event: WebhookEvent
    collection: string
    doc: Record<string, any> & { id: number | string }
  },
) {
  const { docs: hooks } = await req.payload.find({
    collection: 'webhooks',
    where: { and: [{ enabled: { equals: true } }, { events: { contains: event } }] },
    depth: 0,
    pagination: false,
    req,
    overrideAccess: true,
  })
  // Select values cannot hold hyphens (GraphQL enums): data-sources is stored as data_sources.
  const key = collection.replace('-', '_')
  const wanted = hooks.filter(
    (hook) => !hook.collections?.length || (hook.collections as string[]).includes(key),
  )
  if (!wanted.length) return
  const version = await latestVersionId(req, collection, doc.id)
  const payload = {
    event,
    collection,
    id: String(doc.id),
    slug: doc.slug ?? null,
    version,
    publishedAt: doc.publishedDate ?? (event === 'withdrawn' ? null : new Date().toISOString()),
  }
  for (const hook of wanted) {
    await req.payload.jobs.queue({
      task: 'deliverWebhook',
      queue: 'webhooks',
      input: { webhook: String(hook.id), payload },
      req,
    })
  }
}

export const deliverWebhookTask: TaskConfig<'deliverWebhook'> = {
  slug: 'deliverWebhook',
  label: 'Webhook 投递 (webhook delivery)',
  retries: { attempts: 6, backoff: { type: 'exponential', delay: 1000 } },
  inputSchema: [
    { name: 'webhook', type: 'text', required: true },
    { name: 'payload', type: 'json', required: true },
  ],
  handler: async ({ input, req, job }) => {
    const hook = await req.payload.findByID({
      collection: 'webhooks',
      id: input.webhook,
      depth: 0,
      overrideAccess: true,
      disableErrors: true,
    })
    if (!hook || !hook.enabled) return { output: { skipped: true } }
    const event = String((input.payload as { event?: string }).event)
    const body = JSON.stringify(input.payload)
    const timestamp = String(Math.floor(Date.now() / 1000))
    const started = performance.now()
    let status: number | null = null
    let error: string | null = null
    try {
      await assertDeliverable(hook.url, hook.allowPrivateNetwork === true)
      const response = await fetch(hook.url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'User-Agent': 'Newsdesk-Webhook/1',
          'X-Newsdesk-Event': event,
          'X-Newsdesk-Timestamp': timestamp,
          'X-Newsdesk-Signature': signWebhook(hook.secret, timestamp, body),
        },
        body,
        signal: AbortSignal.timeout(10_000),
        redirect: 'manual',
      })
      status = response.status
      if (!response.ok) error = `HTTP ${response.status}`
    } catch (caught) {
      error = (caught as Error).message
    }
    await req.payload.create({
      collection: 'webhook-deliveries',
      data: {
        webhook: hook.id,
        event,
        documentId: String((input.payload as { id?: string }).id),
        attempt: (job?.totalTried ?? 0) + 1,
        status,
        ok: !error,
        durationMs: Math.round(performance.now() - started),
        error,
      },
      overrideAccess: true,
    })
    // Thrown, the job is retried with backoff; the attempt above is already logged.
    if (error) throw new Error(`webhook ${hook.url} failed: ${error}`)
    return { output: { status } }
  },
}
