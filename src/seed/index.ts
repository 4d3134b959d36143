import fs from 'node:fs'
import path from 'node:path'

import type { Payload, PayloadRequest } from 'payload'

import { passwordProblem } from '../access/passwordPolicy'

import { isProduction } from '../config/env'
import { projectRoot } from '../config/root'
import { withTransaction } from '../config/transaction'
import { importArticle } from '../import/importArticle'
import { parseArticleText } from '../import/parse'
import {
  DEMO_COLUMNS,
  DEMO_FIGURES,
  DEMO_OFFICE,
  DEMO_OFFICIALS,
  DEMO_PROJECTS,
  DEMO_WORDING_RULES,
  FEATURE_FILE,
} from './demo'
import { placeholderJpeg } from './placeholder'
import { DEMO_USERS, DEV_DEMO_PASSWORD } from './users'

export type SeedLog = (line: string) => void

export type SeedResult = {
  created: Record<string, number>
  logins: { email: string; roles: string[] }[]
  password: string
}

export const FEATURE_PATH = path.join(projectRoot(), 'src', 'seed', 'content', FEATURE_FILE)

/**
 * Demo content for a newcomer: a user per role, the fixture feature imported and published with
 * its projects, data source and placeholder photos. Idempotent: everything is looked up by a natural
 * key (email, caption, name, office, title) first, so a second run creates nothing. One transaction.
 */
export async function seed(
  payload: Payload,
  { log = () => {} }: { log?: SeedLog } = {},
): Promise<SeedResult> {
  const password = demoPassword()
  const created: Record<string, number> = {}
  const count = (what: string) => (created[what] = (created[what] ?? 0) + 1)
  await withTransaction(payload, async (req) => {
    await seedUsers(payload, req, password, count)
    await seedProofLists(payload, req, count)
    await seedContent(payload, req, count)
  })
  log(`seed: created ${JSON.stringify(created)}`)
  return { created, logins: DEMO_USERS.map(({ email, roles }) => ({ email, roles })), password }
}

type Count = (what: string) => void

async function seedUsers(payload: Payload, req: PayloadRequest, password: string, count: Count) {
  for (const user of DEMO_USERS) {
    const { totalDocs } = await payload.count({
      collection: 'users',
      where: { email: { equals: user.email } },
      req,
    })
    if (totalDocs) continue
    await payload.create({ collection: 'users', data: { ...user, password }, req })
    count('users')
  }
}

async function seedContent(payload: Payload, req: PayloadRequest, count: Count) {
  const text = fs.readFileSync(FEATURE_PATH, 'utf8')
  const parsed = parseArticleText(text)
  const existing = await payload.count({
    collection: 'articles',
    where: { title: { equals: parsed.title } },
    req,
  })
  if (existing.totalDocs) return

  const editor = await userByEmail(payload, req, 'editor@newsdesk.local')
  const photographer = await userByEmail(payload, req, 'photo@newsdesk.local')
  const captions = parsed.blocks.flatMap((block) =>
    block.type === 'photoSlot' ? [block.caption] : [],
  )
  const columns = await seedColumns(payload, req, count)
  await seedPhotos(payload, req, captions, photographer?.id, count, columns['图片新闻'])
  const projectIds = await seedProjects(payload, req, count)
  await seedDataSource(payload, req, projectIds, count)

  // The feature goes through the importer, as an editor's file would, then is published.
  const source = { bytes: Buffer.from(text, 'utf8'), name: FEATURE_FILE }
  const imported = await importArticle(payload, source, { authorId: editor?.id, req })
  count('articles')
  const cover = await payload.find({
    collection: 'photos',
    where: { caption: { equals: '兰州宏彬年产20万吨负极材料项目生产车间' } },
    limit: 1,
    depth: 0,
    req,
  })
  await payload.update({
    collection: 'articles',
    id: imported.id,
    data: {
      projects: Object.values(projectIds),
      coverPhoto: cover.docs[0]?.id,
      byline: '兰州新区融媒体中心',
      topics: ['三抓三促', '招商引资', '新材料'],
      primaryColumn: columns['园区动态'],
      columns: columns['招商引资'] ? [columns['招商引资']] : [],
      publishedDate: '2023-06-30T08:00:00.000Z',
      createdBy: editor?.id,
      _status: 'published',
    },
    req,
  })
}

/** The columns of a typical development-zone site, with the update cadences inspections expect. */
async function seedColumns(payload: Payload, req: PayloadRequest, count: Count) {
  const ids: Record<string, number> = {}
  for (const column of DEMO_COLUMNS) {
    const found = await payload.find({
      collection: 'columns',
      where: { name: { equals: column.name } },
      limit: 1,
      depth: 0,
      draft: true,
      req,
    })
    if (found.docs[0]) {
      ids[column.name] = found.docs[0].id as number
      continue
    }
    const doc = await payload.create({
      collection: 'columns',
      data: {
        name: column.name,
        kind: column.kind,
        order: column.order,
        cadenceDays: column.cadenceDays,
        parent: column.parent ? ids[column.parent] : undefined,
        isPublic: true,
        _status: 'published',
      },
      req,
    })
    ids[column.name] = doc.id as number
    count('columns')
  }
  return ids
}

/** The invented officials register and a dated wording rule, so the demo's proofreading speaks. */
async function seedProofLists(payload: Payload, req: PayloadRequest, count: Count) {
  for (const official of DEMO_OFFICIALS) {
    const { totalDocs } = await payload.count({
      collection: 'officials',
      where: { and: [{ name: { equals: official.name } }, { post: { equals: official.post } }] },
      req,
    })
    if (totalDocs) continue
    await payload.create({ collection: 'officials', data: { status: 'serving', ...official }, req })
    count('officials')
  }
  for (const rule of DEMO_WORDING_RULES) {
    const { totalDocs } = await payload.count({
      collection: 'wording-rules',
      where: { term: { equals: rule.term } },
      req,
    })
    if (totalDocs) continue
    await payload.create({ collection: 'wording-rules', data: rule, req })
    count('wording-rules')
  }
}

async function userByEmail(payload: Payload, req: PayloadRequest, email: string) {
  const { docs } = await payload.find({
    collection: 'users',
    where: { email: { equals: email } },
    limit: 1,
    depth: 0,
    req,
  })
  return docs[0]
}

/** A generated placeholder per caption, so every photo slot of the demo feature has its image. */
async function seedPhotos(
  payload: Payload,
  req: PayloadRequest,
  captions: string[],
  photographerId: number | undefined,
  count: Count,
  columnId?: number,
) {
  for (const [index, caption] of captions.entries()) {
    const { totalDocs } = await payload.count({
      collection: 'photos',
      where: { caption: { equals: caption } },
      req,
    })
    if (totalDocs) continue
    const data = await placeholderJpeg(caption)
    await payload.create({
      collection: 'photos',
      data: {
        caption,
        credit: '兰州新区融媒体中心',
        place: '兰州新区',
        dateTaken: '2023-05-10T00:00:00.000Z',
        createdBy: photographerId,
        primaryColumn: columnId,
        _status: 'published',
      },
      file: {
        data,
        mimetype: 'image/jpeg',
        name: `demo-photo-${index + 1}.jpg`,
        size: data.length,
      },
      req,
    })
    count('photos')
  }
}

async function seedProjects(payload: Payload, req: PayloadRequest, count: Count) {
  const ids: Record<string, number> = {}
  for (const { key, ...project } of DEMO_PROJECTS) {
    const found = await payload.find({
      collection: 'projects',
      where: { name: { equals: project.name } },
      limit: 1,
      depth: 0,
      draft: true,
      req,
    })
    if (found.docs[0]) {
      ids[key] = found.docs[0].id
      continue
    }
    const data = { ...project, capacities: [...project.capacities], _status: 'published' as const }
    ids[key] = (await payload.create({ collection: 'projects', data, req })).id
    count('projects')
  }
  return ids
}

async function seedDataSource(
  payload: Payload,
  req: PayloadRequest,
  projectIds: Record<string, number>,
  count: Count,
) {
  const { totalDocs } = await payload.count({
    collection: 'data-sources',
    where: { office: { equals: DEMO_OFFICE } },
    req,
  })
  if (totalDocs) return
  await payload.create({
    collection: 'data-sources',
    data: {
      office: DEMO_OFFICE,
      contact: '新闻宣传科',
      figures: DEMO_FIGURES.map((figure) => ({
        label: figure.label,
        value: figure.value,
        unit: figure.unit,
        asOf: '2023-06-30T00:00:00.000Z',
        project: 'project' in figure ? projectIds[figure.project] : undefined,
      })),
      _status: 'published',
    },
    req,
  })
  count('data-sources')
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
  if (fromEnv) {
    const problem = passwordProblem(fromEnv)
    if (problem) throw new Error(`SEED_PASSWORD: ${problem}`)
    return fromEnv
  }
  if (isProduction()) {
    throw new Error('Refusing to seed demo accounts in production without SEED_PASSWORD set.')
  }
  return DEV_DEMO_PASSWORD
}

export function describeLogins(result: SeedResult): string {
  const lines = result.logins.map(({ email, roles }) => `  ${email.padEnd(28)} ${roles.join(', ')}`)
  return [`Demo logins (password: ${result.password}):`, ...lines].join('\n')
}
