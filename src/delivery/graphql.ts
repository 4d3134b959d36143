/**
 * Public GraphQL reads for the delivery front, executed on Payload's own schema and resolvers
 * without the HTTP adapter around them. What the stock handler repeats on every request (clone the
 * request, read it back as JSON, parse, validate) is done here once per distinct query and kept;
 * and each query asks Payload for only the fields it names (the `select: true` argument), so a list
 * of twenty titles does not read, transform and hook twenty article bodies.
 *
 * Anything unusual (a syntax or validation error, a resolver error) is not answered here: the caller
 * falls back to Payload's handler, so errors keep Payload's exact shape and logging.
 */
import { createHash } from 'node:crypto'

import {
  execute,
  Kind,
  parse,
  print,
  specifiedRules,
  validate,
  type ArgumentNode,
  type DocumentNode,
  type FieldNode,
  type GraphQLError,
  type GraphQLSchema,
  type ValidationRule,
} from 'graphql'
import { LRUCache } from 'lru-cache'
import {
  createPayloadRequest,
  formatNames,
  toWords,
  type Payload,
  type PayloadRequest,
  type SanitizedConfig,
} from 'payload'

import { configToSchema } from '@payloadcms/graphql'

import { dependsOn, PUBLIC_CONTENT } from './dependencies'
import { COUNT_NOT_ASKED } from './limits'
import { readModelDocument } from './readModel'

type PayloadGraphql = {
  schema: GraphQLSchema
  validationRules: (args: { variableValues: Record<string, unknown> }) => ValidationRule[]
}

/**
 * Payload's route handler keeps the schema it builds on `global._payload_graphql`; sharing that
 * holder means the process builds (and holds) the schema once, whichever path asks first.
 *
 * That holder is Payload's private detail (@payloadcms/next, routes/graphql/handler.js), not an
 * API: an upgrade may rename or reshape it. Were it to change, each path would silently build a
 * schema of its own, twice the memory and start-up work. tests/int/delivery-graphql.test.ts
 * ("should share Payload's own schema") fails then, and this is the place to follow the change.
 */
export function payloadGraphql(config: SanitizedConfig): PayloadGraphql {
  const holder = globalThis as unknown as {
    _payload_graphql?: { graphql: PayloadGraphql | null; promise: Promise<PayloadGraphql> | null }
  }
  holder._payload_graphql ??= { graphql: null, promise: null }
  holder._payload_graphql.graphql ??= configToSchema(config) as unknown as PayloadGraphql
  readSinglesFromModel(holder._payload_graphql.graphql, config)
  return holder._payload_graphql.graphql
}

/** Marks a request as a public read through the front (executePublicRead). */
const PUBLIC_READ = 'newsdeskPublicRead'
type Resolver = (
  source: unknown,
  args: Record<string, unknown>,
  context: any,
  info: unknown,
) => unknown
const WRAPPED = Symbol.for('newsdesk.graphqlReadModel')

/**
 * Single-document queries (`Article(id: …)`) of a public read resolve their document from the
 * published read model, as Payload's own resolver would at depth 0; its relationships then resolve
 * as always. Only for public reads through the front, with no argument but the id (and the
 * `select` the front adds): anything else, and Payload's own handler, run Payload's resolver.
 */
function readSinglesFromModel(graphql: PayloadGraphql, config: SanitizedConfig) {
  const fields = graphql.schema.getQueryType()?.getFields() as
    (Record<string, { resolve?: Resolver }> & { [WRAPPED]?: true }) | undefined
  if (!fields || fields[WRAPPED]) return
  fields[WRAPPED] = true
  for (const collection of config.collections) {
    if (!PUBLIC_CONTENT.includes(collection.slug)) continue
    // The query's name as @payloadcms/graphql makes it (initCollections).
    const named = (collection.graphQL || {}) as { singularName?: string }
    const name = named.singularName
      ? toWords(named.singularName, true)
      : formatNames(collection.slug).singular
    const field = fields[name]
    const original = field?.resolve
    if (!field || !original) continue
    const fromModel: Resolver = async (source, args, context, info) => {
      const req = context?.req as PayloadRequest | undefined
      const plain = Object.keys(args).every(
        (arg) => arg === 'id' || arg === 'select' || (arg === 'draft' && !args.draft),
      )
      if (req?.context?.[PUBLIC_READ] && !req.user && plain && args.id !== undefined) {
        const stored = await readModelDocument(req.payload, collection.slug, args.id as string)
        if (stored) {
          dependsOn(stored.tags)
          return JSON.parse(stored.body)
        }
      }
      return original(source, args, context, info)
    }
    field.resolve = fromModel
  }
}

const argument = (name: string, value: boolean): ArgumentNode => ({
  kind: Kind.ARGUMENT,
  name: { kind: Kind.NAME, value: name },
  value: { kind: Kind.BOOLEAN, value },
})

/** What a paginated list answers besides its documents: the ones that need the total counted. */
const PAGE_FIELDS = new Set([
  'totalDocs',
  'totalPages',
  'page',
  'pagingCounter',
  'hasPrevPage',
  'hasNextPage',
  'prevPage',
  'nextPage',
  'limit',
])

/** Whether a list's selection may read a page field (a fragment may, so it counts as asking). */
const asksForPageFields = (field: FieldNode) =>
  field.selectionSet?.selections.some(
    (selection) => selection.kind !== Kind.FIELD || PAGE_FIELDS.has(selection.name.value),
  ) ?? false

/**
 * Rewrites each top-level query field to ask Payload for no more than the query needs:
 * - `select: true` (unless the query sets `select` itself): Payload reads only the named fields;
 * - no `draft` argument: public reads are of what is live;
 * - on lists, `pagination: false` when no page field (totalDocs, hasNextPage…) is asked for, so no
 *   count is run, and `pagination: true` when one is. Reads through the front carry
 *   COUNT_NOT_ASKED, which lets publicReadLimits keep the first; the page size stays clamped.
 */
export function selectOnlyWhatIsAsked(document: DocumentNode, schema: GraphQLSchema): DocumentNode {
  const rootFields = schema.getQueryType()?.getFields() ?? {}
  const rewrite = (field: FieldNode): FieldNode => {
    const takes = new Set(rootFields[field.name.value]?.args.map((arg) => arg.name) ?? [])
    // The public has no drafts: `draft: true` reads what is live, as it does without it (with it,
    // Payload would look among the newest revisions and find a live item's pending draft instead).
    const args = (field.arguments ?? []).filter((arg) => arg.name.value !== 'draft')
    const has = (name: string) => args.some((arg) => arg.name.value === name)
    if (takes.has('select') && !has('select')) args.push(argument('select', true))
    if (takes.has('pagination')) {
      const kept = args.filter((arg) => arg.name.value !== 'pagination')
      return { ...field, arguments: [...kept, argument('pagination', asksForPageFields(field))] }
    }
    return { ...field, arguments: args }
  }
  return {
    ...document,
    definitions: document.definitions.map((definition) => {
      if (definition.kind !== Kind.OPERATION_DEFINITION || definition.operation !== 'query')
        return definition
      const selections = definition.selectionSet.selections.map((selection) =>
        selection.kind === Kind.FIELD ? rewrite(selection) : selection,
      )
      return { ...definition, selectionSet: { ...definition.selectionSet, selections } }
    }),
  }
}

/**
 * Parsed, validated and rewritten documents; `invalid` marks a query Payload's handler must answer.
 * Bounded by an estimate of bytes (a parsed document is several times its text), so distinct large
 * queries cannot grow it without limit.
 */
const prepared = new LRUCache<string, Prepared>({
  max: 1000,
  maxSize: 32 * 1024 * 1024,
  sizeCalculation: (_entry, key) => key.length * 10 + 100,
})

type Prepared = { document: DocumentNode } | { invalid: true } | { writes: true }

function prepare(
  graphql: PayloadGraphql,
  query: string,
  variables: Record<string, unknown>,
): Prepared {
  // The complexity rule reads the variables (a list's `limit` may be one), so they are part of the key.
  const key = `${query}\u0000${JSON.stringify(variables)}`
  let entry = prepared.get(key)
  if (!entry) {
    entry = parseAndCheck(graphql, query, variables)
    prepared.set(key, entry)
  }
  return entry
}

function parseAndCheck(
  graphql: PayloadGraphql,
  query: string,
  variables: Record<string, unknown>,
): Prepared {
  let document: DocumentNode
  try {
    document = parse(query)
  } catch {
    return { invalid: true }
  }
  if (
    document.definitions.some(
      (d) => d.kind === Kind.OPERATION_DEFINITION && d.operation !== 'query',
    )
  )
    return { writes: true }
  const errors = validate(graphql.schema, document, [
    ...specifiedRules,
    ...graphql.validationRules({ variableValues: variables }),
  ])
  return errors.length
    ? { invalid: true }
    : { document: selectOnlyWhatIsAsked(document, graphql.schema) }
}

/**
 * The documents' normal forms' hashes, by their text: the same query written with other spacing,
 * line breaks or comments is one cache entry.
 */
const normalForms = new LRUCache<string, string>({
  max: 5000,
  maxSize: 16 * 1024 * 1024,
  sizeCalculation: (_hash, query) => query.length + 64,
})

function normalFormHash(query: string): string {
  let hash = normalForms.get(query)
  if (!hash) {
    let text = query
    try {
      text = print(parse(query))
    } catch {
      // Not GraphQL: it keys as written, and Payload's handler answers it.
    }
    hash = createHash('sha256').update(text).digest('base64url')
    normalForms.set(query, hash)
  }
  return hash
}

/** Sorted keys at every depth, so {a, b} and {b, a} are the same variables. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) =>
      a < b ? -1 : a > b ? 1 : 0,
    )
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`
  }
  return JSON.stringify(value) ?? 'null'
}

/** The public cache's key for a GraphQL read, whatever way it was sent. */
export const graphqlCacheKey = (read: GraphqlRead) =>
  `graphql:${normalFormHash(read.query)}:${stableJson(read.variables)}:${read.operationName ?? ''}`

export type GraphqlRead = {
  query: string
  variables: Record<string, unknown>
  operationName?: string
}

/**
 * Runs a public read. Returns its response body (with `failed` when the result carries errors,
 * shaped and logged as Payload's handler does, so the query is not run a second time there);
 * `writes` for a mutation or subscription, which a GET never runs; or null when Payload's own
 * handler should answer an invalid query, for its validation messages.
 */
export async function executePublicRead(
  config: SanitizedConfig,
  request: Request,
  read: GraphqlRead,
): Promise<{ body: string; failed?: true } | { writes: true } | null> {
  const graphql = payloadGraphql(config)
  const entry = prepare(graphql, read.query, read.variables)
  if ('writes' in entry) return entry
  if ('invalid' in entry) return null
  // The request goes through Payload as any other: API-key authentication, the request
  // dataloader that batches relationship look-ups, access control on every collection.
  const req = await createPayloadRequest({ config, request, canSetHeaders: true })
  req.context[COUNT_NOT_ASKED] = true
  req.context[PUBLIC_READ] = true
  const result = await execute({
    schema: graphql.schema,
    document: entry.document,
    contextValue: { req, headers: {} },
    variableValues: read.variables,
    operationName: read.operationName,
  })
  if (result.errors?.length) {
    const errors = result.errors.map((error) => formatError(error, req.payload))
    return { body: JSON.stringify({ errors, data: result.data ?? null }), failed: true }
  }
  return { body: JSON.stringify(result) }
}

/** An execution error as Payload's GraphQL handler shapes it: its status, and no internals unless debugging. */
function formatError(error: GraphQLError, payload: Payload) {
  const original = error.originalError as (Error & { status?: number; data?: unknown }) | undefined
  const statusCode = original?.status ?? 500
  if (statusCode >= 500)
    payload.logger.error({ err: original ?? error, msg: `GraphQL: ${error.message}` })
  const debug = Boolean(payload.config.debug)
  return {
    extensions: {
      name: original?.name,
      data: original?.data,
      stack: debug ? error.stack : undefined,
      statusCode,
    },
    locations: error.locations,
    message: !debug && statusCode === 500 ? 'Something went wrong.' : error.message,
    path: error.path,
  }
}
