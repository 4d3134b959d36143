import type { CollectionBeforeChangeHook } from 'payload'

/**
 * The first account made on an empty database (the admin's "create first user" screen) must be able
 * to run the system, so it becomes an admin whatever roles were sent.
 */
export const firstUserIsAdmin: CollectionBeforeChangeHook = async ({ data, operation, req }) => {
  if (operation !== 'create') return data
  const { totalDocs } = await req.payload.count({ collection: 'users', req, overrideAccess: true })
  if (totalDocs === 0) return { ...data, roles: ['admin'] }
  return data
}
