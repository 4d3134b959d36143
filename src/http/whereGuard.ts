import type {
  CollectionBeforeOperationHook,
  CollectionBeforeValidateHook,
  SanitizedConfig,
} from 'payload'

import { APIError } from 'payload'

/** Operators whose value is one scalar (or, for `exists`, a boolean). */
const SCALAR = new Set([
  'equals',
  'not_equals',
  'like',
  'not_like',
  'contains',
  'greater_than',
  'greater_than_equal',
  'less_than',
  'less_than_equal',
  'exists',
])
/** Operators whose value is a list of scalars (or one scalar, or a comma-separated string). */
const LIST = new Set(['in', 'not_in', 'all'])
// Geometry operators (near, within, intersects) take GeoJSON objects: left to Payload.

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null
/**
 * What a query string can make that no scalar operator takes: a plain object (`[equals][$ne]=1`).
 * Dates, MongoDB ids and other class instances come from Payload's own calls and pass.
 */
const isPlainObject = (value: unknown) =>
  isObject(value) &&
  !Array.isArray(value) &&
  [Object.prototype, null].includes(Object.getPrototypeOf(value))
const isScalar = (value: unknown) => !isPlainObject(value) && !Array.isArray(value)

function malformed(path: string, operator: string): never {
  throw new APIError(
    `查询条件格式无效:${path} 的 ${operator} 须为单个值 (malformed query: ${path}[${operator}] must be a plain value)`,
    400,
    undefined,
    true,
  )
}

/** Walks a `where` and refuses values of the wrong shape, which the database adapter would fail on with a 500. */
export function assertWellFormedWhere(where: unknown, depth = 0): void {
  if (!isObject(where)) return
  if (depth > 20)
    throw new APIError('查询条件嵌套过深 (query nested too deeply)', 400, undefined, true)
  for (const [key, condition] of Object.entries(where)) {
    if (key === 'and' || key === 'or') {
      const branches = Array.isArray(condition)
        ? condition
        : isObject(condition)
          ? Object.values(condition)
          : []
      for (const branch of branches) assertWellFormedWhere(branch, depth + 1)
      continue
    }
    if (!isObject(condition)) continue
    for (const [operator, value] of Object.entries(condition)) {
      if (SCALAR.has(operator) && isPlainObject(value)) malformed(key, operator)
      if (LIST.has(operator)) {
        const items = Array.isArray(value)
          ? value
          : isObject(value)
            ? Object.values(value)
            : [value]
        if (!items.every(isScalar)) malformed(key, operator)
      }
    }
  }
}

const badInput = (zh: string, en: string): never => {
  throw new APIError(`${zh} (${en})`, 400, undefined, true)
}

/** Nesting depth of parsed JSON, counted without recursion (a hostile body is deeper than the stack). */
export function jsonDepth(value: unknown, limit: number): number {
  let deepest = 0
  const stack: [unknown, number][] = [[value, 1]]
  while (stack.length) {
    const [node, depth] = stack.pop()!
    if (!isObject(node)) continue
    deepest = Math.max(deepest, depth)
    if (deepest > limit) return deepest
    for (const child of Object.values(node)) if (isObject(child)) stack.push([child, depth + 1])
  }
  return deepest
}

/** The deepest a document's data may nest: a Lexical body of lists in tables stays far below. */
export const MAX_DATA_DEPTH = 64

/** An id the database could hold: digits on SQLite, 24 hex digits on MongoDB (ObjectId). */
const ID_SHAPE = { sqlite: /^\d{1,15}$/, mongodb: /^[0-9a-f]{24}$/i }

/**
 * Characters no one types on purpose and attacks use: C0 controls other than tab and line breaks,
 * zero-width space and word joiner, the byte-order mark, direction marks, embeddings, overrides and
 * isolates (Trojan Source), and lone surrogates (not text at all). Joiners (U+200C, U+200D) stay:
 * emoji and some scripts need them.
 */
const HOSTILE_CHAR =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u200B\u200E\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

/** The first string in `data` with a hostile character: where, and which. */
export function findHostileText(data: unknown): { path: string; at: number; code: string } | null {
  const stack: [unknown, string][] = [[data, '']]
  while (stack.length) {
    const [node, path] = stack.pop()!
    if (typeof node === 'string') {
      const match = HOSTILE_CHAR.exec(node)
      if (match) {
        const code = match[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')
        return { path: path || '(值)', at: Array.from(node.slice(0, match.index)).length + 1, code }
      }
    } else if (isObject(node)) {
      for (const [key, child] of Object.entries(node))
        stack.push([child, path ? `${path}.${key}` : key])
    }
  }
  return null
}

type FieldLike = { name?: string; type?: string; fields?: FieldLike[]; tabs?: FieldLike[] }

/**
 * The names a document of this collection may carry at its top level: its named fields, those in
 * rows, collapsibles and unnamed tabs, what auth and uploads add, and the password (with the
 * admin's confirmation field) an auth collection takes on create and change.
 */
const knownKeys = new WeakMap<object, Set<string>>()
function fieldNames(collection: { fields?: FieldLike[]; flattenedFields?: FieldLike[] }) {
  let names = knownKeys.get(collection)
  if (!names) {
    names = new Set(['id', 'password', 'confirm-password', '_status'])
    const walk = (fields: FieldLike[] = []) => {
      for (const field of fields) {
        if (field.name) names!.add(field.name)
        else walk([...(field.fields ?? []), ...(field.tabs ?? [])])
      }
    }
    walk(collection.fields)
    walk(collection.flattenedFields)
    knownKeys.set(collection, names)
  }
  return names
}

/**
 * What a client sends (REST, GraphQL) to the product's collections is held to their fields and to
 * text, once access has been checked (so a forbidden write is still a 403): unknown fields and
 * hostile characters are refused, naming the field and the character. The system's own writes
 * (imports, the engine) and Payload's internal collections are not second-guessed here.
 */
export const rejectUnknownAndHostile: CollectionBeforeValidateHook = ({
  data,
  req,
  collection,
}) => {
  if (!data || (req.payloadAPI !== 'REST' && req.payloadAPI !== 'GraphQL')) return data
  if (collection.slug.startsWith('payload-')) return data
  const known = fieldNames(collection as never)
  const unknown = Object.keys(data).filter((key) => !known.has(key))
  if (unknown.length)
    badInput(
      `未知字段:${unknown.slice(0, 5).join('、')}`,
      `unknown fields: ${unknown.slice(0, 5).join(', ')}`,
    )
  const hostile = findHostileText(data)
  if (hostile)
    badInput(
      `字段 ${hostile.path} 第 ${hostile.at} 个字符是不可见字符或控制字符(U+${hostile.code}),请删除后再提交`,
      `${hostile.path} contains U+${hostile.code} at character ${hostile.at}`,
    )
  return data
}

/**
 * Every operation checks the shape of what it was given before Payload does, so a malformed request
 * is the client's 400 (or 404), not a 500 from deep inside: a `where` of the wrong shape, data that
 * is not an object or nests absurdly deep, an id the database could never hold.
 */
export const rejectMalformedWhere: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  const { where, data, id } = args as { where?: unknown; data?: unknown; id?: unknown }
  if (where !== undefined && where !== null && !isObject(where))
    badInput('查询条件格式无效', 'malformed where')
  assertWellFormedWhere(where)
  if ((operation === 'create' || operation === 'update') && data !== undefined) {
    if (!isPlainObject(data)) badInput('提交的内容须为 JSON 对象', 'the body must be a JSON object')
    if (jsonDepth(data, MAX_DATA_DEPTH) > MAX_DATA_DEPTH)
      badInput(
        `提交的内容嵌套超过 ${MAX_DATA_DEPTH} 层`,
        `data nested deeper than ${MAX_DATA_DEPTH}`,
      )
  }
  if (id !== undefined && id !== null && (typeof id === 'string' || typeof id === 'number')) {
    const shape = req.payload.db.name === 'mongoose' ? ID_SHAPE.mongodb : ID_SHAPE.sqlite
    if (!shape.test(String(id)))
      throw new APIError('找不到该内容 (not found)', 404, undefined, true)
  }
  return args
}

/**
 * Puts rejectMalformedWhere first on every collection, Payload's own included: the rule is about
 * what a query is, not about any one collection's content.
 */
export function guardQueries(config: SanitizedConfig): SanitizedConfig {
  for (const collection of config.collections) {
    collection.hooks.beforeOperation = [
      rejectMalformedWhere,
      ...(collection.hooks.beforeOperation ?? []),
    ]
    collection.hooks.beforeValidate = [
      rejectUnknownAndHostile,
      ...(collection.hooks.beforeValidate ?? []),
    ]
  }
  return config
}
