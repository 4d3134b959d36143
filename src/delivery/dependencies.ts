/**
 * What a cached public response depends on, recorded while it renders.
 *
 * A render runs inside `trackDependencies`. Every read Payload makes for it (the document asked
 * for, the documents its relationships and computed fields load, the lists it runs) passes through
 * the `recordRead` hook, which notes a tag in the render's set:
 * - `doc:<collection>:<id>` for a read of named documents (by id, or `where: { id: { in } }` as
 *   Payload's dataloader asks), whether or not access lets the document through: a draft that is
 *   published later changes the answer too;
 * - `list:<collection>` for any other query, whose answer a new or withdrawn document may change;
 * - `*` when the render reads something the hooks cannot see (a custom endpoint's own query).
 *
 * A change to a document then drops only the entries that name it or list its collection
 * (delivery/cache.ts). The store lives on globalThis: Next's bundle and the server load separate
 * copies of this module, and the hook of either must write to the render the front started.
 */
import { AsyncLocalStorage } from 'node:async_hooks'

import type { CollectionBeforeOperationHook, Config, Where } from 'payload'

/** The content collections downstream sites read. */
export const PUBLIC_CONTENT = ['articles', 'photos', 'projects', 'data-sources', 'columns']

export const EVERYTHING = '*'
export const docTag = (collection: string, id: number | string) => `doc:${collection}:${id}`
export const listTag = (collection: string) => `list:${collection}`

/** The tags a change to this document invalidates. */
export const changeTags = (collection: string, id: number | string) => [
  docTag(collection, id),
  listTag(collection),
]

const KEY = Symbol.for('newsdesk.renderDependencies')

function store(): AsyncLocalStorage<Set<string>> {
  const holder = globalThis as unknown as Record<symbol, AsyncLocalStorage<Set<string>>>
  holder[KEY] ??= new AsyncLocalStorage<Set<string>>()
  return holder[KEY]
}

/** Runs a render and returns its result with the tags of everything it read. */
export async function trackDependencies<T>(
  render: () => Promise<T>,
): Promise<{ result: T; tags: Set<string> }> {
  const tags = new Set<string>()
  const result = await store().run(tags, render)
  return { result, tags }
}

/** Notes tags on the render under way (if any), for reads the hooks do not see. */
export function dependsOn(tags: string[]) {
  const render = store().getStore()
  for (const tag of tags) render?.add(tag)
}

/** The ids a where names when it only picks documents by id (`equals` or `in`), else undefined. */
export function idsNamed(where: Where | undefined): (number | string)[] | undefined {
  if (!where) return undefined
  const keys = Object.keys(where)
  if (keys.length === 1 && keys[0] === 'and' && Array.isArray(where.and)) {
    // Payload combines the dataloader's id list with access constraints under `and`.
    for (const part of where.and) {
      const ids = idsNamed(part)
      if (ids) return ids
    }
    return undefined
  }
  if (keys.length !== 1 || keys[0] !== 'id') return undefined
  const condition = where.id as Record<string, unknown> | undefined
  if (!condition || typeof condition !== 'object') return undefined
  if ('equals' in condition) return [condition.equals as number | string]
  if ('in' in condition) {
    const list = condition.in
    if (Array.isArray(list)) return list as (number | string)[]
    if (typeof list === 'string') return list.split(',')
  }
  return undefined
}

/**
 * A join field's answer (a project's related articles) is a query on the other collection, run
 * inside the database read: `join:<collection>:<on>:<id>` names the documents of `collection` whose
 * `on` field points at document `id`, and a change to such a document drops it (joinTagsOf).
 */
export const joinTag = (collection: string, on: string, id: number | string) =>
  `join:${collection}:${on}:${id}`

type JoinField = { type: string; collection?: string | string[]; on?: string }

const joinsOf = (collection: { flattenedFields?: unknown[] }) =>
  ((collection.flattenedFields ?? []) as JoinField[]).filter((field) => field.type === 'join')

/** The beforeOperation hook that notes each read in the render under way. */
export const recordRead: CollectionBeforeOperationHook = ({ args, collection, operation }) => {
  const tags = store().getStore()
  if (!tags) return args
  const slug = collection.slug
  if (operation === 'read' || operation === 'count' || operation === 'readDistinct') {
    const id = (args as { id?: number | string }).id
    const ids = id !== undefined ? [id] : idsNamed((args as { where?: Where }).where)
    if (ids) for (const one of ids) tags.add(docTag(slug, one))
    else tags.add(listTag(slug))
    for (const join of joinsOf(collection as never)) {
      for (const joined of [join.collection ?? []].flat()) {
        if (!ids || !join.on) tags.add(listTag(joined))
        else for (const one of ids) tags.add(joinTag(joined, join.on, one))
      }
    }
  }
  return args
}

/** The ids a relationship value holds: an id, a populated document, or a list of either. */
function idsIn(value: unknown): (number | string)[] {
  if (value === null || value === undefined) return []
  if (Array.isArray(value)) return value.flatMap(idsIn)
  if (typeof value === 'number' || typeof value === 'string') return [value]
  if (typeof value === 'object') {
    const object = value as { id?: unknown; value?: unknown }
    // A polymorphic relationship is { relationTo, value }.
    if ('value' in object) return idsIn(object.value)
    if (typeof object.id === 'number' || typeof object.id === 'string') return [object.id]
  }
  return []
}

/**
 * The join tags a change to a document of `collection` invalidates: for every join field anywhere
 * that lists this collection, the documents the changed one points at, before and after.
 */
export function joinTagsOf(
  collections: { slug: string; flattenedFields?: unknown[] }[],
  collection: string,
  docs: (Record<string, unknown> | undefined | null)[],
): string[] {
  const tags: string[] = []
  for (const other of collections) {
    for (const join of joinsOf(other)) {
      if (![join.collection ?? []].flat().includes(collection) || !join.on) continue
      for (const doc of docs) {
        const value = join.on
          .split('.')
          .reduce<unknown>(
            (at, key) =>
              at && typeof at === 'object' ? (at as Record<string, unknown>)[key] : undefined,
            doc ?? undefined,
          )
        for (const id of idsIn(value)) tags.push(joinTag(collection, join.on, id))
      }
    }
  }
  return tags
}

/** Puts recordRead on the collections downstream sites read. */
export function trackPublicReads(collections: string[]) {
  return (config: Config): Config => {
    for (const collection of config.collections ?? []) {
      if (!collections.includes(collection.slug)) continue
      collection.hooks ??= {}
      collection.hooks.beforeOperation = [recordRead, ...(collection.hooks.beforeOperation ?? [])]
    }
    return config
  }
}
