/**
 * The engine's context on a request: the flag that marks a write as the workflow engine's (the only
 * writer of the workflow fields and of engine-only rows), and what the engine reads about versions.
 */
import type { Access, PayloadRequest } from 'payload'

/** Set on `req.context` by the engine alone: the only writer of the workflow fields. */
export const WORKFLOW_CONTEXT = 'newsdeskWorkflow'

export const byWorkflowEngine = (req: PayloadRequest) => req.context?.[WORKFLOW_CONTEXT] === true

/** Runs `work` as the engine (so the workflow fields and engine-only rows may be written), then restores the flag. */
export async function asEngine<T>(req: PayloadRequest, work: () => Promise<T>): Promise<T> {
  const previous = req.context[WORKFLOW_CONTEXT]
  req.context[WORKFLOW_CONTEXT] = true
  try {
    return await work()
  } finally {
    req.context[WORKFLOW_CONTEXT] = previous
  }
}

/**
 * The id of a document's newest version (the one a transition just wrote): latestVersion's query
 * without the author, for the hot path of recording every event.
 */
export async function latestVersionId(
  req: PayloadRequest,
  collection: string,
  id: number | string,
): Promise<string | null> {
  const { docs } = await req.payload.findVersions({
    collection: collection as 'articles',
    where: { parent: { equals: id } },
    sort: '-updatedAt',
    limit: 1,
    depth: 0,
    select: {},
    req,
    overrideAccess: true,
  })
  return docs[0] ? String(docs[0].id) : null
}

/** A document's newest version, with who made it and when, for a 409 that names them. */
export type LatestVersion = {
  id: string
  /** When the version was written, and when its content last changed. */
  updatedAt: string
  contentUpdatedAt?: string
  /** Who made it, and when, as a person reads them. */
  by: string
  at: string
}

export async function latestVersion(
  req: PayloadRequest,
  collection: string,
  id: number | string,
): Promise<LatestVersion | null> {
  const { docs } = await req.payload.findVersions({
    collection: collection as 'articles',
    where: { parent: { equals: id } },
    sort: '-updatedAt',
    limit: 1,
    depth: 1,
    req,
    overrideAccess: true,
  })
  const latest = docs[0] as
    | {
        id: number | string
        updatedAt: string
        version?: { updatedAt?: string; lastChangedBy?: { name?: string; email?: string } | null }
      }
    | undefined
  if (!latest) return null
  const changedBy = latest.version?.lastChangedBy
  return {
    id: String(latest.id),
    updatedAt: latest.updatedAt,
    contentUpdatedAt: latest.version?.updatedAt,
    by: changedBy?.name ?? changedBy?.email ?? '定时任务或系统',
    at: new Date(latest.updatedAt).toLocaleString('zh-CN', {
      timeZone: 'Asia/Shanghai',
      hour12: false,
    }),
  }
}

/** Rows only the engine may create (events, notifications). */
export const createdByEngine: Access = ({ req }) => byWorkflowEngine(req)
