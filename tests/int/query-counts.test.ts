/**
 * No read makes a query per document: each of these asks the same number of queries for two items
 * as for six (and stays under a small bound), measured with countQueries.
 */
import { createLocalReq } from 'payload'

import { publicCache } from '../../src/delivery/cache'
import { createDeliveryFront } from '../../src/delivery/front'
import { rescanPublished } from '../../src/quality/rescan'
import { bootNewsdesk, type TestApp } from '../helpers/boot'
import { act, articleIn, hireStaff, simpleBody, type Person } from '../helpers/newsroom'
import { countQueries } from '../helpers/queries'

let app: TestApp
let s: Record<string, Person>

beforeAll(async () => {
  app = await bootNewsdesk()
  s = await hireStaff(app, {
    author: ['editor'],
    reviewer: ['reviewer'],
    reviewer2: ['reviewer'],
    chief: ['chief-editor'],
    admin: ['admin'],
  })
})
afterAll(async () => {
  await app?.close()
})

/** Runs `measure` after each of two setups of different size; returns both counts. */
async function atTwoSizes(setup: (n: number) => Promise<void>, measure: () => Promise<unknown>) {
  await setup(2)
  const small = (await countQueries(app, measure)).queries
  await setup(4)
  const large = (await countQueries(app, measure)).queries
  // The counter sees the queries at all: a read of anything asks at least one.
  expect(small).toBeGreaterThan(0)
  return { small, large }
}

describe('queries per request', () => {
  it('should read the review queue in the same number of queries for 2 or 6 waiting items', async () => {
    const counts = await atTwoSizes(
      async (n) => {
        for (let i = 0; i < n; i += 1)
          await articleIn(app, s.author, 'in_review', 'first-review', `待审 ${i}`)
      },
      () => app.rest('GET', 'workflow/queue', { token: s.reviewer.token }),
    )
    expect(counts.large).toBe(counts.small)
    // A fixed few per workflow collection (five of them: articles, photos, projects, data
    // sources, columns), however many items wait.
    expect(counts.small).toBeLessThanOrEqual(24)
  })

  it('should answer a public list of articles with their linked projects in a fixed number of queries', async () => {
    const front = createDeliveryFront({ config: app.config })
    const counts = await atTwoSizes(
      async (n) => {
        for (let i = 0; i < n; i += 1) {
          const project = await app.payload.create({
            collection: 'projects',
            data: { name: `项目 ${Math.random()}`, _status: 'published' },
          })
          await app.payload.create({
            collection: 'articles',
            data: {
              title: `公开 ${Math.random()}`,
              body: simpleBody(),
              projects: [project.id],
              _status: 'published',
              workflowState: 'published',
            },
          })
        }
        publicCache().clear()
      },
      () => front.handle(new Request('http://localhost/api/articles?limit=20&depth=1')),
    )
    expect(counts.large).toBe(counts.small)
    expect(counts.small).toBeLessThanOrEqual(10)
  })

  it('should build the 审签单 in a fixed number of queries however many events it has', async () => {
    const doc = await articleIn(app, s.author, 'draft', null, '审签单查询数')
    const record = () =>
      app.rest('GET', `articles/${doc.id}/review-record`, { token: s.chief.token })
    // Measured twice on approved stages (each stage's version is read for the redline, all in one
    // query): once with one stage approved, once after a rejection, a resubmission and two more.
    await act(app, s.author, 'articles', doc.id, 'submit')
    expect((await act(app, s.reviewer, 'articles', doc.id, 'approve')).status).toBe(200)
    const few = (await countQueries(app, record)).queries
    expect((await act(app, s.chief, 'articles', doc.id, 'reject', { comment: '改' })).status).toBe(
      200,
    )
    await act(app, s.author, 'articles', doc.id, 'submit')
    expect((await act(app, s.reviewer2, 'articles', doc.id, 'approve')).status).toBe(200)
    expect((await act(app, s.chief, 'articles', doc.id, 'approve')).status).toBe(200)
    const many = (await countQueries(app, record)).queries
    expect(few).toBeGreaterThan(0)
    expect(many).toBe(few)
  })

  it('should rescan published articles with a fixed number of queries per page of fifty', async () => {
    const counts = await atTwoSizes(
      async (n) => {
        for (let i = 0; i < n; i += 1) {
          const project = await app.payload.create({
            collection: 'projects',
            data: { name: `复查项目 ${Math.random()}` },
          })
          const source = await app.payload.create({
            collection: 'data-sources',
            data: { office: `复查单位 ${Math.random()}` },
          })
          await app.payload.create({
            collection: 'articles',
            data: {
              title: `复查 ${i}`,
              body: simpleBody('项目总投资53亿元。'),
              projects: [project.id],
              dataSources: [source.id],
              _status: 'published',
            },
          })
        }
      },
      async () => rescanPublished(await createLocalReq({}, app.payload), ''),
    )
    expect(counts.large).toBe(counts.small)
  })
})
