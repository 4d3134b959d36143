import fs from 'node:fs'
import path from 'node:path'

import { jest } from '@jest/globals'
import iconv from 'iconv-lite'

import { importArticle } from '../../src/import/importArticle'
import { photoSlotsOf } from '../../src/import/lexical'
import { lexicalParagraphs } from '../../src/content/plainText'
import { bootNewsdesk, type TestApp } from '../helpers/boot'
import { FIXTURE_CAPTIONS, FIXTURE_PATH, fixtureParagraphs, fixtureText } from '../helpers/fixture'
import { runToEnd } from '../helpers/process'

let app: TestApp

beforeAll(async () => {
  app = await bootNewsdesk()
})
afterAll(async () => {
  await app?.close()
})

const utf8 = { bytes: Buffer.from(fixtureText, 'utf8'), name: 'feature.txt' }
const gbk = { bytes: iconv.encode(fixtureText, 'gbk'), name: 'feature-gbk.txt' }

async function stored(id: number | string) {
  return app.payload.findByID({ collection: 'articles', id, draft: true, depth: 0 })
}

describe('importing the fixture feature', () => {
  it('should make a draft whose paragraphs and photo slots are exactly the text’s', async () => {
    const result = await importArticle(app.payload, utf8)
    expect(result).toMatchObject({ encoding: 'utf-8', photoSlots: 8, linkedPhotos: 0 })
    const article = await stored(result.id)
    expect(article._status).toBe('draft')
    expect(article).toMatchObject({
      kicker: '兰州新区',
      title: '全力推动战略性新兴产业高质量发展',
      slogan: '“学”字当头 “实”字为要 “闯”字为先',
      dataSourceLine: '数据来源:兰州新区党工委办公室',
    })
    expect(lexicalParagraphs(article.body)).toEqual(fixtureParagraphs())
    expect(photoSlotsOf(article.body).map((slot) => slot.caption)).toEqual(FIXTURE_CAPTIONS)
  })

  it('should give the same article from the GBK file, linking the data source made before', async () => {
    const first = await importArticle(app.payload, utf8)
    const second = await importArticle(app.payload, gbk)
    expect(second.encoding).toBe('gb18030')
    expect(second.dataSources).toEqual([
      { id: first.dataSources[0]!.id, office: '兰州新区党工委办公室', created: false },
    ])
    const [a, b] = [await stored(first.id), await stored(second.id)]
    for (const field of ['kicker', 'title', 'slogan', 'dataSourceLine', 'excerpt'] as const) {
      expect(b[field]).toEqual(a[field])
    }
    expect(lexicalParagraphs(b.body)).toEqual(lexicalParagraphs(a.body))
    expect(photoSlotsOf(b.body).map((s) => s.caption)).toEqual(
      photoSlotsOf(a.body).map((s) => s.caption),
    )
    expect(b.slug).not.toBe(a.slug)
  })

  it('should link a slot to an existing photo with the same caption', async () => {
    const image = fs.readFileSync(path.join(import.meta.dirname, '../helpers/tiny.jpg'))
    const photo = await app.payload.create({
      collection: 'photos',
      data: { caption: '兰州新区临港花海' },
      file: { data: image, mimetype: 'image/jpeg', name: 'huahai.jpg', size: image.length },
      draft: true,
    })
    const result = await importArticle(app.payload, utf8)
    expect(result.linkedPhotos).toBe(1)
    const slots = photoSlotsOf((await stored(result.id)).body)
    expect(slots.find((slot) => slot.caption === '兰州新区临港花海')?.photo).toBe(photo.id)
    expect(slots.filter((slot) => slot.photo !== null)).toHaveLength(1)
  })

  it('should write nothing when a file fails half-way', async () => {
    const text = fixtureText.replace('数据来源:兰州新区党工委办公室', '数据来源:兰州新区统计局')
    const before = await counts()
    // Fail only the article, after the new data source has been created in the same transaction.
    const original = app.payload.create.bind(app.payload)
    const spy = jest.spyOn(app.payload, 'create').mockImplementation((async (args: any) => {
      if (args.collection === 'articles') throw new Error('disk full')
      return original(args)
    }) as any)
    await expect(
      importArticle(app.payload, { bytes: Buffer.from(text), name: 'x.txt' }),
    ).rejects.toThrow('disk full')
    expect(spy).toHaveBeenCalledWith(expect.objectContaining({ collection: 'data-sources' }))
    spy.mockRestore()
    expect(await counts()).toEqual(before)
    const office = await app.payload.count({
      collection: 'data-sources',
      where: { office: { equals: '兰州新区统计局' } },
    })
    expect(office.totalDocs).toBe(0)
  })
})

async function counts() {
  return {
    articles: (await app.payload.count({ collection: 'articles' })).totalDocs,
    dataSources: (await app.payload.count({ collection: 'data-sources' })).totalDocs,
  }
}

describe('npm run import', () => {
  it('should report every file, import the good ones and exit non-zero for the bad', async () => {
    const dir = fs.mkdtempSync(path.join(app.workDir, 'cli-'))
    const empty = path.join(dir, 'empty.txt')
    fs.writeFileSync(empty, '')
    const gbkFile = path.join(dir, 'gbk.txt')
    fs.writeFileSync(gbkFile, gbk.bytes)
    const { code, output } = await runToEnd(
      'npm',
      ['run', 'import', '--', FIXTURE_PATH, empty, gbkFile],
      {
        ...process.env,
        DATABASE_URI: `file:${path.join(dir, 'cli.db')}`,
        MEDIA_DIR: path.join(dir, 'media'),
      },
      120_000,
    )
    expect(output).toMatch(
      /\[1\/3\] .*lanzhou-xinqu-feature-2023\.txt ✓ 草稿 #\d+「全力推动战略性新兴产业高质量发展」 编码 utf-8,8 个图片位/,
    )
    expect(output).toMatch(/\[2\/3\] .*empty\.txt ✗ 未导入:empty\.txt 是空文件/)
    expect(output).toMatch(/\[3\/3\] .*gbk\.txt ✓ .*编码 gb18030/)
    expect(output).toMatch(/导入完成:2 篇成功,1 篇失败/)
    expect(code).toBe(1)
  })
})
