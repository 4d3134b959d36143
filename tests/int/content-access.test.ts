import fs from 'node:fs'
import path from 'node:path'

import type { Role } from '../../src/access/roles'
import { blocksToLexical } from '../../src/import/lexical'
import { bootNewsdesk, type TestApp } from '../helpers/boot'

let app: TestApp
const tokens: Record<string, string> = {}
const ids: Record<string, number> = {}
const body = blocksToLexical([{ type: 'paragraph', text: '正文。' }])
const tinyJpeg = fs.readFileSync(path.join(import.meta.dirname, '../helpers/tiny.jpg'))

const PEOPLE: [string, Role[]][] = [
  ['admin', ['admin']],
  ['chief', ['chief-editor']],
  ['reviewer', ['reviewer']],
  ['editor', ['editor']],
  ['editor2', ['editor']],
  ['photo', ['photographer']],
  ['photo2', ['photographer']],
]

beforeAll(async () => {
  app = await bootNewsdesk()
  for (const [key, roles] of PEOPLE) {
    const user = await app.payload.create({
      collection: 'users',
      data: { email: `${key}@test.local`, password: `Pw-${key}-2026!`, name: key, roles },
    })
    ids[key] = user.id
    tokens[key] = await app.login(`${key}@test.local`, `Pw-${key}-2026!`)
  }
})
afterAll(async () => {
  await app?.close()
})

const gqlCreateArticle = `mutation ($title: String!, $body: JSON!) {
  createArticle(data: { title: $title, body: $body }, draft: true) { id title }
}`

describe('who may write articles', () => {
  it.each([
    ['admin', 201],
    ['chief', 201],
    ['editor', 201],
    ['reviewer', 403],
    ['photo', 403],
    ['anonymous', 403],
  ])('should answer %s with %i over REST', async (who, status) => {
    const res = await app.rest('POST', 'articles?draft=true', {
      token: tokens[who],
      body: { title: `${who}的稿件`, body },
    })
    expect(res.status).toBe(status)
  })

  it.each([
    ['editor', true],
    ['photo', false],
    ['reviewer', false],
    ['anonymous', false],
  ])('should let %s create over GraphQL: %s', async (who, allowed) => {
    const { data, errors } = await app.graphql(
      gqlCreateArticle,
      { title: `${who} GraphQL`, body },
      { token: tokens[who] },
    )
    if (allowed) {
      expect(errors).toBeUndefined()
      expect(data.createArticle.title).toBe(`${who} GraphQL`)
    } else {
      expect(errors?.[0]?.message).toMatch(/无权|not allowed/i)
      expect(
        await app.payload.count({
          collection: 'articles',
          where: { title: { equals: `${who} GraphQL` } },
        }),
      ).toEqual(expect.objectContaining({ totalDocs: 0 }))
    }
  })

  it('should let only chief editors and admins delete', async () => {
    const make = () =>
      app.payload.create({
        collection: 'articles',
        data: { title: '待删', body: body as any },
        draft: true,
      })
    const a = await make()
    expect((await app.rest('DELETE', `articles/${a.id}`, { token: tokens.editor })).status).toBe(
      403,
    )
    expect((await app.rest('DELETE', `articles/${a.id}`, { token: tokens.chief })).status).toBe(200)
  })
})

describe('what anonymous readers see', () => {
  it('should hide drafts and show published articles, over REST and GraphQL', async () => {
    const draft = await app.payload.create({
      collection: 'articles',
      data: { title: '草稿不可见', body: body as any },
      draft: true,
    })
    const live = await app.payload.create({
      collection: 'articles',
      data: { title: '已发布', body: body as any, _status: 'published' },
    })
    expect((await app.rest('GET', `articles/${draft.id}`)).status).toBe(404)
    expect((await app.rest('GET', `articles/${live.id}`)).status).toBe(200)
    const list = await app.rest('GET', 'articles?limit=100')
    expect(list.json.docs.map((d: any) => d.title)).not.toContain('草稿不可见')
    const gql = await app.graphql('{ Articles(limit: 100) { docs { title } } }')
    expect(gql.data.Articles.docs.map((d: any) => d.title)).toEqual(['已发布'])
    const one = await app.graphql(`{ Article(id: ${draft.id}) { title } }`)
    expect(one.data?.Article ?? null).toBeNull()
  })
})

describe('photographers and their photos', () => {
  let photoId: number

  beforeAll(async () => {
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(tinyJpeg)], { type: 'image/jpeg' }), 'mine.jpg')
    form.append('_payload', JSON.stringify({ caption: '我的草稿照片' }))
    const res = await app.rest('POST', 'photos?draft=true&depth=0', {
      token: tokens.photo,
      body: form,
    })
    expect(res.status).toBe(201)
    photoId = res.json.doc.id
    expect(res.json.doc.createdBy).toBe(ids.photo)
  })

  it('should let the photographer read and edit their own draft', async () => {
    expect(
      (await app.rest('GET', `photos/${photoId}?draft=true`, { token: tokens.photo })).status,
    ).toBe(200)
    const edit = await app.rest('PATCH', `photos/${photoId}?draft=true`, {
      token: tokens.photo,
      body: { credit: '孙悦' },
    })
    expect(edit.status).toBe(200)
  })

  it('should keep another photographer from reading or editing it, over REST and GraphQL', async () => {
    expect(
      (await app.rest('GET', `photos/${photoId}?draft=true`, { token: tokens.photo2 })).status,
    ).toBe(404)
    const list = await app.rest('GET', 'photos?draft=true', { token: tokens.photo2 })
    expect(list.json.docs.map((p: any) => p.id)).not.toContain(photoId)
    expect(
      (
        await app.rest('PATCH', `photos/${photoId}`, {
          token: tokens.photo2,
          body: { caption: '改掉' },
        })
      ).status,
    ).toBe(403)
    const gql = await app.graphql(
      '{ Photos(draft: true) { docs { id caption } } }',
      {},
      { token: tokens.photo2 },
    )
    expect(gql.data.Photos.docs.map((p: any) => p.id)).not.toContain(photoId)
    const read = await app.payload.findByID({ collection: 'photos', id: photoId, draft: true })
    expect(read.caption).toBe('我的草稿照片')
  })

  it('should let editors read it', async () => {
    expect(
      (await app.rest('GET', `photos/${photoId}?draft=true`, { token: tokens.editor })).status,
    ).toBe(200)
  })
})

describe('users and roles', () => {
  it('should not let anyone but an admin change roles or names, their own included (REST and GraphQL)', async () => {
    const rest = await app.rest('PATCH', `users/${ids.editor}`, {
      token: tokens.editor,
      body: { roles: ['admin'], name: '新名字' },
    })
    expect(rest.status).toBe(200)
    const gql = await app.graphql(
      `mutation { updateUser(id: ${ids.editor2}, data: { roles: [admin] }) { roles } }`,
      {},
      { token: tokens.editor2 },
    )
    expect(gql.errors).toBeUndefined()
    const editor = await app.payload.findByID({ collection: 'users', id: ids.editor })
    const editor2 = await app.payload.findByID({ collection: 'users', id: ids.editor2 })
    // A name is a signature on the 审签单: only an admin changes it.
    expect(editor).toMatchObject({ roles: ['editor'], name: 'editor' })
    expect(editor2.roles).toEqual(['editor'])
    const byAdmin = await app.rest('PATCH', `users/${ids.editor}`, {
      token: tokens.admin,
      body: { name: '新名字' },
    })
    expect(byAdmin.status).toBe(200)
    expect((await app.payload.findByID({ collection: 'users', id: ids.editor })).name).toBe(
      '新名字',
    )
  })

  it('should not let staff edit or create other users', async () => {
    expect(
      (
        await app.rest('PATCH', `users/${ids.reviewer}`, {
          token: tokens.editor,
          body: { name: 'x' },
        })
      ).status,
    ).toBe(403)
    const create = await app.rest('POST', 'users', {
      token: tokens.chief,
      body: { email: 'new@test.local', password: 'Pw-new-user-2026!', name: 'n', roles: ['admin'] },
    })
    expect(create.status).toBe(403)
  })

  it('should let an admin change roles', async () => {
    const res = await app.rest('PATCH', `users/${ids.reviewer}`, {
      token: tokens.admin,
      body: { roles: ['reviewer', 'editor'] },
    })
    expect(res.status).toBe(200)
    expect(res.json.doc.roles).toEqual(['reviewer', 'editor'])
  })

  it('should hide users from anonymous readers, over REST and GraphQL', async () => {
    expect((await app.rest('GET', 'users')).status).toBe(403)
    const gql = await app.graphql('{ Users { docs { email } } }')
    expect(gql.data?.Users ?? null).toBeNull()
    expect(gql.errors?.[0]?.message).toMatch(/无权|not allowed/i)
  })
})

describe('ownership cannot be forged', () => {
  it('should set createdBy from the login and ignore attempts to set or change it', async () => {
    const res = await app.rest('POST', 'projects?draft=true&depth=0', {
      token: tokens.editor,
      body: { name: '伪造', createdBy: ids.admin },
    })
    expect(res.json.doc.createdBy).toBe(ids.editor)
    const patch = await app.rest('PATCH', `projects/${res.json.doc.id}?draft=true&depth=0`, {
      token: tokens.chief,
      body: { createdBy: ids.chief },
    })
    expect(patch.json.doc.createdBy).toBe(ids.editor)
  })
})
