/**
 * The published read model: each public document's public JSON, as an anonymous reader gets it
 * from `GET /api/<collection>/<id>?depth=0|1|2`, kept in `published-documents`.
 *
 * Written only by the transitions that change what the public sees (publish, an edit of a live item,
 * correction, withdrawal, delete), in the same transaction, through invalidatePublicCache; and by
 * `npm run reindex`, which rebuilds it from scratch. Each row is rendered by Payload itself with no
 * user (so with the public's access: drafts and unpublished relations never enter), and records
 * what it read (delivery/dependencies.ts), so a change to a photo re-renders the articles showing it.
 *
 * The delivery front answers from it (readModelAnswer) a document by id or by slug, and a plain list
 * (limit, page, sort, depth), whose ids it asks Payload for in one indexed query as the public,
 * then reads the bodies in one query more. Anything else falls back to Payload's own handler.
 */
import type {
  CollectionConfig,
  CollectionSlug,
  Payload,
  PayloadRequest,
  TaskConfig,
  Where,
} from 'payload'

import { createLocalReq } from 'payload'

import { serverOnly } from '../access/internals'
import { label } from '../config/i18n'
import { withTransaction } from '../config/transaction'
import { dependsOn, docTag, listTag, PUBLIC_CONTENT, trackDependencies } from './dependencies'

export const READ_MODEL = 'published-documents'
/** The depths kept; a request for another goes to Payload. */
export const READ_MODEL_DEPTHS = [0, 1, 2] as const
/** Payload's default depth for a REST read without `depth`. */
const DEFAULT_DEPTH = 2

export const PublishedDocuments: CollectionConfig = {
  slug: READ_MODEL,
  labels: {
    singular: label('发布读模型', 'Published document'),
    plural: label('发布读模型', 'Published documents'),
  },
  admin: { hidden: true },
  access: serverOnly,
  graphQL: false,
  fields: [
    // `<collection>:<id>:<depth>`
    {
      name: 'key',
      type: 'text',
      required: true,
      unique: true,
      index: true,
      label: label('键', 'Key'),
    },
    {
      name: 'docCollection',
      type: 'text',
      required: true,
      index: true,
      label: label('集合', 'Collection'),
    },
    {
      name: 'docId',
      type: 'text',
      required: true,
      index: true,
      label: label('文档 ID', 'Document ID'),
    },
    { name: 'slug', type: 'text', index: true, label: label('别名', 'Slug') },
    { name: 'depth', type: 'number', required: true, label: label('深度', 'Depth') },
    // The response body, as Payload's REST handler writes it.
    { name: 'body', type: 'textarea', required: true, label: label('公开内容', 'Public JSON') },
    // The tags of what it read, space-separated with a space at each end, for a LIKE match.
    { name: 'dependsOn', type: 'textarea', label: label('依赖', 'Depends on') },
  ],
}

const keyOf = (collection: string, id: number | string, depth: number) =>
  `${collection}:${id}:${depth}`

type Row = { key: string; body: string; dependsOn?: string | null; docId: string; slug?: string }

/** The public JSON of one document at one depth, with what it read; null when the public cannot see it. */
async function renderPublic(
  req: PayloadRequest,
  collection: string,
  id: number | string,
  depth: number,
): Promise<{ body: string; slug?: string; tags: string[] } | null> {
  const anonymous = await createLocalReq(
    { req: { transactionID: req.transactionID, payloadAPI: 'REST' } as never },
    req.payload,
  )
  const { result, tags } = await trackDependencies(() =>
    req.payload.findByID({
      collection: collection as CollectionSlug,
      id,
      depth,
      draft: false,
      overrideAccess: false,
      disableErrors: true,
      req: anonymous,
    }),
  )
  if (!result) return null
  const slug = (result as { slug?: unknown }).slug
  return {
    body: JSON.stringify(result),
    slug: typeof slug === 'string' ? slug : undefined,
    tags: [...tags],
  }
}

/** Re-renders one document's rows (or removes them, when the public can no longer see it). */
async function refreshDocument(req: PayloadRequest, collection: string, id: number | string) {
  await req.payload.delete({
    collection: READ_MODEL as CollectionSlug,
    where: { docCollection: { equals: collection }, docId: { equals: String(id) } },
    overrideAccess: true,
    req,
  })
  for (const depth of READ_MODEL_DEPTHS) {
    const rendered = await renderPublic(req, collection, id, depth)
    if (!rendered) return
    await req.payload.create({
      collection: READ_MODEL as CollectionSlug,
      data: {
        key: keyOf(collection, id, depth),
        docCollection: collection,
        docId: String(id),
        slug: rendered.slug,
        depth,
        body: rendered.body,
        dependsOn: ` ${rendered.tags.join(' ')} `,
      } as never,
      depth: 0,
      overrideAccess: true,
      req,
    })
  }
}

/**
 * After a change the public can see, in the change's transaction: the changed document's rows are
 * rendered anew, and the rows of other documents whose public JSON read something the change touched
 * (`tags`: an article showing a changed photo, articles showing a project whose related articles
 * changed) are dropped, so nothing stale is answered, and re-rendered by a job on the workflow queue
 * within a second or two. Until then Payload answers them. A publish thus costs a few renders, not
 * one for every article that shares a project with it.
 */
export async function refreshReadModel(
  req: PayloadRequest,
  collection: string,
  id: number | string,
  tags: string[],
) {
  if (!PUBLIC_CONTENT.includes(collection)) return
  await refreshDocument(req, collection, id)
  if (!tags.length) return
  const { docs } = await req.payload.find({
    collection: READ_MODEL as CollectionSlug,
    where: { or: tags.map((tag) => ({ dependsOn: { like: ` ${tag} ` } })) },
    select: { docCollection: true, docId: true } as never,
    pagination: false,
    depth: 0,
    overrideAccess: true,
    req,
  })
  const dropped = (docs as unknown as { id: number; docCollection: string; docId: string }[])
    .filter((row) => row.docCollection !== collection || row.docId !== String(id))
    .map((row) => row.id)
  if (!dropped.length) return
  await req.payload.delete({
    collection: READ_MODEL as CollectionSlug,
    where: { id: { in: dropped } },
    overrideAccess: true,
    req,
  })
  await queueRefresh(req)
}

/** Documents one run of the refresh job renders; the rest wait for the next run. */
const REFRESH_BATCH = 50
/** How long the job waits after the change that queued it, so a burst of changes costs one run. */
const refreshDelayMs = () => Number(process.env.READ_MODEL_REFRESH_DELAY_MS ?? 2000)

/** Queues the refresh job, unless one is already waiting: it renders whatever is missing then. */
async function queueRefresh(req: PayloadRequest) {
  const waiting = await req.payload.count({
    collection: 'payload-jobs',
    where: {
      taskSlug: { equals: 'refreshReadModel' },
      completedAt: { exists: false },
      processing: { equals: false },
    },
    overrideAccess: true,
    req,
  })
  if (waiting.totalDocs) return
  await req.payload.jobs.queue({
    task: 'refreshReadModel' as never,
    queue: 'workflow',
    input: {} as never,
    waitUntil: new Date(Date.now() + refreshDelayMs()),
    req,
  })
}

/** The ids of a collection's published documents, most recently updated first. */
async function publishedIds(payload: Payload, collection: string, req: PayloadRequest) {
  const { docs } = await payload.find({
    collection: collection as CollectionSlug,
    where: { _status: { equals: 'published' } },
    select: {} as never,
    sort: '-updatedAt',
    pagination: false,
    depth: 0,
    overrideAccess: true,
    req,
  })
  return (docs as { id: number | string }[]).map((doc) => String(doc.id))
}

/** Published documents of a collection whose rows are not all there. */
async function missingDocuments(payload: Payload, collection: string, req: PayloadRequest) {
  const { docs: rows } = await payload.find({
    collection: READ_MODEL as CollectionSlug,
    where: { docCollection: { equals: collection } },
    select: { docId: true } as never,
    pagination: false,
    depth: 0,
    overrideAccess: true,
    req,
  })
  const held = new Map<string, number>()
  for (const row of rows as unknown as { docId: string }[])
    held.set(row.docId, (held.get(row.docId) ?? 0) + 1)
  return (await publishedIds(payload, collection, req)).filter(
    (id) => (held.get(id) ?? 0) < READ_MODEL_DEPTHS.length,
  )
}

/**
 * Renders the published documents whose rows a change dropped (refreshReadModel), most recently
 * updated first, REFRESH_BATCH at a time, each in a transaction of its own so that no publish waits
 * long behind it; queues itself again while any remain. A document the public cannot see (its
 * rights expired, say) renders to nothing and is tried again at the next run.
 */
export const refreshReadModelTask: TaskConfig<'refreshReadModel'> = {
  slug: 'refreshReadModel',
  label: '刷新发布读模型 (refresh the published read model)',
  retries: 3,
  inputSchema: [],
  handler: async ({ req }) => {
    let refreshed = 0
    let remaining = 0
    for (const collection of PUBLIC_CONTENT) {
      const missing = await missingDocuments(req.payload, collection, req)
      for (const id of missing) {
        if (refreshed >= REFRESH_BATCH) {
          remaining += 1
          continue
        }
        await withTransaction(req.payload, (tx) => refreshDocument(tx, collection, id), { req })
        refreshed += 1
      }
    }
    if (remaining) await queueRefresh(req)
    return { output: { refreshed, remaining } }
  },
}

/** `npm run reindex`: the read model rebuilt from every published document. */
export async function rebuildReadModel(payload: Payload, req: PayloadRequest): Promise<number> {
  await payload.delete({
    collection: READ_MODEL as CollectionSlug,
    where: { id: { exists: true } },
    overrideAccess: true,
    req,
  })
  let count = 0
  for (const collection of PUBLIC_CONTENT) {
    for (const id of await publishedIds(payload, collection, req)) {
      await refreshDocument(req, collection, id)
      count += 1
    }
  }
  return count
}

type Answer = { status: number; body: Buffer; contentType: string }

const tagsOf = (rows: Row[]) =>
  rows.flatMap((row) => (row.dependsOn ?? '').split(' ').filter(Boolean))

/** The depth a request names, when it is one the read model keeps. */
function depthOf(params: URLSearchParams): number | undefined {
  const raw = params.get('depth')
  if (raw === null) return DEFAULT_DEPTH
  if (!/^\d$/.test(raw)) return undefined
  const depth = Number(raw)
  return (READ_MODEL_DEPTHS as readonly number[]).includes(depth) ? depth : undefined
}

const only = (params: URLSearchParams, allowed: string[]) =>
  [...params.keys()].every((name) => allowed.includes(name))

/** The rows a where picks (by key, or by slug), their bodies and what they read. */
async function rows(payload: Payload, where: Where): Promise<Row[]> {
  const { docs } = await payload.find({
    collection: READ_MODEL as CollectionSlug,
    where,
    select: { key: true, body: true, dependsOn: true, docId: true } as never,
    pagination: false,
    depth: 0,
    overrideAccess: true,
  })
  return docs as unknown as Row[]
}

const byKeys = (keys: string[]): Where => ({ key: { in: keys } })

/** A 200 answer, its dependencies noted on the render under way (delivery/dependencies.ts). */
function json(body: string, tags: string[]): Answer {
  dependsOn(tags)
  return { status: 200, body: Buffer.from(body), contentType: 'application/json' }
}

/** A paginated list's body: the documents, then the page's fields in the order Payload writes them. */
const listBody = (bodies: string[], page: Record<string, unknown>) =>
  `{"docs":[${bodies.join(',')}],${JSON.stringify(page).slice(1)}`

/** One document's public JSON at depth 0 (what GraphQL resolves from) and what it read, if held. */
export async function readModelDocument(
  payload: Payload,
  collection: string,
  id: number | string,
): Promise<{ body: string; tags: string[] } | undefined> {
  const [row] = await rows(payload, byKeys([keyOf(collection, id, 0)]))
  return row ? { body: row.body, tags: [docTag(collection, id), ...tagsOf([row])] } : undefined
}

/**
 * The answer to a public REST read from the read model, or undefined for Payload to answer: a
 * document by id, by `where[slug][equals]`, or a plain list. Only what the model holds is answered
 * here; a document it does not hold (not published, or a model not yet built) goes to Payload.
 */
export async function readModelAnswer(payload: Payload, url: URL): Promise<Answer | undefined> {
  const parts = url.pathname.split('/').filter(Boolean)
  const collection = parts[1]
  if (parts[0] !== 'api' || !collection || !PUBLIC_CONTENT.includes(collection)) return undefined
  const params = url.searchParams
  const depth = depthOf(params)
  if (depth === undefined) return undefined

  if (parts.length === 3) {
    if (!only(params, ['depth'])) return undefined
    const id = decodeURIComponent(parts[2]!)
    const [row] = await rows(payload, byKeys([keyOf(collection, id, depth)]))
    if (!row) return undefined
    return json(row.body, [docTag(collection, id), ...tagsOf([row])])
  }
  if (parts.length !== 2) return undefined

  const slug = params.get('where[slug][equals]')
  if (slug !== null) {
    if (!only(params, ['where[slug][equals]', 'limit', 'depth'])) return undefined
    const limit = Number(params.get('limit') ?? 10)
    if (!Number.isInteger(limit) || limit < 1 || limit > 100) return undefined
    const found = await rows(payload, {
      docCollection: { equals: collection },
      slug: { equals: slug },
      depth: { equals: depth },
    })
    if (found.length !== 1) return undefined
    const body = listBody([found[0]!.body], {
      totalDocs: 1,
      limit,
      totalPages: 1,
      page: 1,
      pagingCounter: 1,
      hasPrevPage: false,
      hasNextPage: false,
      prevPage: null,
      nextPage: null,
    })
    return json(body, [listTag(collection), docTag(collection, found[0]!.docId), ...tagsOf(found)])
  }

  if (!only(params, ['limit', 'page', 'sort', 'depth'])) return undefined
  // The ids, as the public's own list query: its access, its limits, its sort, an indexed read.
  const req = await createLocalReq({ req: { payloadAPI: 'REST' } as never }, payload)
  let page: Awaited<ReturnType<typeof payload.find>>
  try {
    page = await payload.find({
      collection: collection as CollectionSlug,
      limit: params.has('limit') ? Number(params.get('limit')) : undefined,
      page: params.has('page') ? Number(params.get('page')) : undefined,
      sort: params.get('sort') ?? undefined,
      select: {} as never,
      depth: 0,
      draft: false,
      overrideAccess: false,
      req,
    })
  } catch {
    // A sort or page the public may not ask for: Payload's handler gives its own error.
    return undefined
  }
  const ids = (page.docs as { id: number | string }[]).map((doc) => doc.id)
  const keys = ids.map((id) => keyOf(collection, id, depth))
  const found = new Map((await rows(payload, byKeys(keys))).map((row) => [row.key, row]))
  const ordered = keys.map((key) => found.get(key))
  if (ordered.some((row) => !row)) return undefined
  const { docs: _, ...meta } = page
  const body = listBody(
    ordered.map((row) => row!.body),
    meta,
  )
  return json(body, [
    listTag(collection),
    ...ids.map((id) => docTag(collection, id)),
    ...tagsOf(ordered as Row[]),
  ])
}
