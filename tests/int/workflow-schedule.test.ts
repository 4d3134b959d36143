import { bootNewsdesk, type TestApp } from '../helpers/boot'
import { act, articleIn, hireStaff, type Person } from '../helpers/newsroom'

let app: TestApp
let s: Record<string, Person>

beforeAll(async () => {
  app = await bootNewsdesk()
  s = await hireStaff(app, { author: ['editor'], chief: ['chief-editor'] })
})
afterAll(async () => {
  await app?.close()
})

async function waitFor<T>(
  probe: () => Promise<T>,
  ok: (value: T) => boolean,
  ms = 15_000,
): Promise<T> {
  const deadline = Date.now() + ms
  let value = await probe()
  while (!ok(value) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 250))
    value = await probe()
  }
  return value
}

const schedulerEvents = (id: number | string, action: string) =>
  app.payload.find({
    collection: 'workflow-events',
    where: {
      and: [
        { collection: { equals: 'articles' } },
        { documentId: { equals: String(id) } },
        { action: { equals: action } },
        { actorType: { equals: 'scheduler' } },
      ],
    },
  })

/** The queued job of a scheduled action on this article, as the jobs queue keeps it. */
async function scheduledJob(id: number | string) {
  const { docs } = await app.payload.find({
    collection: 'payload-jobs',
    where: { taskSlug: { equals: 'workflowScheduled' } },
    pagination: false,
    depth: 0,
  })
  return docs.find((job) => String((job.input as { id?: string })?.id) === String(id))
}

describe('scheduled publication and withdrawal, on the jobs queue in this process', () => {
  it('should show a scheduled item as approved with its time, then publish it as the scheduler', async () => {
    const { id } = await articleIn(app, s.author, 'approved', null, '定时发布的稿件')
    const at = new Date(Date.now() + 2500).toISOString()
    const res = await act(app, s.chief, 'articles', id, 'publish', { publishAt: at })
    expect(res.json).toEqual({
      id,
      collection: 'articles',
      state: 'approved',
      stage: null,
      publishAt: at,
    })
    expect((await app.rest('GET', `articles/${id}`)).status).toBe(404)
    const status = await app.rest('GET', `articles/${id}/workflow`, { token: s.chief.token })
    expect(status.json).toMatchObject({ state: 'approved', publishAt: at })

    const live = await waitFor(
      () => app.rest('GET', `articles/${id}`),
      (r) => r.status === 200,
    )
    expect(live.json.title).toBe('定时发布的稿件')
    expect(Date.now()).toBeGreaterThanOrEqual(new Date(at).getTime())
    const events = await schedulerEvents(id, 'publish')
    expect(events.docs).toEqual([
      expect.objectContaining({ actorType: 'scheduler', actor: null, toState: 'published' }),
    ])
  })

  it('should withdraw at withdrawAt, recorded with the scheduler as actor', async () => {
    const { id } = await articleIn(app, s.author, 'published', null, '定时撤稿的稿件')
    const at = new Date(Date.now() + 2000).toISOString()
    const res = await act(app, s.chief, 'articles', id, 'withdraw', {
      comment: '活动结束',
      withdrawAt: at,
    })
    expect(res.json).toMatchObject({ state: 'published', withdrawAt: at })
    expect((await app.rest('GET', `articles/${id}`)).status).toBe(200)
    await waitFor(
      () => app.rest('GET', `articles/${id}`),
      (r) => r.status === 404,
    )
    expect((await app.rest('GET', `articles/${id}`)).status).toBe(404)
    expect((await schedulerEvents(id, 'withdraw')).totalDocs).toBe(1)
  })

  it('should drop a schedule that no longer matches (published by hand meanwhile)', async () => {
    const { id } = await articleIn(app, s.author, 'approved', null, '手动抢先发布')
    await act(app, s.chief, 'articles', id, 'publish', {
      publishAt: new Date(Date.now() + 1500).toISOString(),
    })
    expect(await scheduledJob(id)).toMatchObject({ hasError: false })
    expect((await act(app, s.chief, 'articles', id, 'publish')).json.state).toBe('published')
    // The runner did take the job up and finish it (a finished job is deleted; a failed one stays
    // with its error): not merely that nothing ran.
    expect(
      await waitFor(
        () => scheduledJob(id),
        (job) => job === undefined,
      ),
    ).toBeUndefined()
    expect((await schedulerEvents(id, 'publish')).totalDocs).toBe(0)
  })
})
