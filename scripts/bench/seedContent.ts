import { fileURLToPath } from 'node:url'

import { createLocalReq } from 'payload'

import { withTransaction } from '../../src/config/transaction'
import { rebuildReadModel } from '../../src/delivery/readModel'
import { blocksToLexical } from '../../src/import/lexical'
import { placeholderJpeg } from '../../src/seed/placeholder'
import { WORKFLOW_CONTEXT } from '../../src/workflow/context'
import { recordEvent } from '../../src/workflow/events'

export const BENCH_API_KEY = 'bench-api-key-0123456789abcdef0123'

/**
 * Bench content written straight through Payload: 20 published photos, 10 published projects, and
 * `count` articles with a cover photo, two projects and a few paragraphs, every other one published.
 * Returns the slug of a published article.
 */
export async function seedBenchContent(count: number): Promise<string> {
  const config = await (await import('../../payload.config')).default
  const { getPayload } = await import('payload')
  const payload = await getPayload({ config })
  // Published as the workflow would leave it, with its publish event, so `npm run doctor` (and
  // the load bench's restore, which runs it) finds the seeded content consistent.
  const engine = { [WORKFLOW_CONTEXT]: true }
  const req = await createLocalReq({}, payload)
  const recordPublish = (
    collection: 'articles' | 'photos' | 'projects',
    doc: { id: number | string },
  ) =>
    recordEvent(req, {
      collection,
      doc,
      action: 'publish',
      from: { state: 'approved', stage: null },
      to: { state: 'published', stage: null },
      actor: { id: null, roles: [] },
    })
  const photos: number[] = []
  for (let i = 0; i < 20; i += 1) {
    const data = await placeholderJpeg(`bench ${i}`, 800, 533)
    const photo = await payload.create({
      collection: 'photos',
      data: {
        caption: `兰州新区基准图片 ${i}`,
        credit: '基准',
        _status: 'published',
        workflowState: 'published',
      },
      file: { data, mimetype: 'image/jpeg', name: `bench-${i}.jpg`, size: data.length },
      context: engine,
    })
    await recordPublish('photos', photo)
    photos.push(photo.id as number)
  }
  const projects: number[] = []
  for (let i = 0; i < 10; i += 1) {
    const project = await payload.create({
      collection: 'projects',
      data: {
        name: `基准项目 ${i}`,
        park: i % 2 ? '新材料产业园' : '绿色化工园区',
        investment: { amount: 10 + i, unit: '亿元' },
        _status: 'published',
        workflowState: 'published',
      },
      context: engine,
    })
    await recordPublish('projects', project)
    projects.push(project.id as number)
  }
  const paragraph =
    '兰州新区以“三抓三促”行动为重要抓手,坚持不懈提能力、持之以恒转作风、全力以赴抓落实、一心一意谋发展。'
  let slug = ''
  for (let i = 0; i < count; i += 1) {
    const published = i % 2 === 0
    const doc = await payload.create({
      collection: 'articles',
      data: {
        title: `基准文章 ${i}:全力推动战略性新兴产业高质量发展`,
        body: blocksToLexical(
          Array.from({ length: 6 }, () => ({ type: 'paragraph' as const, text: paragraph })),
        ) as any,
        coverPhoto: photos[i % photos.length],
        projects: [projects[i % 10]!, projects[(i + 3) % 10]!],
        publishedDate: new Date(Date.UTC(2023, 0, 1) + i * 3_600_000).toISOString(),
        _status: published ? 'published' : 'draft',
        workflowState: published ? 'published' : 'draft',
      },
      draft: !published,
      context: engine,
    })
    if (published) {
      await recordPublish('articles', doc)
      slug = doc.slug as string
    }
  }
  // The read model whole, as a deployment's is before it serves (the seeding's publishes left the
  // rows of articles sharing a project to the refresh job, which does not run here).
  await withTransaction(payload, (req) => rebuildReadModel(payload, req))
  await payload.delete({
    collection: 'payload-jobs',
    where: { taskSlug: { equals: 'refreshReadModel' } },
    overrideAccess: true,
  })
  // An API client for the uncached scenarios: only API clients may ask for a fresh answer.
  await payload.create({
    collection: 'api-clients',
    data: { name: '基准测试', enabled: true, apiKey: BENCH_API_KEY } as any,
    overrideAccess: true,
  })
  await payload.destroy()
  return slug
}

// Run on its own (`tsx scripts/bench/seedContent.ts <count>`), it seeds the database DATABASE_URI
// names and prints the slug on a line of its own: the delivery bench runs it in a child process, so
// its Payload instance is not the one the photo bench already started and stopped in the parent.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const slug = await seedBenchContent(Number(process.argv[2] || 1000))
  console.log(`BENCH_SLUG=${slug}`)
  process.exit(0)
}
