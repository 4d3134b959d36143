import type { CollectionBeforeOperationHook, SanitizedConfig } from 'payload'

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

/** Every operation that takes a `where` checks its shape first: a malformed query is the client's 400. */
export const rejectMalformedWhere: CollectionBeforeOperationHook = ({ args }) => {
  assertWellFormedWhere((args as { where?: unknown }).where)
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
  }
  return config
}
