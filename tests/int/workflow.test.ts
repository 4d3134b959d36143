import fs from 'node:fs'
import path from 'node:path'

import type { Role } from '../../src/access/roles'
import { blocksToLexical } from '../../src/import/lexical'
import { bootNewsdesk, type TestApp } from '../helpers/boot'
import {
  act,
  actGraphQL,
  articleIn,
  hireStaff,
  putInState,
  simpleBody,
  type Person,
} from '../helpers/newsroom'

let app: TestApp
let s: Record<string, Person>

beforeAll(async () => {
  app = await bootNewsdesk()
  s = await hireStaff(app, {
    author: ['editor'],
    editor2: ['editor'],
    reviewer1: ['reviewer'],
    reviewer2: ['reviewer'],
    chief: ['chief-editor'],
    chief2: ['chief-editor'],
    admin: ['admin'],
    photo: ['photographer'],
  })
})
afterAll(async () => {
  await app?.close()
})

async function draftBy(who: Person, title = '三审稿件', extra: Record<string, unknown> = {}) {
  const res = await app.rest('POST', 'articles', {
    token: who.token,
    body: { title, body: simpleBody(), ...extra },
  })
  expect(res.status).toBe(201)
  return res.json.doc.id as number
}

const publicTitle = async (id: number) => (await app.rest('GET', `articles/${id}`)).json?.title

describe('三审: three stages, three different people', () => {
  it('should take an article from draft to published through three different reviewers', async () => {
    const id = await draftBy(s.author)
    expect((await act(app, s.author, 'articles', id, 'submit')).json).toEqual({
      id,
      collection: 'articles',
      state: 'in_review',
      stage: 'first-review',
    })
    expect((await act(app, s.editor2, 'articles', id, 'approve')).json).toMatchObject({
      state: 'in_review',
      stage: 'second-review',
    })
    expect((await act(app, s.reviewer1, 'articles', id, 'approve')).json).toMatchObject({
      state: 'in_review',
      stage: 'final-review',
    })
    expect((await act(app, s.chief, 'articles', id, 'approve')).json).toMatchObject({
      state: 'approved',
      stage: null,
    })
    expect(await publicTitle(id)).toBeUndefined()
    expect((await act(app, s.chief2, 'articles', id, 'publish')).json).toMatchObject({
      state: 'published',
      stage: null,
    })
    expect(await publicTitle(id)).toBe('三审稿件')

    const events = await app.rest(
      'GET',
      `workflow-events?where[collection][equals]=articles&where[documentId][equals]=${id}&sort=at&depth=0`,
      { token: s.chief.token },
    )
    expect(
      events.json.docs.map((e: any) => [e.action, e.toState, e.toStage ?? null, e.actor]),
    ).toEqual([
      ['submit', 'in_review', 'first-review', s.author.id],
      ['approve', 'in_review', 'second-review', s.editor2.id],
      ['approve', 'in_review', 'final-review', s.reviewer1.id],
      ['approve', 'approved', null, s.chief.id],
      ['publish', 'published', null, s.chief2.id],
    ])
    expect(events.json.docs.every((e: any) => e.versionId)).toBe(true)
  })

  it('should refuse the author, and anyone who approved an earlier stage, saying why', async () => {
    const id = await draftBy(s.chief, '总编自己的稿件')
    await act(app, s.chief, 'articles', id, 'submit')
    const own = await act(app, s.chief, 'articles', id, 'approve')
    expect(own.status).toBe(403)
    expect(own.json.errors[0]).toMatchObject({
      code: 'contributor',
      message: expect.stringMatching(/修改过本稿/),
    })

    await act(app, s.reviewer1, 'articles', id, 'approve')
    const again = await act(app, s.reviewer1, 'articles', id, 'approve')
    expect(again.status).toBe(403)
    expect(again.json.errors[0].message).toMatch(/三审须由不同的人/)
  })

  it('should hold admins to the no-self-approval rule too', async () => {
    const id = await draftBy(s.admin, '管理员的稿件')
    await act(app, s.admin, 'articles', id, 'submit')
    expect((await act(app, s.admin, 'articles', id, 'approve')).status).toBe(403)
    expect((await act(app, s.editor2, 'articles', id, 'approve')).status).toBe(200)
  })

  it('should let a role act only at its stages', async () => {
    const id = await draftBy(s.author)
    await act(app, s.author, 'articles', id, 'submit')
    await act(app, s.editor2, 'articles', id, 'approve')
    const res = await act(app, s.editor2, 'articles', id, 'approve')
    expect(res.status).toBe(403)
    expect(res.json.errors[0].message).toMatch(/您的角色不能在「复审」环节通过/)
  })
})

describe('rejection', () => {
  it('should need a comment, send the item back to draft and tell the author', async () => {
    const id = await draftBy(s.author, '需要修改的稿件')
    await act(app, s.author, 'articles', id, 'submit')
    const bare = await act(app, s.reviewer1, 'articles', id, 'reject')
    expect(bare.status).toBe(400)
    expect(bare.json.errors[0].message).toMatch(/退回须填写意见/)
    const res = await act(app, s.reviewer1, 'articles', id, 'reject', {
      comment: '第三段数据请核实',
    })
    expect(res.json).toMatchObject({ state: 'draft', stage: null })

    const inbox = await app.rest('GET', 'notifications?sort=-createdAt', { token: s.author.token })
    expect(inbox.json.docs[0]).toMatchObject({
      kind: 'rejected',
      title: '稿件被退回:需要修改的稿件',
    })
    expect(inbox.json.docs[0].message).toContain('第三段数据请核实')
    const queue = await app.rest('GET', 'workflow/queue', { token: s.author.token })
    expect(queue.json.rejected).toContainEqual(
      expect.objectContaining({ id, comment: '第三段数据请核实' }),
    )

    // After fixing it, the author resubmits and review starts again at 初审.
    expect((await act(app, s.author, 'articles', id, 'submit')).json).toMatchObject({
      stage: 'first-review',
    })
  })
})

describe('a live item and its next revision', () => {
  it('should stay live and unchanged while its next revision is in review', async () => {
    const id = await draftBy(s.author, '第一版标题')
    await act(app, s.author, 'articles', id, 'submit')
    for (const who of [s.editor2, s.reviewer1, s.chief])
      await act(app, who, 'articles', id, 'approve')
    await act(app, s.chief2, 'articles', id, 'publish')

    const edit = await app.rest('PATCH', `articles/${id}`, {
      token: s.author.token,
      body: { title: '第二版标题', _status: 'published' },
    })
    expect(edit.status).toBe(200)
    await act(app, s.author, 'articles', id, 'submit')

    expect(await publicTitle(id)).toBe('第一版标题')
    expect((await app.rest('GET', `articles/${id}?draft=true`)).json.title).toBe('第一版标题')
    const gql = await app.graphql(
      `{ Article(id: ${id}, draft: true) { title } Articles(draft: true, where: { title: { equals: "第二版标题" } }) { totalDocs } }`,
    )
    expect(gql.data.Article.title).toBe('第一版标题')
    expect(gql.data.Articles.totalDocs).toBe(0)
    const staff = await app.rest('GET', `articles/${id}/workflow`, { token: s.chief.token })
    expect(staff.json).toMatchObject({ state: 'in_review', stage: 'first-review' })

    for (const who of [s.editor2, s.reviewer1, s.chief])
      await act(app, who, 'articles', id, 'approve')
    await act(app, s.chief2, 'articles', id, 'publish')
    expect(await publicTitle(id)).toBe('第二版标题')
  })

  it('should record that editing a published item started a new draft revision', async () => {
    const id = (await articleIn(app, s.author, 'published')).id
    await app.rest('PATCH', `articles/${id}`, {
      token: s.author.token,
      body: { subtitle: '新副题' },
    })
    const events = await app.payload.find({
      collection: 'workflow-events',
      where: { documentId: { equals: String(id) } },
    })
    expect(events.docs.map((e) => [e.action, e.fromState, e.toState])).toEqual([
      ['revise', 'published', 'draft'],
    ])
  })
})

describe("Payload's own publish, unpublish and bulk edit", () => {
  it('should tell the admin that nobody publishes or unpublishes by saving, so it offers no such buttons', async () => {
    const id = (await articleIn(app, s.author, 'published')).id
    for (const who of [s.author, s.chief]) {
      const asDraft = await app.rest('POST', `articles/access/${id}`, {
        token: who.token,
        body: { _status: 'draft' },
      })
      expect(asDraft.json.update).toBeTruthy()
      const asPublished = await app.rest('POST', `articles/access/${id}`, {
        token: who.token,
        body: { _status: 'published' },
      })
      expect(asPublished.json.update).toBeFalsy()
    }
    // The bulk-upload drawer asks without an id.
    expect(
      (
        await app.rest('POST', 'photos/access', {
          token: s.chief.token,
          body: { _status: 'published' },
        })
      ).json.update,
    ).toBeFalsy()
    expect(
      (
        await app.rest('POST', 'photos/access', {
          token: s.chief.token,
          body: { _status: 'draft' },
        })
      ).json.update,
    ).toBeTruthy()
    // The workflow still publishes: the item above is live, and saving it still works, as a draft.
    const saved = await app.rest('PATCH', `articles/${id}`, {
      token: s.author.token,
      body: { subtitle: '仍可修改' },
    })
    expect(saved.status).toBe(200)
    expect(await publicTitle(id as number)).toBeTruthy()
  })

  it('should refuse editing many items at once over the API', async () => {
    const id = await draftBy(s.author, '批量修改')
    const res = await app.rest('PATCH', `articles?where[id][equals]=${id}`, {
      token: s.chief.token,
      body: { subtitle: '批量' },
    })
    expect(res.status).toBe(403)
    expect(res.json.errors[0].message).toMatch(/bulk edit/)
    expect(
      (await app.payload.findByID({ collection: 'articles', id, draft: true })).subtitle ?? null,
    ).toBeNull()
  })
})

describe('workflow fields cannot be forged', () => {
  it('should ignore workflowState, reviewStage and _status sent over REST', async () => {
    const res = await app.rest('POST', 'articles', {
      token: s.chief.token,
      body: {
        title: '伪造发布',
        body: simpleBody(),
        workflowState: 'published',
        reviewStage: 'final-review',
        _status: 'published',
      },
    })
    expect(res.json.doc).toMatchObject({
      workflowState: 'draft',
      reviewStage: null,
      _status: 'draft',
    })
    const id = res.json.doc.id
    const patch = await app.rest('PATCH', `articles/${id}`, {
      token: s.chief.token,
      body: { workflowState: 'approved', _status: 'published' },
    })
    expect(patch.json.doc).toMatchObject({ workflowState: 'draft', _status: 'draft' })
    expect((await app.rest('GET', `articles/${id}`)).status).toBe(404)
  })

  it('should ignore them over GraphQL', async () => {
    const created = await app.graphql(
      `mutation ($body: JSON!) { createArticle(data: { title: "GraphQL 伪造", body: $body, workflowState: published, _status: published }) { id workflowState _status } }`,
      { body: simpleBody() },
      { token: s.chief.token },
    )
    expect(created.errors).toBeUndefined()
    expect(created.data.createArticle).toMatchObject({ workflowState: 'draft', _status: 'draft' })
    const id = created.data.createArticle.id
    const updated = await app.graphql(
      `mutation { updateArticle(id: ${id}, data: { workflowState: approved, reviewStage: "final-review" }) { workflowState reviewStage } }`,
      {},
      { token: s.chief.token },
    )
    expect(updated.data.updateArticle).toEqual({ workflowState: 'draft', reviewStage: null })
  })
})

describe('workflow events', () => {
  let eventId: number

  beforeAll(async () => {
    const id = await draftBy(s.author, '事件')
    await act(app, s.author, 'articles', id, 'submit')
    eventId = (
      await app.payload.find({
        collection: 'workflow-events',
        where: { documentId: { equals: String(id) } },
      })
    ).docs[0]!.id as number
  })

  it('should let the newsroom read them, a photographer only those of their own photos, and nobody else', async () => {
    expect(
      (await app.rest('GET', `workflow-events/${eventId}`, { token: s.editor2.token })).status,
    ).toBe(200)
    expect(
      (await app.rest('GET', `workflow-events/${eventId}`, { token: s.photo.token })).status,
    ).toBe(404)
    expect((await app.rest('GET', `workflow-events/${eventId}`)).status).toBe(403)
    const gql = await app.graphql(`{ WorkflowEvents { docs { id } } }`)
    expect(gql.errors?.[0]?.message).toMatch(/无权|not allowed/i)
  })

  it('should refuse every update, delete and create, admins included, over REST and GraphQL', async () => {
    expect(
      (
        await app.rest('PATCH', `workflow-events/${eventId}`, {
          token: s.admin.token,
          body: { comment: '改' },
        })
      ).status,
    ).toBe(403)
    expect(
      (await app.rest('DELETE', `workflow-events/${eventId}`, { token: s.admin.token })).status,
    ).toBe(403)
    expect(
      (
        await app.rest('PATCH', `workflow-events?where[id][equals]=${eventId}`, {
          token: s.admin.token,
          body: { comment: '改' },
        })
      ).json.docs ?? [],
    ).toEqual([])
    expect(
      (await app.rest('DELETE', `workflow-events?where[id][exists]=true`, { token: s.admin.token }))
        .json.docs ?? [],
    ).toEqual([])
    const forged = await app.rest('POST', 'workflow-events', {
      token: s.admin.token,
      body: {
        collection: 'articles',
        documentId: '1',
        action: 'approve',
        at: new Date().toISOString(),
      },
    })
    expect(forged.status).toBe(403)
    const gqlUpdate = await app.graphql(
      `mutation { updateWorkflowEvent(id: ${eventId}, data: { comment: "改" }) { id } }`,
      {},
      { token: s.admin.token },
    )
    expect(gqlUpdate.errors?.[0]?.message).toMatch(/无权|not allowed/i)
    const gqlDelete = await app.graphql(
      `mutation { deleteWorkflowEvent(id: ${eventId}) { id } }`,
      {},
      { token: s.admin.token },
    )
    expect(gqlDelete.errors?.[0]?.message).toMatch(/无权|not allowed/i)
    const event = await app.payload.findByID({ collection: 'workflow-events', id: eventId })
    expect(event.comment ?? null).toBeNull()
  })
})

describe('the contract’s errors', () => {
  it('should answer 401, 404, 400 and 409 as the contract says', async () => {
    const id = await draftBy(s.author, '错误码')
    expect((await act(app, undefined, 'articles', id, 'submit')).status).toBe(401)
    expect((await act(app, s.author, 'articles', 999999, 'submit')).status).toBe(404)
    expect((await act(app, s.author, 'articles', id, 'fly')).status).toBe(400)
    expect((await act(app, s.chief, 'articles', id, 'approve')).status).toBe(409)
    const past = await act(app, s.chief, 'articles', id, 'publish', {
      publishAt: '2020-01-01T00:00:00Z',
    })
    expect(past.status).toBe(400)
    expect(past.json.errors[0].message).toMatch(/预定时间已经过去/)
    expect(
      (
        await act(app, s.chief, 'articles', id, 'withdraw', {
          comment: '撤',
          withdrawAt: 'not a date',
        })
      ).status,
    ).toBe(400)
  })

  it('should give the same answers through the GraphQL mutation', async () => {
    const id = await draftBy(s.author, 'GraphQL 流程')
    const ok = await actGraphQL(app, s.author, 'articles', id, 'submit')
    expect(ok.data.workflowTransition).toEqual({
      id: String(id),
      collection: 'articles',
      state: 'in_review',
      stage: 'first-review',
      publishAt: null,
      withdrawAt: null,
    })
    const self = await actGraphQL(app, s.author, 'articles', id, 'approve')
    expect(self.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/修改过本稿/),
      extensions: { statusCode: 403, data: { code: 'contributor' } },
    })
    const anonymous = await actGraphQL(app, undefined, 'articles', id, 'approve')
    expect(anonymous.errors?.[0]?.extensions?.statusCode).toBe(401)
    const conflict = await actGraphQL(app, s.chief, 'articles', id, 'publish')
    expect(conflict.errors?.[0]?.extensions?.statusCode).toBe(409)
  })
})

describe('publication time cannot be faked', () => {
  it('should stamp firstPublishedAt once, and change publishedDate only by a chief editor with a reason', async () => {
    const { id } = await articleIn(app, s.author, 'approved', null, '发布时间')
    expect((await act(app, s.chief, 'articles', id, 'publish')).status).toBe(200)
    const live = (await app.rest('GET', `articles/${id}`)).json
    expect(live.firstPublishedAt).toBeTruthy()
    expect(live.publishedDate).toBe(live.firstPublishedAt)
    const gql = await app.graphql(
      `{ Article(id: ${JSON.stringify(id)}) { publishedDate firstPublishedAt } }`,
    )
    expect(gql.data.Article).toEqual({
      publishedDate: live.publishedDate,
      firstPublishedAt: live.firstPublishedAt,
    })

    // Nobody's save changes either time.
    await app.rest('PATCH', `articles/${id}?draft=true`, {
      token: s.chief.token,
      body: {
        publishedDate: '2020-01-01T00:00:00.000Z',
        firstPublishedAt: '2020-01-01T00:00:00.000Z',
        subtitle: '改',
      },
    })
    const latest = await app.payload.findByID({ collection: 'articles', id, draft: true })
    expect([latest.publishedDate, latest.firstPublishedAt]).toEqual([
      live.publishedDate,
      live.firstPublishedAt,
    ])

    const change = (who: Person, body: Record<string, unknown>) =>
      app.rest('POST', `articles/${id}/published-date`, { token: who.token, body })
    const byEditor = await change(s.editor2, {
      publishedDate: '2026-01-01T08:00:00Z',
      reason: '更正',
    })
    expect(byEditor.status).toBe(403)
    expect((await change(s.chief, { publishedDate: '2026-01-01T08:00:00Z' })).status).toBe(400)
    expect((await change(s.chief, { publishedDate: 'yesterday', reason: '更正' })).status).toBe(400)
    const changed = await change(s.chief, {
      publishedDate: '2026-01-01T08:00:00Z',
      reason: '按原稿日期更正',
    })
    expect(changed.status).toBe(200)
    const after = (await app.rest('GET', `articles/${id}`)).json
    expect(after.publishedDate).toBe('2026-01-01T08:00:00.000Z')
    expect(after.firstPublishedAt).toBe(live.firstPublishedAt)
    const { docs } = await app.payload.find({
      collection: 'workflow-events',
      where: {
        and: [
          { documentId: { equals: String(id) } },
          { action: { equals: 'change-published-date' } },
        ],
      },
    })
    expect(docs).toHaveLength(1)
    expect(docs[0]!.comment).toMatch(/按原稿日期更正/)

    // Withdrawn and published again, it keeps its first publication time.
    await act(app, s.chief, 'articles', id, 'withdraw', { comment: '撤' })
    await putInState(app, 'articles', { id }, 'approved', null)
    expect((await act(app, s.chief, 'articles', id, 'publish')).status).toBe(200)
    expect((await app.rest('GET', `articles/${id}`)).json.firstPublishedAt).toBe(
      live.firstPublishedAt,
    )
  })
})

describe('approvals bound to what was read', () => {
  it('should refuse with 409, naming who changed it and when, an approval of a version that is no longer the latest', async () => {
    const id = await draftBy(s.author, '审阅版本绑定')
    await act(app, s.author, 'articles', id, 'submit')
    const read = await app.rest('GET', `articles/${id}/workflow`, { token: s.reviewer1.token })
    const seen = read.json.versionId
    expect(seen).toBeTruthy()
    // Meanwhile another reviewer takes 初审.
    expect((await act(app, s.editor2, 'articles', id, 'approve')).status).toBe(200)
    const stale = await act(app, s.reviewer1, 'articles', id, 'approve', { versionId: seen })
    expect(stale.status).toBe(409)
    expect(stale.json.errors[0]).toMatchObject({
      code: 'stale-version',
      message: expect.stringMatching(/editor2.*修改了本稿/),
    })
    const staleGraphQL = await actGraphQL(app, s.reviewer1, 'articles', id, 'approve', {
      versionId: String(seen),
    })
    expect(staleGraphQL.errors?.[0]?.extensions).toMatchObject({
      statusCode: 409,
      data: { code: 'stale-version' },
    })

    const fresh = (await app.rest('GET', `articles/${id}/workflow`, { token: s.reviewer1.token }))
      .json.versionId
    expect(fresh).not.toBe(seen)
    expect(
      (await act(app, s.reviewer1, 'articles', id, 'approve', { versionId: fresh })).status,
    ).toBe(200)
    const { docs } = await app.payload.find({
      collection: 'workflow-events',
      where: { and: [{ documentId: { equals: String(id) } }, { action: { equals: 'approve' } }] },
      sort: '-id',
    })
    expect(docs[0]).toMatchObject({ reviewedVersionId: String(fresh) })
  })
})

describe('the redline in the 审签单', () => {
  it('should show what a revision changed against the published version, by character, in JSON and printable HTML', async () => {
    const { id } = await articleIn(app, s.author, 'published', null, '红线对照')
    await app.rest('PATCH', `articles/${id}?draft=true`, {
      token: s.editor2.token,
      body: {
        title: '红线对照稿',
        body: simpleBody('兰州新区全力推动战略性新兴产业高质量发展壮大。'),
      },
    })
    expect((await act(app, s.editor2, 'articles', id, 'submit')).status).toBe(200)
    expect((await act(app, s.reviewer1, 'articles', id, 'approve')).status).toBe(200)
    const record = (await app.rest('GET', `articles/${id}/review-record`, { token: s.chief.token }))
      .json
    const byPlace = Object.fromEntries(record.redline.map((c: any) => [c.place, c.parts]))
    expect(byPlace['标题']).toEqual([{ value: '红线对照' }, { value: '稿', added: true }])
    expect(byPlace['正文第1段']).toEqual([
      { value: '兰州新区全力推动战略性新兴产业高质量发展' },
      { value: '壮大', added: true },
      { value: '。' },
    ])
    expect(record.stages[0].redline.length).toBeGreaterThan(0)
    const html = await app.rest('GET', `articles/${id}/review-record?format=html`, {
      token: s.chief.token,
    })
    expect(html.text).toContain('<ins>壮大</ins>')
    expect(html.text).toContain('size: A4')
    expect(html.text).toMatch(/修改对照/)
  })
})

describe('saves against a stale copy', () => {
  it('should refuse with 409 a save made on a copy someone changed since, by updatedAt or If-Match', async () => {
    const id = await draftBy(s.author, '两人同时编辑')
    const copy = (await app.rest('GET', `articles/${id}?draft=true`, { token: s.editor2.token }))
      .json
    const versionOf = async () =>
      (
        await app.payload.findVersions({
          collection: 'articles',
          where: { parent: { equals: id } },
          sort: '-updatedAt',
          limit: 1,
        })
      ).docs[0]!.id
    const readVersion = await versionOf()
    // The author saves meanwhile.
    expect(
      (
        await app.rest('PATCH', `articles/${id}?draft=true`, {
          token: s.author.token,
          body: { subtitle: '作者先改' },
        })
      ).status,
    ).toBe(200)
    const stale = await app.rest('PATCH', `articles/${id}?draft=true`, {
      token: s.editor2.token,
      body: { subtitle: '编辑后改', updatedAt: copy.updatedAt },
    })
    expect(stale.status).toBe(409)
    expect(stale.json.errors[0].message).toMatch(/旧版本/)
    const byIfMatch = await app.rest('PATCH', `articles/${id}?draft=true`, {
      token: s.editor2.token,
      headers: { 'If-Match': `"${readVersion}"` },
      body: { subtitle: '编辑后改' },
    })
    expect(byIfMatch.status).toBe(409)
    expect((await app.payload.findByID({ collection: 'articles', id, draft: true })).subtitle).toBe(
      '作者先改',
    )
    // On the fresh copy the save goes through.
    const fresh = (await app.rest('GET', `articles/${id}?draft=true`, { token: s.editor2.token }))
      .json
    const ok = await app.rest('PATCH', `articles/${id}?draft=true`, {
      token: s.editor2.token,
      headers: { 'If-Match': `"${await versionOf()}"` },
      body: { subtitle: '编辑后改', updatedAt: fresh.updatedAt },
    })
    expect(ok.status).toBe(200)
  })
})

describe('concurrency', () => {
  /**
   * Several people each entitled to the action send it at once: exactly one transition happens, and
   * every other answer is the 409 of a state that moved on (not a 403 that any repeat would get).
   */
  it('should let exactly one of five chief editors publishing at once publish, and answer the rest 409', async () => {
    const chiefs = await hireStaff(
      app,
      Object.fromEntries(
        Array.from({ length: 5 }, (_, i) => [`racer${i}`, ['chief-editor'] as Role[]]),
      ),
    )
    const { id } = await articleIn(app, s.author, 'approved', null, '并发发布')
    const results = await Promise.all(
      Object.values(chiefs).map((chief) => act(app, chief, 'articles', id, 'publish')),
    )
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409, 409, 409])
    const count = (action: string) =>
      app.payload.count({
        collection: 'workflow-events',
        where: { and: [{ documentId: { equals: String(id) } }, { action: { equals: action } }] },
      })
    expect((await count('publish')).totalDocs).toBe(1)
    const live = await app.payload.findByID({ collection: 'articles', id, draft: false })
    expect(live).toMatchObject({ _status: 'published', workflowState: 'published' })
  })

  it('should let exactly one of three final reviewers approving at once approve', async () => {
    const chiefs = await hireStaff(app, {
      final0: ['chief-editor'],
      final1: ['chief-editor'],
      final2: ['chief-editor'],
    })
    const { id } = await articleIn(app, s.author, 'in_review', 'final-review', '并发终审')
    const results = await Promise.all(
      Object.values(chiefs).map((chief) => act(app, chief, 'articles', id, 'approve')),
    )
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409])
    expect(
      results.filter((r) => r.status === 409).every((r) => r.json.errors[0].code === 'wrong-state'),
    ).toBe(true)
    const approvals = await app.payload.count({
      collection: 'workflow-events',
      where: { and: [{ documentId: { equals: String(id) } }, { action: { equals: 'approve' } }] },
    })
    expect(approvals.totalDocs).toBe(1)
  })
})

describe('photos and articles', () => {
  const tiny = fs.readFileSync(path.join(import.meta.dirname, '../helpers/tiny.jpg'))

  async function photo(caption: string | null, credit: string | null = '孙悦') {
    const form = new FormData()
    form.append(
      'file',
      new Blob([new Uint8Array(tiny)], { type: 'image/jpeg' }),
      `${caption ?? 'x'}.jpg`,
    )
    form.append('_payload', JSON.stringify({ caption, credit }))
    const res = await app.rest('POST', 'photos?depth=0', { token: s.photo.token, body: form })
    expect(res.status).toBe(201)
    return res.json.doc.id as number
  }

  async function approvedArticleUsing(photoIds: number[]) {
    const body = blocksToLexical(
      [
        { type: 'paragraph', text: '正文。' },
        ...photoIds.map((_, i) => ({ type: 'photoSlot' as const, caption: `图${i}` })),
      ],
      new Map(photoIds.map((pid, i) => [`图${i}`, pid])),
    )
    const res = await app.rest('POST', 'articles', {
      token: s.author.token,
      body: { title: '带图稿件', body },
    })
    const id = res.json.doc.id
    await act(app, s.author, 'articles', id, 'submit')
    for (const who of [s.editor2, s.reviewer1, s.chief])
      expect((await act(app, who, 'articles', id, 'approve')).status).toBe(200)
    return id as number
  }

  it('should refuse to publish while a photo it uses is not approved, listing it', async () => {
    const pending = await photo('待审图片')
    const id = await approvedArticleUsing([pending])
    const res = await act(app, s.chief2, 'articles', id, 'publish')
    expect(res.status).toBe(409)
    expect(res.json.errors[0].message).toContain(`#${pending}「待审图片」(draft)`)
    expect(
      (await app.rest('GET', `articles/${id}/workflow`, { token: s.chief.token })).json.state,
    ).toBe('approved')
  })

  it('should publish the approved photos with the article, in the same transaction', async () => {
    const pid = await photo('随文发布的图片')
    expect((await act(app, s.photo, 'photos', pid, 'submit')).json).toMatchObject({
      state: 'in_review',
      stage: 'review',
    })
    expect((await act(app, s.reviewer1, 'photos', pid, 'approve')).json).toMatchObject({
      state: 'approved',
    })
    const id = await approvedArticleUsing([pid])
    expect((await act(app, s.chief2, 'articles', id, 'publish')).status).toBe(200)
    const publicPhoto = await app.rest('GET', `photos/${pid}`)
    expect(publicPhoto.status).toBe(200)
    const events = await app.payload.find({
      collection: 'workflow-events',
      where: {
        and: [{ collection: { equals: 'photos' } }, { documentId: { equals: String(pid) } }],
      },
      sort: 'at',
    })
    expect(events.docs.map((e) => e.action)).toEqual(['submit', 'approve', 'publish'])
    const article = await app.rest('GET', `articles/${id}?depth=2`)
    expect(article.json.bodyHtml).toContain('<img src=')
  })

  it('should let photographers submit only photos', async () => {
    const id = await draftBy(s.author, '摄影记者不能送审文章')
    // Another's unpublished article is not even visible to a photographer.
    expect((await act(app, s.photo, 'articles', id, 'submit')).status).toBe(404)
  })
})

describe('withdrawal (撤稿)', () => {
  it('should need a reason and take the item out of every public read at once', async () => {
    const { id } = await articleIn(app, s.author, 'published', null, '将被撤稿')
    expect((await app.rest('GET', `articles/${id}`)).status).toBe(200)
    expect((await act(app, s.chief, 'articles', id, 'withdraw')).status).toBe(400)
    expect(
      (await act(app, s.reviewer1, 'articles', id, 'withdraw', { comment: '数据有误' })).status,
    ).toBe(403)
    expect(
      (await act(app, s.chief, 'articles', id, 'withdraw', { comment: '数据有误' })).json,
    ).toMatchObject({ state: 'withdrawn' })
    expect((await app.rest('GET', `articles/${id}`)).status).toBe(404)
    expect((await app.rest('GET', `articles/${id}?draft=true`)).status).toBe(404)
    const gql = await app.graphql(
      `{ Articles(where: { title: { equals: "将被撤稿" } }) { totalDocs } }`,
    )
    expect(gql.data.Articles.totalDocs).toBe(0)
  })
})

describe('the 审签单', () => {
  it('should give who submitted, approved each stage, and published, as JSON and printable HTML', async () => {
    const id = await draftBy(s.author, '审签单 <测试>')
    await act(app, s.author, 'articles', id, 'submit')
    await act(app, s.editor2, 'articles', id, 'approve', { comment: '初审同意' })
    await act(app, s.reviewer1, 'articles', id, 'approve')
    await act(app, s.chief, 'articles', id, 'approve', { comment: '终审同意' })
    await act(app, s.chief2, 'articles', id, 'publish')
    // Photographers see the sign-off sheets of their own photos only.
    expect(
      (await app.rest('GET', `articles/${id}/review-record`, { token: s.photo.token })).status,
    ).toBe(403)
    const { status, json } = await app.rest('GET', `articles/${id}/review-record`, {
      token: s.reviewer2.token,
    })
    expect(status).toBe(200)
    expect(json).toMatchObject({
      revision: 'last-published',
      submitted: { by: 'author' },
      published: { by: 'chief2' },
    })
    expect(
      json.stages.map((st: any) => [st.label, st.approved?.by, st.approved?.comment ?? null]),
    ).toEqual([
      ['初审', 'editor2', '初审同意'],
      ['复审', 'reviewer1', null],
      ['终审', 'chief', '终审同意'],
    ])
    const html = await app.rest('GET', `articles/${id}/review-record?format=html`, {
      token: s.author.token,
    })
    expect(html.headers.get('content-type')).toMatch(/text\/html/)
    expect(html.text).toContain('审 签 单')
    expect(html.text).toContain('审签单 &lt;测试&gt;')
    expect(html.text).not.toContain('<测试>')
    expect((await app.rest('GET', `articles/${id}/review-record`)).status).toBe(401)
  })
})

describe('notifications', () => {
  it('should tell the users who can act next, and let each read only their own', async () => {
    const id = await draftBy(s.author, '通知测试')
    await act(app, s.author, 'articles', id, 'submit')
    const mine = async (who: Person) =>
      (
        await app.rest(
          'GET',
          `notifications?where[collectionSlug][equals]=articles&where[documentId][equals]=${id}`,
          { token: who.token },
        )
      ).json.docs
    expect(await mine(s.reviewer1)).toEqual([
      expect.objectContaining({ kind: 'review', title: '待您初审:通知测试' }),
    ])
    expect(await mine(s.editor2)).toHaveLength(1)
    expect(await mine(s.author)).toHaveLength(0)
    const all = await app.rest('GET', 'notifications?limit=100', { token: s.reviewer1.token })
    expect(
      all.json.docs.every(
        (n: any) => n.recipient === s.reviewer1.id || n.recipient?.id === s.reviewer1.id,
      ),
    ).toBe(true)
    expect((await app.rest('GET', 'notifications')).status).toBe(403)
  })
})

describe('photos before review', () => {
  it('should need a caption and a credit before a photo can be submitted', async () => {
    const tiny = fs.readFileSync(path.join(import.meta.dirname, '../helpers/tiny.jpg'))
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(tiny)], { type: 'image/jpeg' }), 'bare.jpg')
    form.append('_payload', JSON.stringify({ caption: '只有说明' }))
    const id = (await app.rest('POST', 'photos?depth=0', { token: s.photo.token, body: form })).json
      .doc.id
    const res = await act(app, s.photo, 'photos', id, 'submit')
    expect(res.status).toBe(400)
    expect(res.json.errors[0].message).toBe('送审前请填写摄影 (fill in credit before submitting)')
    await app.rest('PATCH', `photos/${id}`, { token: s.photo.token, body: { credit: '孙悦' } })
    expect((await act(app, s.photo, 'photos', id, 'submit')).status).toBe(200)
  })
})

describe('email', () => {
  it('should email the next reviewers after the transition commits, and not fail it when mail fails', async () => {
    const { jest } = await import('@jest/globals')
    const sent: any[] = []
    const spy = jest.spyOn(app.payload, 'sendEmail').mockImplementation((async (message: any) => {
      sent.push(message)
      if (message.to === s.reviewer2.email) throw new Error('mail server down')
    }) as any)
    try {
      const id = await draftBy(s.author, '邮件通知')
      const res = await act(app, s.author, 'articles', id, 'submit')
      expect(res.status).toBe(200)
      // Everyone who may take 初审, except the author who submitted it.
      const firstDesk = await app.payload.find({
        collection: 'users',
        where: { roles: { in: ['editor', 'reviewer', 'chief-editor', 'admin'] } },
        pagination: false,
      })
      const expected = firstDesk.docs
        .map((u) => u.email)
        .filter((email) => email !== s.author.email)
      expect(expected).toEqual(
        expect.arrayContaining([
          s.admin.email,
          s.chief.email,
          s.editor2.email,
          s.reviewer1.email,
          s.reviewer2.email,
        ]),
      )
      expect(sent.map((m) => m.to).sort()).toEqual(expected.sort())
      expect(sent[0].subject).toBe('[Newsdesk] 待您初审:邮件通知')
    } finally {
      spy.mockRestore()
    }
  })
})

describe('withdrawing a live item whose next revision is in review', () => {
  it('should take the live version down', async () => {
    const { id } = await articleIn(app, s.author, 'published', null, '在审修订的已发布稿')
    await app.rest('PATCH', `articles/${id}`, {
      token: s.author.token,
      body: { subtitle: '修订中' },
    })
    await act(app, s.author, 'articles', id, 'submit')
    expect((await app.rest('GET', `articles/${id}`)).status).toBe(200)
    const res = await act(app, s.chief, 'articles', id, 'withdraw', { comment: '紧急撤稿' })
    expect(res.json).toMatchObject({ state: 'withdrawn' })
    expect((await app.rest('GET', `articles/${id}`)).status).toBe(404)
  })
})
