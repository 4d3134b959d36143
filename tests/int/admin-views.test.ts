/**
 * What the admin's editors and leaders read: the preview behind a signed, expiring link and its
 * redline against the live version, the dashboard's counts (each a link to exactly those items),
 * and alt text kept apart from the caption and flagged where an article uses a photo without it.
 */
import { bodyToHtml } from '../../src/content/bodyHtml'
import { sealPreview } from '../../src/preview/token'
import { blocksToLexical } from '../../src/import/lexical'
import { WORKFLOW_CONTEXT } from '../../src/workflow/context'
import { bootNewsdesk, type TestApp } from '../helpers/boot'
import { cameraJpeg } from '../helpers/images'
import { act, articleIn, hireStaff, simpleBody, type Person } from '../helpers/newsroom'

let app: TestApp
let s: Record<string, Person>

beforeAll(async () => {
  app = await bootNewsdesk()
  s = await hireStaff(app, {
    first: ['admin'],
    author: ['editor'],
    other: ['editor'],
    rev1: ['reviewer'],
    rev2: ['reviewer'],
    chief: ['chief-editor'],
    chief2: ['chief-editor'],
    photo: ['photographer'],
  })
})
afterAll(async () => {
  await app?.close()
})

async function uploadPhoto(fields: Record<string, unknown>, altText?: string) {
  const form = new FormData()
  const data = await cameraJpeg(altText ? { altText } : {})
  form.append('file', new Blob([new Uint8Array(data)]), 'slot.jpg')
  form.append('_payload', JSON.stringify(fields))
  const res = await app.rest('POST', 'photos?depth=0', { token: s.photo.token, body: form })
  expect(res.status).toBe(201)
  return res.json.doc as { id: number; alt?: string | null }
}

/** 三审 and publication over REST, as the admin's buttons do it. */
async function throughReview(id: number | string) {
  const versionOf = async (who: Person) =>
    (await app.rest('GET', `articles/${id}/workflow`, { token: who.token })).json.versionId
  expect((await act(app, s.author, 'articles', id, 'submit')).status).toBe(200)
  for (const who of [s.rev1, s.rev2, s.chief]) {
    const res = await act(app, who, 'articles', id, 'approve', { versionId: await versionOf(who) })
    expect(res.status).toBe(200)
  }
  const res = await act(app, s.chief2, 'articles', id, 'publish', {
    versionId: await versionOf(s.chief2),
  })
  expect(res.status).toBe(200)
}

async function draftArticle(
  title: string,
  body = simpleBody(),
  extra: Record<string, unknown> = {},
) {
  const res = await app.rest('POST', 'articles?draft=true', {
    token: s.author.token,
    body: { title, body, ...extra },
  })
  expect(res.status).toBe(201)
  return res.json.doc as { id: number }
}

describe('预览: the current revision behind a signed, expiring link', () => {
  let id: number
  let link: string
  let photoId: number

  beforeAll(async () => {
    const photo = await uploadPhoto({ caption: '兰州新区临港花海', credit: '孙悦' })
    photoId = photo.id
    const body = blocksToLexical(
      [
        { type: 'heading', level: 2, text: '新材料产业园' },
        { type: 'paragraph', text: '兰州新区坚持谋变破局、谋变求新、谋变思进。' },
        { type: 'photoSlot', caption: '兰州新区临港花海' },
      ] as never,
      new Map([['兰州新区临港花海', photo.id]]),
    )
    id = (await draftArticle('预览测试文章', body, { kicker: '兰州新区', lead: '导语一段。' })).id
    const res = await app.rest('GET', `articles/${id}/preview`, { token: s.author.token })
    expect(res.status).toBe(303)
    link = res.headers.get('location')!
  })

  it('should answer staff with a link that names neither the article nor its title', async () => {
    expect(link).toMatch(/^\/api\/preview\/[A-Za-z0-9_-]{40,}$/)
    const token = link.split('/').pop()!
    expect(Buffer.from(token, 'base64url').toString('latin1')).not.toMatch(/articles|预览测试/)
    // Two links for the same article differ: nothing in them can be guessed from another.
    const again = await app.rest('GET', `articles/${id}/preview`, { token: s.author.token })
    expect(again.headers.get('location')).not.toBe(link)
  })

  it('should show the revision as readers would, with its figure, caption, kicker and lead, never cached or indexed', async () => {
    const page = await app.rest('GET', link.replace(/^\/api\//, ''), { token: s.rev1.token })
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toMatch(/^text\/html/)
    expect(page.headers.get('cache-control')).toBe('private, no-store')
    expect(page.headers.get('x-robots-tag')).toMatch(/noindex/)
    expect(page.headers.get('content-security-policy')).toMatch(/default-src 'none'/)
    expect(page.text).toContain('<h1>预览测试文章</h1>')
    expect(page.text).toContain('<p class="kicker">兰州新区</p>')
    expect(page.text).toContain('导语一段。')
    expect(page.text).toContain('<h2>新材料产业园</h2>')
    // The photo is still a draft: staff see it in place, with a note that readers will not yet.
    expect(page.text).toMatch(/<figure class="photo-slot"><img src="[^"]+"/)
    expect(page.text).toContain('<figcaption>兰州新区临港花海</figcaption>')
    expect(page.text).toContain('1 张图片尚未发布')
    expect(page.text).toContain('data-compare-link')
  })

  it('should show nothing to anyone not logged in as staff, nor for a forged, altered or expired link', async () => {
    const anonymous = await app.rest('GET', link.replace(/^\/api\//, ''))
    expect(anonymous.status).toBe(401)
    expect(anonymous.headers.get('cache-control')).toBe('private, no-store')
    expect(anonymous.text).not.toContain('预览测试文章')
    expect(anonymous.text).toContain('请先登录')
    // A photographer may not read another's article that uses none of their photos… this one
    // uses the photographer's photo, so they may: the link follows the reader's own access.
    const unrelated = await draftArticle('与摄影无关的稿件')
    const theirs = sealPreview(unrelated.id).token
    const refused = await app.rest('GET', `preview/${theirs}`, { token: s.photo.token })
    expect(refused.status).toBe(404)
    expect(refused.text).not.toContain('与摄影无关的稿件')

    const token = link.split('/').pop()!
    const altered = token.slice(0, -2) + (token.endsWith('AA') ? 'BB' : 'AA')
    expect((await app.rest('GET', `preview/${altered}`, { token: s.rev1.token })).status).toBe(404)
    expect((await app.rest('GET', `preview/not-a-token`, { token: s.rev1.token })).status).toBe(404)
    const expired = sealPreview(id, Date.now() - 31 * 60_000).token
    const late = await app.rest('GET', `preview/${expired}`, { token: s.rev1.token })
    expect(late.status).toBe(410)
    expect(late.text).toContain('已过期')
    expect(late.text).not.toContain('预览测试文章')
    // And the link endpoint itself is staff-only.
    expect((await app.rest('GET', `articles/${id}/preview`)).status).toBe(401)
  })

  it('should redline the revision against the live version (与线上版本对比)', async () => {
    const before = await app.rest('GET', `articles/${id}/preview?compare=live`, {
      token: s.author.token,
    })
    const notLive = await app.rest('GET', before.headers.get('location')!.replace(/^\/api\//, ''), {
      token: s.author.token,
    })
    expect(notLive.text).toContain('还没有线上版本')

    // Its photo is reviewed first: an article goes live only with approved photos.
    expect((await act(app, s.photo, 'photos', photoId, 'submit')).status).toBe(200)
    const photoVersion = (
      await app.rest('GET', `photos/${photoId}/workflow`, { token: s.rev1.token })
    ).json.versionId
    const approved = await act(app, s.rev1, 'photos', photoId, 'approve', {
      versionId: photoVersion,
    })
    expect(approved.status).toBe(200)
    await throughReview(id)
    const saved = await app.rest('PATCH', `articles/${id}?draft=true`, {
      token: s.author.token,
      body: {
        body: blocksToLexical([
          { type: 'heading', level: 2, text: '新材料产业园' },
          { type: 'paragraph', text: '兰州新区坚持谋变破局、谋变求新。' },
        ] as never),
      },
    })
    expect(saved.status).toBe(200)
    const compare = await app.rest('GET', `articles/${id}/preview?compare=live`, {
      token: s.author.token,
    })
    const page = await app.rest('GET', compare.headers.get('location')!.replace(/^\/api\//, ''), {
      token: s.author.token,
    })
    expect(page.status).toBe(200)
    expect(page.text).toContain('与线上版本对比')
    expect(page.text).toContain('<del>、谋变思进</del>')
    // The reader still sees the live version meanwhile.
    const live = await app.rest('GET', `articles/${id}`)
    expect(live.json.bodyHtml).toContain('谋变思进')
  })
})

describe('the dashboard', () => {
  const dashboardOf = async (who: Person) => {
    const res = await app.rest('GET', 'workflow/dashboard', { token: who.token })
    expect(res.status).toBe(200)
    expect(res.headers.get('cache-control')).toBe('private, no-store')
    return res.json
  }
  const cellOf = (board: any, collection: string, key: string) =>
    board.counts
      .find((row: any) => row.collection === collection)
      .cells.find((cell: any) => cell.key === key)

  /** The list a count links to, asked over REST with the same filter, as that user. */
  const listedBy = async (who: Person, href: string) => {
    const url = new URL(href, 'http://localhost')
    expect(url.pathname).toMatch(/^\/admin\/collections\/[a-z-]+$/)
    const collection = url.pathname.split('/').pop()
    const res = await app.rest('GET', `${collection}${url.search}&draft=true&depth=0&limit=100`, {
      token: who.token,
    })
    expect(res.status).toBe(200)
    return res.json as { totalDocs: number; docs: { id: number }[] }
  }

  it('should count each state and stage, each count linking to exactly those items', async () => {
    await articleIn(app, s.other, 'draft', null, '看板草稿')
    await articleIn(app, s.other, 'in_review', 'first-review', '看板初审')
    await articleIn(app, s.other, 'in_review', 'second-review', '看板复审一')
    await articleIn(app, s.other, 'in_review', 'second-review', '看板复审二')
    await articleIn(app, s.other, 'approved', null, '看板待发布')
    await articleIn(app, s.other, 'withdrawn', null, '看板撤稿')
    const board = await dashboardOf(s.chief)
    const row = board.counts.find((r: any) => r.collection === 'articles')
    expect(row.label).toBe('文章')
    expect(row.cells.map((c: any) => c.label)).toEqual([
      '草稿',
      '初审中',
      '复审中',
      '终审中',
      '待发布',
      '今日发布',
      '已撤稿',
    ])
    expect(cellOf(board, 'articles', 'in_review:second-review').count).toBe(2)
    for (const cell of row.cells) {
      const listed = await listedBy(s.chief, cell.href)
      expect({ key: cell.key, count: listed.totalDocs }).toEqual({
        key: cell.key,
        count: cell.count,
      })
    }
    expect(cellOf(board, 'photos', 'in_review:review').label).toBe('审核中')
  })

  it('should count what went live today, and list the user’s own drafts and rejected items', async () => {
    const today = await draftArticle('今日发布的文章')
    await throughReview(today.id)
    const board = await dashboardOf(s.chief)
    const cell = cellOf(board, 'articles', 'published-today')
    expect(cell.count).toBeGreaterThanOrEqual(1)
    expect((await listedBy(s.chief, cell.href)).docs.map((d) => d.id)).toContain(today.id)
    // Published long ago (not by a publish event today): not counted.
    const old = await articleIn(app, s.other, 'published', null, '旧文章')
    expect((await listedBy(s.chief, cell.href)).docs.map((d) => d.id)).not.toContain(old.id)

    const mine = await draftArticle('我的看板草稿')
    const rejected = await draftArticle('将被退回的稿件')
    await act(app, s.author, 'articles', rejected.id, 'submit')
    const versionId = (
      await app.rest('GET', `articles/${rejected.id}/workflow`, { token: s.rev1.token })
    ).json.versionId
    await act(app, s.rev1, 'articles', rejected.id, 'reject', { comment: '请补充来源', versionId })
    const author = await dashboardOf(s.author)
    expect(author.drafts.map((d: any) => d.title)).toContain('我的看板草稿')
    expect(author.drafts.map((d: any) => d.title)).not.toContain('看板草稿')
    expect(author.drafts.find((d: any) => d.id === mine.id).href).toBe(
      `/admin/collections/articles/${mine.id}`,
    )
    expect(author.rejected).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: rejected.id, comment: '请补充来源' })]),
    )
  })

  it('should list publications scheduled within 24 hours, and the nightly reports for chief editors only', async () => {
    const soon = await articleIn(app, s.other, 'approved', null, '两小时后发布')
    const later = await articleIn(app, s.other, 'approved', null, '三天后发布')
    for (const [doc, hours] of [
      [soon, 2],
      [later, 72],
    ] as const) {
      await app.payload.update({
        collection: 'articles',
        id: doc.id,
        data: { publishAt: new Date(Date.now() + hours * 3_600_000).toISOString() },
        draft: true,
        context: { [WORKFLOW_CONTEXT]: true },
      })
    }
    await app.payload.create({
      collection: 'quality-reports',
      data: {
        kind: 'links',
        summary: '链接巡检:12 篇已发布文章,1 篇有失效或被劫持的链接',
        scanned: 12,
        matches: [{ id: 1, title: '某文章', links: ['链接已失效(404)'] }] as never,
      },
    })
    const chief = await dashboardOf(s.chief)
    const titles = chief.scheduled.map((d: any) => d.title)
    expect(titles).toContain('两小时后发布')
    expect(titles).not.toContain('三天后发布')
    expect(chief.reports).toEqual([
      expect.objectContaining({
        kind: 'links',
        label: '链接巡检',
        findings: 1,
        summary: expect.stringContaining('链接巡检'),
      }),
    ])
    expect((await dashboardOf(s.author)).reports).toEqual([])
    expect((await app.rest('GET', 'workflow/dashboard')).status).toBe(401)
  })
})

describe('alt text (替代文字)', () => {
  it('should flag a photo an article uses without alt text, and render the description, not the caption, as alt', async () => {
    const bare = await uploadPhoto({ caption: '2023年2月23日,全省招商引资大会在兰州新区召开' })
    const described = await uploadPhoto(
      { caption: '兰州新区绿色化工园区' },
      '化工园区厂房与储罐的航拍全景',
    )
    expect(bare.alt ?? null).toBeNull()
    expect(described.alt).toBe('化工园区厂房与储罐的航拍全景')
    const article = await draftArticle(
      '替代文字测试',
      blocksToLexical(
        [
          { type: 'paragraph', text: '正文。' },
          { type: 'photoSlot', caption: '大会现场' },
          { type: 'photoSlot', caption: '园区全景' },
        ] as never,
        new Map([
          ['大会现场', bare.id],
          ['园区全景', described.id],
        ]),
      ),
    )
    const checks = await app.rest('GET', `articles/${article.id}/checks`, {
      token: s.author.token,
    })
    expect(checks.json.altText).toEqual([
      expect.objectContaining({ photo: bare.id, severity: 'warn', place: '第1个图片位' }),
    ])
    expect(checks.json.altText[0].message).toContain('没有替代文字')
    // A warning, not a block: the article can still be submitted.
    expect((await act(app, s.author, 'articles', article.id, 'submit')).status).toBe(200)
    // As downstream sites get it: the description as alt; no description, an empty alt (the
    // caption is read from <figcaption> already, not twice).
    const doc = await app.payload.findByID({ collection: 'articles', id: article.id, draft: true })
    // (The photos come populated: their own alt, never the slot's caption.)
    const html = bodyToHtml(doc.body)
    expect(html).toMatch(/<img src="[^"]+" alt=""[^>]*><figcaption>大会现场<\/figcaption>/)
    expect(html).toMatch(
      /<img src="[^"]+" alt="化工园区厂房与储罐的航拍全景"[^>]*><figcaption>园区全景<\/figcaption>/,
    )
    expect(html).not.toContain('alt="大会现场"')
  })
})
