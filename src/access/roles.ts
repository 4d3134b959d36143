import type { Access, FieldAccess } from 'payload'

/** Staff roles, most powerful first. The order is the only ranking in the product. */
export const ROLES = ['admin', 'chief-editor', 'reviewer', 'editor', 'photographer'] as const
export type Role = (typeof ROLES)[number]

export const ROLE_LABELS: Record<Role, { zh: string; en: string }> = {
  admin: { zh: '系统管理员', en: 'Administrator' },
  'chief-editor': { zh: '总编辑', en: 'Chief editor' },
  reviewer: { zh: '审核员', en: 'Reviewer' },
  editor: { zh: '编辑', en: 'Editor' },
  photographer: { zh: '摄影记者', en: 'Photographer' },
}

type UserLike = { id?: number | string; roles?: unknown; collection?: string } | null | undefined

/** Roles of a logged-in staff user; API clients and anonymous readers have none. */
export function rolesOf(user: UserLike): Role[] {
  if (!user || (user.collection && user.collection !== 'users')) return []
  const roles = Array.isArray(user.roles) ? user.roles : []
  return roles.filter((role): role is Role => (ROLES as readonly string[]).includes(role as string))
}

export const hasRole = (user: UserLike, ...wanted: Role[]): boolean =>
  rolesOf(user).some((role) => wanted.includes(role))

export const isStaffUser = (user: UserLike): boolean => rolesOf(user).length > 0

export const isAdminUser = (user: UserLike): boolean => hasRole(user, 'admin')

// Collection-level policies.
export const isStaff: Access = ({ req }) => isStaffUser(req.user)
export const isAdmin: Access = ({ req }) => isAdminUser(req.user)
export const nobody: Access = () => false

// Field-level policies.
export const adminOnlyField: FieldAccess = ({ req }) => isAdminUser(req.user)
export const staffOnlyField: FieldAccess = ({ req }) => isStaffUser(req.user)
