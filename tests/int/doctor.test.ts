/**
 * `npm run doctor`: a database that went through the workflow properly passes; each kind of damage
 * a crash or a hand edit could leave is reported with its document, and the command exits 1.
 */
import fs from 'node:fs'
import path from 'node:path'

import { runDoctor } from '../../src/doctor/checks'
import { blocksToLexical } from '../../src/import/lexical'
import { WORKFLOW_CONTEXT } from '../../src/workflow/context'
import { bootNewsdesk, type TestApp } from '../helpers/boot'
import { cameraJpeg } from '../helpers/images'
import { act, hireStaff, putInState, simpleBody, type Person } from '../helpers/newsroom'
import { runToEnd } from '../helpers/process'

let app: TestApp
let s: Record<string, Person>
let articleId: number
let photoId: number

beforeAll(async () => {
  app = await bootNewsdesk()
  s = await hireStaff(app, {
    admin: ['admin'],
    author: ['editor'],
    shooter: ['photographer'],
    rev1: ['reviewer'],
    rev2: ['reviewer'],
    chief: ['chief-editor'],
    chief2: ['chief-editor'],
  })
  // A live article with its photo, both through the workflow over REST.
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(await cameraJpeg())]), 'doctor.jpg')
  form.append('_payload', JSON.stringify({ caption: '园区全景', credit: '孙悦' }))
  photoId = (await app.rest('POST', 'photos?depth=0', { token: s.shooter.token, body: form })).json
    .doc.id
  const versionOf = async (collection: string, id: number, who: Person) =>
    (await app.rest('GET', `${collection}/${id}/workflow`, { token: who.token })).json.versionId
  expect((await act(app, s.shooter, 'photos', photoId, 'submit')).status).toBe(200)
  const photoVersion = await versionOf('photos', photoId, s.rev1)
  expect(
    (await act(app, s.rev1, 'photos', photoId, 'approve', { versionId: photoVersion })).status,
  ).toBe(200)
  const article = await app.rest('POST', 'articles?draft=true', {
    token: s.author.token,
    body: {
      title: '体检文章',
      body: blocksToLexical(
        [
          { type: 'paragraph', text: '正文。' },
          { type: 'photoSlot', caption: '园区全景' },
        ] as never,
        new Map([['园区全景', photoId]]),
      ),
    },
  })
  articleId = article.json.doc.id
  expect((await act(app, s.author, 'articles', articleId, 'submit')).status).toBe(200)
  for (const who of [s.rev1, s.rev2, s.chief]) {
    const versionId = await versionOf('articles', articleId, who)
    expect((await act(app, who, 'articles', articleId, 'approve', { versionId })).status).toBe(200)
  }
  const versionId = await versionOf('articles', articleId, s.chief2)
  expect((await act(app, s.chief2, 'articles', articleId, 'publish', { versionId })).status).toBe(
    200,
  )
  // And a plain draft.
  await app.rest('POST', 'articles?draft=true', {
    token: s.author.token,
    body: { title: '草稿', body: simpleBody() },
  })
}, 120_000)
afterAll(async () => {
  await app?.close()
})

const rules = async () =>
  (await runDoctor(app.payload)).map((v) => `${v.rule} ${v.collection ?? ''}#${v.id ?? ''}`)

describe('npm run doctor', () => {
  it('should find nothing wrong with a database the workflow wrote', async () => {
    expect(await runDoctor(app.payload)).toEqual([])
  })

  it('should report each kind of damage with its document', async () => {
    // 1. A live article whose state says otherwise (a crash between two writes).
    await app.payload.db.updateOne({
      collection: 'articles',
      where: { id: { equals: articleId } },
      data: { workflowState: 'approved' },
    })
    // 2. An item moved to review with no event; 3. an event whose change never happened.
    const silent = await app.payload.create({
      collection: 'articles',
      data: { title: '无记录', body: simpleBody() },
      draft: true,
    })
    await putInState(app, 'articles', silent, 'in_review', 'first-review')
    const strayEvent = await app.payload.create({
      collection: 'workflow-events',
      data: {
        collection: 'photos',
        documentId: String(photoId),
        action: 'withdraw',
        fromState: 'published',
        toState: 'withdrawn',
        at: new Date().toISOString(),
      } as never,
    })
    expect(strayEvent.id).toBeDefined()
    // 4. A live article whose photo never went live with it.
    await app.payload.update({
      collection: 'photos',
      id: photoId,
      data: { workflowState: 'approved', _status: 'draft' } as never,
      context: { [WORKFLOW_CONTEXT]: true },
    })
    // 5. Files: one missing, one nobody owns, one left half-written.
    const photo = await app.payload.findByID({ collection: 'photos', id: photoId, depth: 0 })
    const media = process.env.MEDIA_DIR!
    fs.rmSync(path.join(media, photo.filename!))
    fs.writeFileSync(path.join(media, 'stray.jpg'), 'x')
    fs.writeFileSync(path.join(media, 'upload-123.tmp'), 'x')
    // 6. A scheduled publication carried out twice.
    for (let i = 0; i < 2; i++)
      await app.payload.create({
        collection: 'workflow-events',
        data: {
          collection: 'articles',
          documentId: String(silent.id),
          action: 'publish',
          fromState: 'approved',
          toState: 'published',
          actorType: 'scheduler',
          scheduledFor: '2026-11-29T02:00:00.000Z',
          at: new Date(Date.now() - 60_000).toISOString(),
        } as never,
      })

    // 7. A scheduled publication whose job was lost: approved, two hours overdue.
    const overdue = await app.payload.create({
      collection: 'articles',
      data: { title: '定时未发', body: simpleBody() },
      draft: true,
    })
    await app.payload.update({
      collection: 'articles',
      id: overdue.id,
      data: {
        workflowState: 'approved',
        publishAt: new Date(Date.now() - 2 * 3_600_000).toISOString(),
      } as never,
      draft: true,
      context: { [WORKFLOW_CONTEXT]: true },
    })

    const found = await rules()
    expect(found).toEqual(
      expect.arrayContaining([
        `state-status articles#${articleId}`,
        `event-state photos#${photoId}`,
        `photos-not-live photos#${photoId}`,
        `missing-file photos#${photoId}`,
        'orphan-file #',
        'temp-file #',
        `scheduled-twice articles#${silent.id}`,
        `schedule-missed articles#${overdue.id}`,
      ]),
    )
    // The silent item's last event is now the duplicated publish: it disagrees with its state.
    expect(found).toContain(`event-state articles#${silent.id}`)
  })

  it('should print the violations and exit 1 as a command', async () => {
    const run = await runToEnd(
      'npm',
      ['run', '--silent', 'doctor'],
      {
        ...process.env,
        DATABASE_URI: process.env.DATABASE_URI,
        MEDIA_DIR: process.env.MEDIA_DIR,
        PAYLOAD_SECRET: process.env.PAYLOAD_SECRET,
      },
      120_000,
    )
    expect(run.code).toBe(1)
    expect(run.output).toContain(`[state-status] articles#${articleId}`)
    expect(run.output).toMatch(/发现 \d+ 处问题/)
  }, 150_000)
})
