import fs from 'node:fs'
import path from 'node:path'

import { blocksToLexical } from '../../src/import/lexical'
import { bootNewsdesk, type TestApp } from '../helpers/boot'

let app: TestApp
let editor: string

const body = (text = '正文段落。') => blocksToLexical([{ type: 'paragraph', text }])
const tinyJpeg = fs.readFileSync(path.join(import.meta.dirname, '../helpers/tiny.jpg'))

beforeAll(async () => {
  app = await bootNewsdesk()
  await app.payload.create({
    collection: 'users',
    data: { email: 'ed@test.local', password: 'Pw-editor-2026!', name: '编辑', roles: ['editor'] },
  })
  editor = await app.login('ed@test.local', 'Pw-editor-2026!')
})
afterAll(async () => {
  await app?.close()
})

const fieldErrors = (json: any) => json?.errors?.[0]?.data?.errors ?? []

describe('articles', () => {
  it('should save a draft with only a title and a body', async () => {
    const { status, json } = await app.rest('POST', 'articles?draft=true', {
      token: editor,
      body: { title: '全力推动战略性新兴产业高质量发展', body: body() },
    })
    expect(status).toBe(201)
    expect(json.doc).toMatchObject({
      _status: 'draft',
      slug: 'quan-li-tui-dong-zhan-lve-xing-xin-xing-chan-ye-gao-zhi-liang-fa-zhan',
      excerpt: null,
    })
  })

  it('should refuse an article without a title, naming the field in Chinese', async () => {
    const { status, json } = await app.rest('POST', 'articles?draft=true', {
      token: editor,
      body: { body: body() },
    })
    expect(status).toBe(400)
    expect(fieldErrors(json)).toEqual([expect.objectContaining({ path: 'title', label: '标题' })])
    expect(json.errors[0].message).toMatch(/标题/)
  })

  it('should make unique pinyin slugs and keep an edited one', async () => {
    const make = (extra: object = {}) =>
      app.rest('POST', 'articles?draft=true', {
        token: editor,
        body: { title: '兰州新区', body: body(), ...extra },
      })
    expect((await make()).json.doc.slug).toBe('lan-zhou-xin-qu')
    expect((await make()).json.doc.slug).toBe('lan-zhou-xin-qu-2')
    const edited = (await make({ slug: 'Lanzhou New Area 2023' })).json.doc
    expect(edited.slug).toBe('lanzhou-new-area-2023')
    // Saving again keeps the slug: the document does not collide with itself.
    const resaved = await app.rest('PATCH', `articles/${edited.id}?draft=true`, {
      token: editor,
      body: { subtitle: '副题' },
    })
    expect(resaved.json.doc.slug).toBe('lanzhou-new-area-2023')
  })

  it('should derive the 数据来源 line and the excerpt', async () => {
    const sources = []
    for (const office of ['兰州新区党工委办公室', '兰州新区统计局']) {
      sources.push(
        (await app.rest('POST', 'data-sources?draft=true', { token: editor, body: { office } }))
          .json.doc.id,
      )
    }
    const lead = '兰州新区以“三抓三促”行动为重要抓手,推动战略性新兴产业高质量发展。'.repeat(5)
    const { json } = await app.rest('POST', 'articles?draft=true', {
      token: editor,
      body: { title: '数据', body: body(), dataSources: sources, lead },
    })
    expect(json.doc.dataSourceLine).toBe('数据来源:兰州新区党工委办公室、兰州新区统计局')
    expect(Array.from(json.doc.excerpt as string)).toHaveLength(120)
    expect(json.doc.excerpt.endsWith('…')).toBe(true)
  })

  it('should render photo slots as figures, escaping captions, pending when no photo is set', async () => {
    const photo = await app.payload.create({
      collection: 'photos',
      data: { caption: '兰州新区栖霞湖全景', _status: 'published' },
      file: { data: tinyJpeg, mimetype: 'image/jpeg', name: 'lake.jpg', size: tinyJpeg.length },
    })
    const content = blocksToLexical(
      [
        { type: 'paragraph', text: '正文 <b>不是标签</b>' },
        { type: 'photoSlot', caption: '兰州新区栖霞湖全景' },
        { type: 'photoSlot', caption: '待补的<script>alert(1)</script>图' },
      ],
      new Map([['兰州新区栖霞湖全景', photo.id]]),
    )
    const created = await app.payload.create({
      collection: 'articles',
      data: { title: '图片位', body: content as any, _status: 'published' },
    })
    const { json } = await app.rest('GET', `articles/${created.id}?depth=2`)
    expect(json.bodyHtml).toContain(`<img src="${photo.url}"`)
    expect(json.bodyHtml).toContain('<figcaption>兰州新区栖霞湖全景</figcaption>')
    expect(json.bodyHtml).toContain(
      '<figure class="photo-slot photo-slot--pending" data-pending="true"><figcaption>待补的&lt;script&gt;alert(1)&lt;/script&gt;图</figcaption></figure>',
    )
    expect(json.bodyHtml).toContain('正文 &lt;b&gt;不是标签&lt;/b&gt;')
    expect(json.bodyHtml).not.toContain('<script>')
    // GraphQL does not populate the body unless asked: the photo is loaded for bodyHtml all the same.
    const gql = await app.graphql(`{ Article(id: ${created.id}) { bodyHtml } }`)
    expect(gql.data.Article.bodyHtml).toContain(`<img src="${photo.url}"`)
  })
})

describe('projects', () => {
  const project = (investment: object, extra: object = {}) =>
    app.rest('POST', 'projects?draft=true', {
      token: editor,
      body: { name: '兰州宏彬电池石墨化项目', investment, ...extra },
    })

  it('should store investment in 万元 and show it as entered', async () => {
    const yi = await project({ amount: 53, unit: '亿元' })
    expect(yi.status).toBe(201)
    expect(yi.json.doc.investment).toEqual({
      amount: 53,
      unit: '亿元',
      wanYuan: 530000,
      display: '53亿元',
    })
    const wan = await project({ amount: 4500, unit: '万元' })
    expect(wan.json.doc.investment).toEqual({
      amount: 4500,
      unit: '万元',
      wanYuan: 4500,
      display: '4500万元',
    })
    const sorted = await app.rest('GET', 'projects?sort=-investment.wanYuan&draft=true', {
      token: editor,
    })
    expect(sorted.json.docs.map((d: any) => d.investment.display).slice(0, 2)).toEqual([
      '53亿元',
      '4500万元',
    ])
  })

  it('should refuse negative amounts and unknown units with Chinese messages', async () => {
    const negative = await project({ amount: -1, unit: '亿元' })
    expect(negative.status).toBe(400)
    expect(fieldErrors(negative.json)).toContainEqual(
      expect.objectContaining({
        path: 'investment.amount',
        message: expect.stringContaining('总投资不能为负数'),
      }),
    )
    const dollars = await project({ amount: 5, unit: '美元' })
    expect(dollars.status).toBe(400)
    expect(fieldErrors(dollars.json)).toContainEqual(
      expect.objectContaining({
        message: expect.stringContaining('未知的投资单位「美元」,可选:亿元、万元'),
      }),
    )
    const capacity = await project(
      {},
      {
        capacities: [
          { value: -20, unit: '万吨/年', product: '负极材料' },
          { value: 1, unit: '万桶/天' },
        ],
      },
    )
    expect(capacity.status).toBe(400)
    const messages = fieldErrors(capacity.json)
      .map((e: any) => e.message)
      .join(' ')
    expect(messages).toMatch(/产能不能为负数/)
    expect(messages).toMatch(/未知的产能单位「万桶\/天」/)
    const status = await project({}, { status: 'cancelled' })
    expect(fieldErrors(status.json)).toContainEqual(expect.objectContaining({ path: 'status' }))
  })

  it('should list related articles through the join', async () => {
    const p = await app.payload.create({
      collection: 'projects',
      data: { name: '海亮铜箔', _status: 'published' },
    })
    await app.payload.create({
      collection: 'articles',
      data: { title: '铜箔', body: body() as any, projects: [p.id], _status: 'published' },
    })
    const { json } = await app.rest('GET', `projects/${p.id}?depth=1`)
    expect(json.relatedArticles.docs.map((a: any) => a.title)).toEqual(['铜箔'])
  })
})

describe('photos', () => {
  it('should make thumbnail, card and hero sizes in JPEG and WebP, uncropped, and leave alt apart from the caption', async () => {
    const sharp = (await import('sharp')).default
    const image = await sharp({
      create: { width: 2400, height: 1600, channels: 3, background: '#3a6' },
    })
      .jpeg()
      .toBuffer()
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(image)], { type: 'image/jpeg' }), 'wide.jpg')
    form.append('_payload', JSON.stringify({ caption: '兰州新区临港花海', credit: '孙悦' }))
    const { status, json } = await app.rest('POST', 'photos?draft=true', {
      token: editor,
      body: form,
    })
    expect(status).toBe(201)
    const { sizes, alt } = json.doc
    // A caption is not a description of the picture: alt stays empty until someone writes one.
    expect(alt ?? null).toBeNull()
    const expected = {
      thumbnail: [320, 213, 'image/jpeg'],
      thumbnailWebp: [320, 213, 'image/webp'],
      card: [800, 533, 'image/jpeg'],
      cardWebp: [800, 533, 'image/webp'],
      hero: [1920, 1280, 'image/jpeg'],
      heroWebp: [1920, 1280, 'image/webp'],
    }
    for (const [name, [width, height, mimeType]] of Object.entries(expected)) {
      expect({ name, ...sizes[name] }).toMatchObject({ name, width, height, mimeType })
      const file = path.join(process.env.MEDIA_DIR!, sizes[name].filename)
      expect((await sharp(file).metadata()).format).toBe(
        mimeType === 'image/webp' ? 'webp' : 'jpeg',
      )
    }
  })
})
