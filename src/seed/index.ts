import type { Payload, PayloadRequest } from 'payload'

import { isProduction } from '../config/env'
import { withTransaction } from '../config/transaction'
import { DEMO_USERS, DEV_DEMO_PASSWORD } from './users'

export type SeedLog = (line: string) => void

export type SeedResult = {
  created: Record<string, number>
  logins: { email: string; roles: string[] }[]
  password: string
}

/**
 * Demo content for a newcomer. Idempotent: everything is looked up by a natural key (email, slug,
 * name) first, so a second run creates nothing. Runs in one transaction per call.
 */
export async function seed(payload: Payload, { log = () => {} }: { log?: SeedLog } = {}): Promise<SeedResult> {
  const password = demoPassword()
  const result = await withTransaction(payload, (req) => seedAll(payload, req, password))
  log(`seed: created ${JSON.stringify(result.created)}`)
  return result
}

async function seedAll(payload: Payload, req: PayloadRequest, password: string): Promise<SeedResult> {
  const created: Record<string, number> = {}
  const bump = (what: string) => (created[what] = (created[what] ?? 0) + 1)

  for (const user of DEMO_USERS) {
    const existing = await payload.find({
      collection: 'users',
      where: { email: { equals: user.email } },
      limit: 1,
      depth: 0,
      req,
    })
    if (existing.docs.length) continue
    await payload.create({ collection: 'users', data: { ...user, password }, req })
    bump('users')
  }

  const slug = 'huan-ying-shi-yong-newsdesk'
  const article = await payload.find({
    collection: 'articles',
    where: { slug: { equals: slug } },
    limit: 1,
    depth: 0,
    draft: true,
    req,
  })
  if (!article.docs.length) {
    await payload.create({
      collection: 'articles',
      data: { title: '欢迎使用 Newsdesk', slug, _status: 'published' },
      req,
    })
    bump('articles')
  }

  return { created, logins: DEMO_USERS.map(({ email, roles }) => ({ email, roles })), password }
}

/** Seeds only when the database has no users yet (first `npm run dev`). */
export async function seedIfEmpty(payload: Payload, options: { log?: SeedLog } = {}) {
  const { totalDocs } = await payload.count({ collection: 'users' })
  if (totalDocs > 0) return undefined
  return seed(payload, options)
}

/**
 * Demo accounts get a known password in development. In production they would be a way in, so a
 * production seed needs SEED_PASSWORD set explicitly, and it is never printed.
 */
function demoPassword(): string {
  const fromEnv = process.env.SEED_PASSWORD?.trim()
  if (fromEnv) return fromEnv
  if (isProduction()) {
    throw new Error('Refusing to seed demo accounts in production without SEED_PASSWORD set.')
  }
  return DEV_DEMO_PASSWORD
}

export function describeLogins(result: SeedResult): string {
  const lines = result.logins.map(({ email, roles }) => `  ${email.padEnd(28)} ${roles.join(', ')}`)
  return [`Demo logins (password: ${result.password}):`, ...lines].join('\n')
}
