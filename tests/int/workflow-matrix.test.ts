/**
 * The whole workflow table as a matrix: every role (and the item's author) × every action × every
 * state, over REST and over GraphQL. The expectations below are written out by hand from the
 * product rules, not derived from src/workflow/table.ts, so a wrong table fails here.
 */
import fs from 'node:fs'
import path from 'node:path'

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
let staff: Record<string, Person>

const ACTORS = ['admin', 'chief-editor', 'reviewer', 'editor', 'photographer', 'author'] as const
type Actor = (typeof ACTORS)[number]
const ACTIONS = ['submit', 'approve', 'reject', 'publish', 'withdraw'] as const

const ARTICLE_STATES = [
  ['draft', null],
  ['in_review', 'first-review'],
  ['in_review', 'second-review'],
  ['in_review', 'final-review'],
  ['approved', null],
  ['published', null],
  ['withdrawn', null],
] as const

const PHOTO_STATES = [
  ['draft', null],
  ['in_review', 'review'],
  ['approved', null],
  ['published', null],
  ['withdrawn', null],
] as const

/** Who may take each action, from which state:stage. Anything else from that state is 403. */
const ARTICLE_RULES: Record<string, Record<string, Actor[]>> = {
  submit: { draft: ['admin', 'chief-editor', 'editor', 'author'] },
  approve: {
    'in_review:first-review': ['admin', 'chief-editor', 'reviewer', 'editor'],
    'in_review:second-review': ['admin', 'chief-editor', 'reviewer'],
    'in_review:final-review': ['admin', 'chief-editor'],
  },
  reject: {
    'in_review:first-review': ['admin', 'chief-editor', 'reviewer', 'editor'],
    'in_review:second-review': ['admin', 'chief-editor', 'reviewer'],
    'in_review:final-review': ['admin', 'chief-editor'],
  },
  publish: { approved: ['admin', 'chief-editor'] },
  withdraw: { published: ['admin', 'chief-editor'] },
}

/** Photos: one stage; the author is a photographer; other photographers cannot see drafts. */
const PHOTO_RULES: Record<string, Record<string, Actor[]>> = {
  submit: { draft: ['admin', 'chief-editor', 'editor', 'photographer', 'author'] },
  approve: { 'in_review:review': ['admin', 'chief-editor', 'reviewer'] },
  reject: { 'in_review:review': ['admin', 'chief-editor', 'reviewer'] },
  publish: { approved: ['admin', 'chief-editor'] },
  withdraw: { published: ['admin', 'chief-editor'] },
}

function expected(
  rules: Record<string, Record<string, Actor[]>>,
  action: string,
  state: string,
  stage: string | null,
  actor: Actor,
) {
  const key = stage ? `${state}:${stage}` : state
  const from = rules[action]!
  if (!(key in from)) return 409
  return from[key]!.includes(actor) ? 200 : 403
}

const TO_AFTER: Record<
  string,
  (stage: string | null, stages: string[]) => [string, string | null]
> = {
  submit: (_, stages) => ['in_review', stages[0]!],
  approve: (stage, stages) => {
    const next = stages[stages.indexOf(stage!) + 1]
    return next ? ['in_review', next] : ['approved', null]
  },
  reject: () => ['draft', null],
  publish: () => ['published', null],
  withdraw: () => ['withdrawn', null],
}

beforeAll(async () => {
  app = await bootNewsdesk()
  staff = await hireStaff(app, {
    admin: ['admin'],
    'chief-editor': ['chief-editor'],
    reviewer: ['reviewer'],
    editor: ['editor'],
    photographer: ['photographer'],
    author: ['editor'],
    photoAuthor: ['photographer'],
  })
})
afterAll(async () => {
  await app?.close()
})

const tiny = fs.readFileSync(path.join(import.meta.dirname, '../helpers/tiny.jpg'))

let uploads = 0

async function photoIn(state: string, stage: string | null) {
  uploads += 1
  const doc = await app.payload.create({
    collection: 'photos',
    data: { caption: '矩阵图片', credit: '孙悦', createdBy: staff.photoAuthor!.id },
    // A fresh name each time: Payload probes name-1, name-2, … for a free one.
    file: { data: tiny, mimetype: 'image/jpeg', name: `matrix-${uploads}.jpg`, size: tiny.length },
    draft: true,
  })
  return putInState(app, 'photos', doc, state, stage)
}

type Api = 'REST' | 'GraphQL'

async function call(
  api: Api,
  who: Person,
  collection: string,
  id: number | string,
  action: string,
) {
  const extra: Record<string, string> =
    action === 'reject' || action === 'withdraw' ? { comment: '矩阵测试意见' } : {}
  if (api === 'REST') {
    const res = await act(app, who, collection, id, action, extra)
    return { status: res.status, body: res.json }
  }
  const res = await actGraphQL(app, who, collection, id, action, extra)
  if (res.errors?.length)
    return { status: res.errors[0].extensions?.statusCode ?? 500, body: res.errors[0] }
  return { status: 200, body: res.data.workflowTransition }
}

describe.each(['REST', 'GraphQL'] as Api[])('the workflow matrix over %s', (api) => {
  it.each(ACTIONS)(
    'should allow and refuse "%s" on articles exactly as the rules say',
    async (action) => {
      const wrong: string[] = []
      for (const [state, stage] of ARTICLE_STATES) {
        for (const actor of ACTORS) {
          const doc = await articleIn(app, staff.author!, state, stage)
          // A photographer may not read an unpublished article that uses none of their photos: to them
          // it does not exist (least privilege, README "Roles").
          const hidden = actor === 'photographer' && state !== 'published'
          const want = hidden ? 404 : expected(ARTICLE_RULES, action, state, stage, actor)
          const got = await call(api, staff[actor]!, 'articles', doc.id, action)
          if (got.status !== want)
            wrong.push(`${actor} ${action} @ ${state}:${stage} → ${got.status}, want ${want}`)
          else if (want === 200) {
            const [toState, toStage] = TO_AFTER[action]!(stage, [
              'first-review',
              'second-review',
              'final-review',
            ])
            if (got.body.state !== toState || (got.body.stage ?? null) !== toStage) {
              wrong.push(
                `${actor} ${action} @ ${state}:${stage} led to ${got.body.state}:${got.body.stage}`,
              )
            }
          }
        }
      }
      expect(wrong).toEqual([])
    },
  )

  it.each(ACTIONS)(
    'should allow and refuse "%s" on photos exactly as the rules say',
    async (action) => {
      const wrong: string[] = []
      for (const [state, stage] of PHOTO_STATES) {
        for (const actor of ACTORS) {
          const doc = await photoIn(state, stage)
          const who = actor === 'author' ? staff.photoAuthor! : staff[actor]!
          // A photographer who is not the author cannot even see a photo that is not published.
          const want =
            actor === 'photographer' && state !== 'published'
              ? 404
              : expected(PHOTO_RULES, action, state, stage, actor)
          const got = await call(api, who, 'photos', doc.id, action)
          if (got.status !== want)
            wrong.push(`${actor} ${action} @ ${state}:${stage} → ${got.status}, want ${want}`)
        }
      }
      expect(wrong).toEqual([])
    },
  )
})

describe.each(['REST', 'GraphQL'] as Api[])('the contributor rule over %s', (api) => {
  it('should refuse a reviewer who rewrote the draft, at every stage, and let the others through', async () => {
    const created = await app.rest('POST', 'articles?draft=true', {
      token: staff.author!.token,
      body: { title: `改稿人 ${api}`, body: simpleBody() },
    })
    const id = created.json.doc.id
    // The reviewer edits the draft (reviewers may edit), the editor submits it.
    const edit = await app.rest('PATCH', `articles/${id}?draft=true`, {
      token: staff.reviewer!.token,
      body: { body: simpleBody('审核员改写过的正文。') },
    })
    expect(edit.status).toBe(200)
    expect((await act(app, staff.author!, 'articles', id, 'submit')).status).toBe(200)
    for (const action of ['approve', 'reject']) {
      const refused = await call(api, staff.reviewer!, 'articles', id, action)
      expect(refused.status).toBe(403)
      expect(JSON.stringify(refused.body)).toMatch(/修改过本稿/)
    }
    // Someone who did not change it approves 初审; the reviewer is still refused at 复审.
    expect((await call(api, staff.editor!, 'articles', id, 'approve')).status).toBe(200)
    expect((await call(api, staff.reviewer!, 'articles', id, 'approve')).status).toBe(403)
    expect((await call(api, staff['chief-editor']!, 'articles', id, 'approve')).status).toBe(200)
  })
})
