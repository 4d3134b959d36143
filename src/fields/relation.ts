export type Id = number | string

/** The id of a relationship value, populated (an object) or not (the id itself). */
export const relationId = (value: unknown): Id | null =>
  value && typeof value === 'object'
    ? ((value as { id?: Id }).id ?? null)
    : ((value as Id | undefined) ?? null)

/** Ids compare as strings: SQLite gives numbers, MongoDB strings, and requests either. */
export const sameId = (a: Id | null | undefined, b: Id | null | undefined) =>
  a != null && b != null && String(a) === String(b)
