import fs from 'node:fs'

import exifr from 'exifr'
import sharp from 'sharp'

import { blocksToLexical } from '../../src/import/lexical'
import { WORKFLOW_CONTEXT } from '../../src/workflow/context'
import { bootNewsdesk, type TestApp } from '../helpers/boot'
import { cameraJpeg } from '../helpers/images'
import { hireStaff, type Person } from '../helpers/newsroom'

let app: TestApp
let s: Record<string, Person>

beforeAll(async () => {
  app = await bootNewsdesk()
  s = await hireStaff(app, { photo: ['photographer'], editor: ['editor'], chief: ['chief-editor'] })
})
afterAll(async () => {
  await app?.close()
})

async function upload(
  data: Buffer,
  name: string,
  fields: Record<string, unknown> = {},
  who: Person = s.photo,
) {
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(data)]), name)
  form.append('_payload', JSON.stringify(fields))
  return app.rest('POST', 'photos?depth=0', { token: who.token, body: form })
}

const mediaFiles = () =>
  fs.existsSync(process.env.MEDIA_DIR!) ? fs.readdirSync(process.env.MEDIA_DIR!) : []

async function publish(id: number | string) {
  await app.payload.update({
    collection: 'photos',
    id,
    data: { _status: 'published', workflowState: 'published' },
    context: { [WORKFLOW_CONTEXT]: true },
  })
}

describe('accepted types, judged by the bytes', () => {
  it.each([
    ['jpeg', 'a.jpg'],
    ['png', 'a.png'],
    ['webp', 'a.webp'],
    ['tiff', 'a.tiff'],
  ] as const)('should accept %s', async (format, name) => {
    const data = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#888' } })
      [format]()
      .toBuffer()
    const res = await upload(data, name, { caption: format })
    expect(res.status).toBe(201)
    expect(res.json.doc.mimeType).toBe(`image/${format}`)
  })

  const svg = Buffer.from(
    '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect width="10" height="10"/></svg>',
  )
  const refusals: [string, Buffer, string, number, RegExp][] = [
    ['SVG', svg, 'logo.svg', 415, /不是可接受的图片/],
    ['SVG named .jpg', svg, 'logo.jpg', 415, /不是可接受的图片/],
    [
      'HTML',
      Buffer.from('<!doctype html><html><script>alert(1)</script></html>'),
      'page.png',
      415,
      /不是可接受的图片/,
    ],
    ['XML', Buffer.from('<?xml version="1.0"?><a/>'), 'data.tiff', 415, /不是可接受的图片/],
    [
      'PDF',
      Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n%%EOF'),
      'doc.pdf',
      415,
      /application\/pdf/,
    ],
    [
      'an executable',
      Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 1)]),
      'setup.jpg',
      415,
      /不是可接受的图片/,
    ],
    [
      'HEIC',
      Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypheic'), Buffer.alloc(64)]),
      'phone.heic',
      415,
      /HEIC/,
    ],
  ]
  it.each(refusals)(
    'should refuse %s with a clear message, storing nothing',
    async (_what, data, name, status, message) => {
      const before = [
        (await app.payload.count({ collection: 'photos' })).totalDocs,
        mediaFiles().length,
      ]
      const res = await upload(data, name, { caption: 'x' })
      expect(res.status).toBe(status)
      expect(res.json.errors[0].message).toMatch(message)
      expect([
        (await app.payload.count({ collection: 'photos' })).totalDocs,
        mediaFiles().length,
      ]).toEqual(before)
    },
  )

  it('should refuse a file whose bytes disagree with its extension', async () => {
    const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#000' } })
      .png()
      .toBuffer()
    const res = await upload(png, 'photo.jpg')
    expect(res.status).toBe(400)
    expect(res.json.errors[0].message).toMatch(
      /扩展名与内容不符:内容是 image\/png,扩展名应为 \.png/,
    )
  })

  it('should refuse a corrupt image', async () => {
    const jpeg = await cameraJpeg()
    const res = await upload(jpeg.subarray(0, Math.floor(jpeg.length / 3)), 'broken.jpg')
    expect(res.status).toBe(400)
    expect(res.json.errors[0].message).toMatch(/图片已损坏/)
  })

  it('should refuse files over the configured size limit', async () => {
    process.env.MAX_UPLOAD_MB = '0.01'
    try {
      const noisy = await sharp({
        create: {
          width: 600,
          height: 400,
          channels: 3,
          background: '#777',
          noise: { type: 'gaussian', mean: 128, sigma: 40 },
        },
      })
        .jpeg({ quality: 95 })
        .toBuffer()
      expect(noisy.length).toBeGreaterThan(20 * 1024)
      const res = await upload(noisy, 'big.jpg')
      expect(res.status).toBe(413)
      expect(res.json.errors[0].message).toMatch(/^文件过大:\d+\.\d MB,上限为 0 MB/)
    } finally {
      delete process.env.MAX_UPLOAD_MB
    }
  })
})

describe('EXIF and IPTC intake, and private data', () => {
  let doc: any
  const gps = { latitude: 36.5152, longitude: 103.6405 }

  beforeAll(async () => {
    const data = await cameraJpeg({
      width: 2400,
      height: 1800,
      orientation: 6,
      gps,
      serial: 'SN-0042-GS',
      iptc: {
        caption: '兰州新区临港花海',
        byline: '孙悦',
        credit: '兰州新区融媒体中心',
        copyright: '©兰州新区',
        keywords: ['花海', '新区'],
      },
    })
    const res = await upload(data, 'camera.jpg', { place: '兰州新区' })
    expect(res.status).toBe(201)
    doc = res.json.doc
  })

  it('should fill empty fields from EXIF and IPTC, and keep what the photographer typed', async () => {
    expect(doc).toMatchObject({
      caption: '兰州新区临港花海',
      credit: '兰州新区融媒体中心',
      dateTaken: '2023-05-10T09:30:00.000Z',
      camera: 'Nikon Z 8',
      copyright: '©兰州新区',
      keywords: ['花海', '新区'],
      place: '兰州新区',
    })
    // A caption is not a description of the picture: with no IPTC alt text, alt stays empty.
    expect(doc.alt ?? null).toBeNull()
    const typed = await upload(await cameraJpeg({ iptc: { caption: 'IPTC 说明' } }), 'typed.jpg', {
      caption: '摄影记者写的说明',
    })
    expect(typed.json.doc.caption).toBe('摄影记者写的说明')
  })

  it('should take the alt text from IPTC AltTextAccessibility, apart from the caption', async () => {
    const described = '会场内,数百名参会者坐在长桌前,主席台上方悬挂红色横幅'
    const res = await upload(
      await cameraJpeg({
        iptc: { caption: '2023年2月23日,全省招商引资大会在兰州新区召开' },
        altText: described,
      }),
      'meeting.jpg',
    )
    expect(res.status).toBe(201)
    expect(res.json.doc.alt).toBe(described)
    expect(res.json.doc.caption).toBe('2023年2月23日,全省招商引资大会在兰州新区召开')
    // What the photographer typed wins over the file's.
    const typed = await upload(await cameraJpeg({ altText: described }), 'typed-alt.jpg', {
      caption: '说明',
      alt: '摄影记者写的描述',
    })
    expect(typed.json.doc.alt).toBe('摄影记者写的描述')
  })

  it('should keep GPS and the serial number for staff only', async () => {
    const staff = await app.rest('GET', `photos/${doc.id}?draft=true`, { token: s.editor.token })
    expect(staff.json.gps).toEqual(gps)
    expect(staff.json.cameraSerial).toBe('SN-0042-GS')
    await publish(doc.id)
    const anonymous = await app.rest('GET', `photos/${doc.id}`)
    expect(anonymous.status).toBe(200)
    expect(anonymous.json.gps).toBeUndefined()
    expect(anonymous.json.cameraSerial).toBeUndefined()
    const gql = await app.graphql(
      `{ Photo(id: ${doc.id}) { caption cameraSerial gps { latitude longitude } } }`,
    )
    expect(gql.data.Photo).toMatchObject({ caption: '兰州新区临港花海', cameraSerial: null })
    expect(gql.data.Photo.gps?.latitude ?? null).toBeNull()
  })

  it('should serve no file with GPS or private EXIF, with orientation applied and the colour profile kept', async () => {
    await publish(doc.id)
    const names = [doc.filename, ...Object.values(doc.sizes).map((size: any) => size.filename)]
    expect(names).toHaveLength(7)
    for (const name of names) {
      const res = await app.rest('GET', `photos/file/${encodeURIComponent(name)}`)
      expect({ name, status: res.status, body: res.status === 200 ? '' : res.text }).toEqual({
        name,
        status: 200,
        body: '',
      })
      const bytes = Buffer.from(await (await fetchBytes(name)).arrayBuffer())
      const meta = await exifr
        .parse(bytes, { gps: true, exif: true, iptc: true, tiff: true, xmp: true })
        .catch(() => undefined)
      expect({
        name,
        latitude: meta?.latitude,
        serial: meta?.BodySerialNumber ?? meta?.SerialNumber,
        caption: meta?.Caption,
      }).toEqual({
        name,
        latitude: undefined,
        serial: undefined,
        caption: undefined,
      })
      const info = await sharp(bytes).metadata()
      expect({
        name,
        icc: Boolean(info.icc),
        exif: Boolean(info.exif && exifHasPrivate(info.exif)),
      }).toEqual({ name, icc: true, exif: false })
    }
    // The 2400×1800 frame was shot rotated (orientation 6): stored upright, 1800 wide.
    expect([doc.width, doc.height]).toEqual([1800, 2400])
    expect(bytesOf(doc.filename).toString('latin1')).not.toContain('SN-0042-GS')
  })
})

describe('an upright camera JPEG', () => {
  it('should lose its metadata without being re-encoded: same pixels, same colour profile', async () => {
    const data = await cameraJpeg({
      width: 1200,
      height: 800,
      gps: { latitude: 36.5, longitude: 103.6 },
      iptc: { caption: '无损去除' },
    })
    const res = await upload(data, 'upright.jpg', { credit: '孙悦' })
    expect(res.status).toBe(201)
    const stored = bytesOf(res.json.doc.filename)
    expect(stored.length).toBeLessThan(data.length)
    const before = await sharp(data).raw().toBuffer()
    const after = await sharp(stored).raw().toBuffer()
    expect(after.equals(before)).toBe(true)
    expect((await sharp(stored).metadata()).icc).toEqual((await sharp(data).metadata()).icc)
    const meta = await exifr
      .parse(stored, { gps: true, iptc: true, tiff: true, exif: true })
      .catch(() => undefined)
    expect(meta?.latitude).toBeUndefined()
    expect(meta?.Caption).toBeUndefined()
    expect(stored.toString('latin1')).not.toContain('SN-0042-GS')
    expect(res.json.doc.caption).toBe('无损去除')
  })
})

/** Reads a served file through the real REST handler, as a downstream site would. */
async function fetchBytes(name: string) {
  const routes = await import('@payloadcms/next/routes')
  return routes.REST_GET(app.config)(
    new Request(`http://localhost/api/photos/file/${encodeURIComponent(name)}`),
    {
      params: Promise.resolve({ slug: ['photos', 'file', name] }),
    },
  )
}
const bytesOf = (name: string) => fs.readFileSync(`${process.env.MEDIA_DIR}/${name}`)
const exifHasPrivate = (exif: Buffer) => /SN-0042|GPS/.test(exif.toString('latin1'))

describe('what the public sees of unpublished photos', () => {
  it('should show the slot without the image to the public, and warn staff', async () => {
    const draft = await upload(await cameraJpeg(), 'unpublished.jpg', {
      caption: '尚未发布的图片',
      credit: '孙悦',
    })
    const photoId = draft.json.doc.id
    const body = blocksToLexical(
      [
        { type: 'paragraph', text: '正文。' },
        { type: 'photoSlot', caption: '尚未发布的图片' },
      ],
      new Map([['尚未发布的图片', photoId]]),
    )
    const article = await app.payload.create({
      collection: 'articles',
      data: { title: '用了草稿图片', body: body as any, _status: 'published' },
    })
    const pub = await app.rest('GET', `articles/${article.id}?depth=2`)
    expect(pub.json.bodyHtml).toContain('photo-slot--pending')
    expect(pub.json.bodyHtml).not.toContain(draft.json.doc.filename)
    expect(pub.json.photoWarnings).toBeUndefined()
    const staff = await app.rest('GET', `articles/${article.id}`, { token: s.editor.token })
    expect(staff.json.photoWarnings).toEqual([
      { id: photoId, caption: '尚未发布的图片', state: 'draft' },
    ])
  })
})

describe('rights expiry', () => {
  it('should withdraw the photo on its date as the scheduler and notify the editors of articles using it', async () => {
    const res = await upload(await cameraJpeg(), 'rights.jpg', {
      caption: '版权将到期',
      credit: '孙悦',
    })
    const photoId = res.json.doc.id
    await publish(photoId)
    const body = blocksToLexical(
      [
        { type: 'paragraph', text: '正文。' },
        { type: 'photoSlot', caption: '版权将到期' },
      ],
      new Map([['版权将到期', photoId]]),
    )
    await app.payload.create({
      collection: 'articles',
      data: {
        title: '使用到期图片的文章',
        body: body as any,
        createdBy: s.editor.id,
        _status: 'published',
      },
    })
    const at = new Date(Date.now() + 2000).toISOString()
    const patch = await app.rest('PATCH', `photos/${photoId}`, {
      token: s.chief.token,
      body: { rightsExpireAt: at },
    })
    expect(patch.status).toBe(200)
    const deadline = Date.now() + 15_000
    while ((await app.rest('GET', `photos/${photoId}`)).status === 200 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 250))
    }
    expect((await app.rest('GET', `photos/${photoId}`)).status).toBe(404)
    const events = await app.payload.find({
      collection: 'workflow-events',
      where: {
        and: [
          { collection: { equals: 'photos' } },
          { documentId: { equals: String(photoId) } },
          { action: { equals: 'withdraw' } },
        ],
      },
    })
    expect(events.docs).toEqual([
      expect.objectContaining({
        actorType: 'scheduler',
        comment: expect.stringMatching(/版权到期/),
      }),
    ])
    const inbox = await app.rest('GET', 'notifications?where[kind][equals]=photo-rights', {
      token: s.editor.token,
    })
    expect(inbox.json.docs.map((n: any) => n.title)).toEqual([
      '图片版权到期:「使用到期图片的文章」需要换图',
    ])
  })
})
