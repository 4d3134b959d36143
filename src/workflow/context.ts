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

/** The id of a document's newest version (the one a transition just wrote). */
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

/** Rows only the engine may create (events, notifications). */
export const createdByEngine: Access = ({ req }) => byWorkflowEngine(req)
