/**
 * Trusted documents (what Relay and Apollo call persisted or trusted documents): with
 * GRAPHQL_TRUSTED_DOCUMENTS=on, anonymous readers and API clients may run only GraphQL documents an
 * admin has registered in `graphql-documents` (by hand, or from a downstream build's manifest with
 * `npm run documents -- import <file>`). That closes arbitrary, expensive queries on a public
 * site. Staff and the admin are not affected: their requests never reach the delivery front.
 */
import type { Payload } from 'payload'

import { sha256 } from './apq'

export const trustedDocumentsOn = () => process.env.GRAPHQL_TRUSTED_DOCUMENTS === 'on'

const KEY = Symbol.for('newsdesk.trustedDocuments')
type Registry = { loaded: number; byHash: Map<string, string> }
/** Re-read at least this often, for changes made through another instance. */
const TTL_MS = 30_000

const holder = () => globalThis as unknown as Record<symbol, Registry | undefined>

/** Forgets the registry; the next request reads it again (the collection's hooks call this). */
export function forgetTrustedDocuments() {
  holder()[KEY] = undefined
}

async function registry(payload: Payload): Promise<Map<string, string>> {
  const current = holder()[KEY]
  if (current && Date.now() - current.loaded < TTL_MS) return current.byHash
  const { docs } = await payload.find({
    collection: 'graphql-documents',
    where: { enabled: { equals: true } },
    select: { hash: true, document: true },
    pagination: false,
    depth: 0,
    overrideAccess: true,
  })
  const byHash = new Map(docs.map((doc) => [String(doc.hash), String(doc.document)]))
  holder()[KEY] = { loaded: Date.now(), byHash }
  return byHash
}

export type TrustedResult = { query: string } | { error: 'not-found' | 'not-trusted' }

/** The registered document a request names, by its hash or by its text. */
export async function resolveTrustedDocument(
  payload: Payload,
  query: string | undefined,
  hash: string | undefined,
): Promise<TrustedResult> {
  const documents = await registry(payload)
  if (query) return documents.has(sha256(query)) ? { query } : { error: 'not-trusted' }
  const stored = hash ? documents.get(hash.toLowerCase()) : undefined
  return stored ? { query: stored } : { error: 'not-found' }
}

/** One operation of a downstream build's manifest. */
export type ManifestOperation = { id?: string; name?: string; body: string }

/**
 * The operations of a manifest as the downstream build tools write it: Apollo's persisted-query
 * manifest (`{format: 'apollo-persisted-query-manifest', operations: [{id, name, body}]}`), a
 * Relay-style map (`{"<sha256>": "<document>"}`), or a plain list of documents.
 */
export function manifestOperations(manifest: unknown): ManifestOperation[] {
  if (Array.isArray(manifest))
    return manifest.filter((body) => typeof body === 'string').map((body) => ({ body }))
  if (manifest && typeof manifest === 'object') {
    const operations = (manifest as { operations?: unknown }).operations
    if (Array.isArray(operations)) {
      return operations
        .filter((op): op is ManifestOperation => typeof op?.body === 'string')
        .map((op) => ({ id: op.id, name: op.name, body: op.body }))
    }
    return Object.entries(manifest as Record<string, unknown>)
      .filter(([, body]) => typeof body === 'string')
      .map(([id, body]) => ({ id, body: body as string }))
  }
  return []
}

export type ImportReport = {
  added: number
  unchanged: number
  refused: { id?: string; name?: string; reason: string }[]
}

/**
 * Registers a manifest's documents, each under the SHA-256 of its text. An operation whose given
 * id is not that hash is refused (the client would send a hash the server does not know).
 */
export async function importManifest(
  payload: Payload,
  manifest: unknown,
  client?: string,
): Promise<ImportReport> {
  const report: ImportReport = { added: 0, unchanged: 0, refused: [] }
  for (const op of manifestOperations(manifest)) {
    const hash = sha256(op.body)
    if (op.id && op.id.toLowerCase() !== hash) {
      report.refused.push({
        id: op.id,
        name: op.name,
        reason: `id 不是文档的 SHA-256 (${hash}) (id is not the document's SHA-256)`,
      })
      continue
    }
    const { totalDocs } = await payload.count({
      collection: 'graphql-documents',
      where: { hash: { equals: hash } },
      overrideAccess: true,
    })
    if (totalDocs) {
      report.unchanged += 1
      continue
    }
    try {
      await payload.create({
        collection: 'graphql-documents',
        data: { name: op.name ?? hash.slice(0, 12), client, document: op.body, enabled: true },
        overrideAccess: true,
      })
      report.added += 1
    } catch (error) {
      report.refused.push({ id: op.id, name: op.name, reason: (error as Error).message })
    }
  }
  return report
}
