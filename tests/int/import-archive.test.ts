/**
 * Importing the office's archive as editors do it: Word files with embedded pictures, the admin's
 * 导入稿件 (preview, then drafts, all or nothing), and `npm run import` over a folder with
 * `--dry-run`. The line classes themselves are tested on the labelled corpus
 * (tests/unit/import-corpus.test.ts).
 */
import fs from 'node:fs'
import path from 'node:path'

import { Document, HeadingLevel, ImageRun, Packer, Paragraph, TextRun } from 'docx'

import { importArticle } from '../../src/import/importArticle'
import { photoSlotsOf } from '../../src/import/lexical'
import { bootNewsdesk, type TestApp } from '../helpers/boot'
import { cameraJpeg } from '../helpers/images'
import { hireStaff, putInState, type Person } from '../helpers/newsroom'
import { runToEnd } from '../helpers/process'

let app: TestApp
let staff: Record<string, Person>

beforeAll(async () => {
  app = await bootNewsdesk()
  staff = await hireStaff(app, {
    boss: ['admin'],
    editor: ['editor'],
    photographer: ['photographer'],
  })
})
afterAll(async () => {
  await app?.close()
})

const BODY_ONE = '3月17日,新区某某新材料项目正式投产,项目总投资12亿元,可年产锂电池负极材料5万吨。'
const BODY_TWO = '项目负责人介绍,投产后将带动上下游企业集聚,新增就业岗位300余个。'

/** A Word file as an editor writes one: heading, dateline, masthead, text, a picture and its caption. */
async function wordFile(picture: Buffer, type: 'jpg' | 'png' = 'jpg') {
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({ text: '新区某某新材料项目投产', heading: HeadingLevel.HEADING_1 }),
          new Paragraph('2024年3月18日 09:30 来源:兰州新区融媒体中心'),
          new Paragraph('文/图 李明远'),
          new Paragraph(BODY_ONE),
          new Paragraph({
            children: [
              new ImageRun({ type, data: picture, transformation: { width: 160, height: 120 } }),
            ],
          }),
          new Paragraph('项目生产车间'),
          new Paragraph({ children: [new TextRun(BODY_TWO)] }),
        ],
      },
    ],
  })
  return Packer.toBuffer(doc)
}

/** A plain text with a title, a dateline, two paragraphs and a caption decided by position. */
function meetingText(title = '新区召开重点项目推进会') {
  return [
    title,
    '',
    '2023/10/27/ 10:49',
    '',
    '3月17日,新区召开重点项目推进会,调度一季度重点项目建设进展。',
    '',
    '兰州新区中川北站铁路口岸',
    '',
    '会议要求,各部门要强化要素保障,全力推动项目早落地、早见效。',
  ].join('\n')
}

async function counts() {
  return {
    articles: (await app.payload.count({ collection: 'articles' })).totalDocs,
    photos: (await app.payload.count({ collection: 'photos' })).totalDocs,
  }
}

function form(files: { name: string; bytes: Uint8Array }[], dryRun = false) {
  const body = new FormData()
  for (const file of files) body.append('file', new File([Buffer.from(file.bytes)], file.name))
  if (dryRun) body.append('dryRun', '1')
  return body
}

describe('importing a Word file', () => {
  it('should classify it like a text and make its pictures draft photos in their caption slots', async () => {
    const bytes = await wordFile(await cameraJpeg({ width: 320, height: 240 }))
    const result = await importArticle(app.payload, { bytes, name: '投产.docx' })
    expect(result).toMatchObject({ encoding: 'docx', photoSlots: 1, createdPhotos: 1 })
    const article = await app.payload.findByID({
      collection: 'articles',
      id: result.id,
      draft: true,
      depth: 0,
    })
    expect(article).toMatchObject({
      title: '新区某某新材料项目投产',
      byline: '文/图 李明远',
      masthead: { source: '兰州新区融媒体中心' },
      originalPublishedAt: new Date('2024-03-18T09:30:00+08:00').toISOString(),
    })
    const [slot] = photoSlotsOf(article.body)
    expect(slot!.caption).toBe('项目生产车间')
    const photo = await app.payload.findByID({
      collection: 'photos',
      id: slot!.photo as number,
      draft: true,
      depth: 0,
    })
    expect(photo).toMatchObject({ caption: '项目生产车间', credit: '李明远', _status: 'draft' })
    expect(photo.mimeType).toBe('image/jpeg')
  })

  it('should publish an imported archive article under the date its dateline gave', async () => {
    const bytes = await wordFile(await cameraJpeg({ width: 320, height: 240 }))
    const { id } = await importArticle(app.payload, { bytes, name: '存档.docx' })
    const doc = await app.payload.findByID({ collection: 'articles', id, draft: true, depth: 0 })
    const published = (await putInState(app, 'articles', doc, 'published', null)) as typeof doc
    expect(published.publishedDate).toBe(new Date('2024-03-18T09:30:00+08:00').toISOString())
    expect(published.firstPublishedAt).not.toBe(published.publishedDate)
  })

  it('should refuse a file that is not a Word document, and an old .doc, in Chinese', async () => {
    await expect(
      importArticle(app.payload, { bytes: Buffer.from('PK\x03\x04 not a zip'), name: 'x.docx' }),
    ).rejects.toThrow(/x\.docx 不是有效的 Word 文档/)
    await expect(
      importArticle(app.payload, { bytes: Buffer.from('\xd0\xcf\x11\xe0'), name: '旧稿.doc' }),
    ).rejects.toThrow(/另存为 \.docx/)
  })
})

describe('导入稿件 in the admin (POST /api/articles/import)', () => {
  const text = { name: '日期行.txt', bytes: Buffer.from(meetingText()) }

  it('should preview every line with its class and reason, and write nothing', async () => {
    const before = await counts()
    const response = await app.rest('POST', 'articles/import', {
      token: staff.editor!.token,
      body: form([text], true),
    })
    expect(response.status).toBe(200)
    expect(response.headers.get('cache-control')).toBe('private, no-store')
    const [file] = response.json.files
    expect(file.title).toBe('新区召开重点项目推进会')
    expect(file.originalDate).toBe(new Date('2023-10-27T10:49:00+08:00').toISOString())
    expect(file.lines.map((line: any) => [line.line, line.class])).toEqual([
      [1, 'title'],
      [3, 'dateline'],
      [5, 'paragraph'],
      [7, 'caption'],
      [9, 'paragraph'],
    ])
    expect(file.lines[3]).toMatchObject({ guess: true, label: '图片说明' })
    expect(await counts()).toEqual(before)
  })

  it('should create the drafts, with the guesses listed on the article for the editor', async () => {
    const response = await app.rest('POST', 'articles/import', {
      token: staff.editor!.token,
      body: form([text]),
    })
    expect(response.status).toBe(201)
    const [created] = response.json.created
    const article = await app.payload.findByID({
      collection: 'articles',
      id: created.id,
      draft: true,
      depth: 0,
    })
    expect(article._status).toBe('draft')
    expect(article.author).toBe(staff.editor!.id)
    expect(article.importNotes).toEqual([
      expect.objectContaining({
        line: 7,
        kind: '图片说明',
        text: '兰州新区中川北站铁路口岸',
        confirmed: null,
      }),
    ])
  })

  it('should leave nothing behind when one file of several is bad, and say which in Chinese', async () => {
    const before = await counts()
    const good = { name: 'good.docx', bytes: await wordFile(await cameraJpeg()) }
    const bad = { name: '坏文件.txt', bytes: Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3]) }
    const response = await app.rest('POST', 'articles/import', {
      token: staff.editor!.token,
      body: form([good, text, bad]),
    })
    expect(response.status).toBe(400)
    expect(response.json.errors[0].message).toMatch(/坏文件\.txt 不是文本文件/)
    expect(await counts()).toEqual(before)
  })

  it('should roll back the article when a picture inside the Word file is refused', async () => {
    const before = await counts()
    const broken = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(64, 7)])
    const response = await app.rest('POST', 'articles/import', {
      token: staff.editor!.token,
      body: form([{ name: 'broken.docx', bytes: await wordFile(broken) }]),
    })
    expect(response.status).toBeGreaterThanOrEqual(400)
    expect(response.status).toBeLessThan(500)
    expect(await counts()).toEqual(before)
  })

  it('should refuse other file types, anonymous callers and roles that may not write articles', async () => {
    const other = await app.rest('POST', 'articles/import', {
      token: staff.editor!.token,
      body: form([{ name: 'photo.jpg', bytes: Buffer.from('x') }]),
    })
    expect(other.status).toBe(415)
    expect(other.json.errors[0].message).toMatch(/只能导入 \.txt 或 \.docx 文件/)
    const none = await app.rest('POST', 'articles/import', {
      token: staff.editor!.token,
      body: new FormData(),
    })
    expect(none.status).toBe(400)
    expect(none.json.errors[0].message).toMatch(/请选择要导入的/)
    const anonymous = await app.rest('POST', 'articles/import', { body: form([text]) })
    expect(anonymous.status).toBe(401)
    const before = await counts()
    const photographer = await app.rest('POST', 'articles/import', {
      token: staff.photographer!.token,
      body: form([text]),
    })
    expect(photographer.status).toBe(403)
    expect(await counts()).toEqual(before)
  })
})

describe('npm run import over a folder', () => {
  it('should read folders recursively, print each line’s class with --dry-run and write nothing', async () => {
    const dir = fs.mkdtempSync(path.join(app.workDir, 'folder-'))
    fs.mkdirSync(path.join(dir, '2023'))
    fs.writeFileSync(path.join(dir, 'a.txt'), meetingText())
    fs.writeFileSync(path.join(dir, '2023', 'b.txt'), meetingText('另一篇稿件的标题'))
    fs.writeFileSync(path.join(dir, '2023', 'notes.md'), '# not an article')
    const database = path.join(dir, 'dry.db')
    const { code, output } = await runToEnd(
      'npm',
      ['run', 'import', '--', '--dry-run', dir],
      { ...process.env, DATABASE_URI: `file:${database}`, MEDIA_DIR: path.join(dir, 'media') },
      120_000,
    )
    expect(output).toMatch(/\[1\/2\] .*2023\/b\.txt 试运行,未写入/)
    expect(output).toMatch(/\[2\/2\] .*a\.txt 试运行,未写入/)
    expect(output).toMatch(/1\s+标题\s+第一个无句末标点的短行/)
    expect(output).toMatch(/3\s+日期行/)
    expect(output).toMatch(/\?\s*7\s+图片说明\s+独立成行的短句,仅凭位置判断为图片说明/)
    expect(output).toMatch(/试运行完成:2 篇可导入,0 篇有错/)
    expect(code).toBe(0)
    expect(fs.existsSync(database)).toBe(false)

    const real = await runToEnd(
      'npm',
      ['run', 'import', '--', dir],
      { ...process.env, DATABASE_URI: `file:${database}`, MEDIA_DIR: path.join(dir, 'media') },
      120_000,
    )
    expect(real.output).toMatch(/✓ 草稿 #\d+「另一篇稿件的标题」/)
    expect(real.output).toMatch(/待确认 1 处/)
    expect(real.output).toMatch(/导入完成:2 篇成功,0 篇失败/)
    expect(real.code).toBe(0)
  })
})
