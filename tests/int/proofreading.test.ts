/**
 * Proofreading through the product: the register and lists are staff-only and kept by chief
 * editors, findings appear under their keys in GET /checks with a one-click fix, blocking ones stop
 * submit, links are fetched from a local server (nothing leaves the machine), list changes rescan,
 * and the nightly link check reports to chief editors.
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'

import { createLocalReq } from 'payload'

import { blocksToLexical } from '../../src/import/lexical'
import { recheckPublishedLinks } from '../../src/quality/linkJob'
import { WORKFLOW_CONTEXT } from '../../src/workflow/context'
import { bootNewsdesk, type TestApp } from '../helpers/boot'
import { act, hireStaff, type Person } from '../helpers/newsroom'

let app: TestApp
let s: Record<string, Person>
let server: http.Server
let site = ''
let other = ''

beforeAll(async () => {
  process.env.LINK_CHECK_ALLOW_INTERNAL = 'true'
  server = http.createServer((req, res) => {
    if (req.url === '/ok') return res.writeHead(200).end('ok')
    if (req.url === '/same') return res.writeHead(302, { Location: '/ok' }).end()
    // An expired domain now redirecting to someone else's site.
    if (req.url === '/moved') return res.writeHead(302, { Location: `${other}/casino` }).end()
    if (req.url === '/casino') return res.writeHead(200).end('gambling')
    res.writeHead(404).end('gone')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  site = `http://127.0.0.1:${port}`
  other = `http://localhost:${port}`
  app = await bootNewsdesk()
  s = await hireStaff(app, {
    admin: ['admin'],
    chief: ['chief-editor'],
    editor: ['editor'],
    reviewer: ['reviewer'],
  })
  for (const official of [
    { name: '林志远', post: '管委会主任', organisation: '新区管委会', rank: 1 },
    { name: '周明华', post: '管委会副主任', organisation: '新区管委会', rank: 2 },
  ]) {
    const created = await app.rest('POST', 'officials', {
      token: s.chief!.token,
      body: { ...official, status: 'serving', termStart: '2020-01-01' },
    })
    expect(created.status).toBe(201)
  }
  const rule = await app.rest('POST', 'wording-rules', {
    token: s.chief!.token,
    body: { term: '老提法', replacement: '新提法', severity: 'block', note: '示例文件' },
  })
  expect(rule.status).toBe(201)
})
afterAll(async () => {
  await app?.close()
  server?.close()
  delete process.env.LINK_CHECK_ALLOW_INTERNAL
})

async function article(paragraphs: string[], title = '审读测试稿') {
  const response = await app.rest('POST', 'articles', {
    token: s.editor!.token,
    body: {
      title,
      body: blocksToLexical(paragraphs.map((text) => ({ type: 'paragraph' as const, text }))),
    },
  })
  expect(response.status).toBe(201)
  return response.json.doc.id as number
}

describe('the lists', () => {
  it('should keep the register staff-only and in the hands of chief editors, with its history', async () => {
    expect((await app.rest('GET', 'officials')).status).toBe(403)
    expect((await app.rest('GET', 'officials', { token: s.editor!.token })).json.totalDocs).toBe(2)
    const byEditor = await app.rest('POST', 'officials', {
      token: s.editor!.token,
      body: { name: '某人', post: '主任', status: 'serving' },
    })
    expect(byEditor.status).toBe(403)
    const { json } = await app.rest('GET', 'officials?where[name][equals]=林志远', {
      token: s.chief!.token,
    })
    const id = json.docs[0].id
    await app.rest('PATCH', `officials/${id}`, { token: s.chief!.token, body: { rank: 1 } })
    const versions = await app.rest('GET', `officials/versions?where[parent][equals]=${id}`, {
      token: s.chief!.token,
    })
    expect(versions.json.totalDocs).toBeGreaterThanOrEqual(1)
  })

  it('should refuse a wording pattern that could hang the check, in Chinese', async () => {
    const response = await app.rest('POST', 'wording-rules', {
      token: s.chief!.token,
      body: { term: '(a+)+b', isPattern: true, severity: 'warn' },
    })
    expect(response.status).toBe(400)
    expect(JSON.stringify(response.json)).toMatch(/嵌套的重复/)
  })

  it('should rescan published articles when a rule is added', async () => {
    const before = await app.payload.count({
      collection: 'payload-jobs',
      where: { taskSlug: { equals: 'rescanPublished' } },
    })
    await app.rest('POST', 'wording-rules', {
      token: s.chief!.token,
      body: { term: '另一个老提法', replacement: '新的', severity: 'warn' },
    })
    const after = await app.payload.count({
      collection: 'payload-jobs',
      where: { taskSlug: { equals: 'rescanPublished' } },
    })
    expect(after.totalDocs).toBe(before.totalDocs + 1)
  })
})

describe('findings in the checks panel and the API', () => {
  it('should list every kind under its key, each with severity, text, suggestion, place and offset', async () => {
    const id = await article([
      '管委会主任林致远指出,要贯切落实会议精神,坚持老提法。',
      `总投资53 亿元,详见${site}/ok 和${site}/gone 以及${site}/moved 。`,
      'XX公司负责人介绍情况。',
    ])
    const { status, json } = await app.rest('GET', `articles/${id}/checks`, {
      token: s.editor!.token,
    })
    expect(status).toBe(200)
    const pick = (key: string) =>
      json[key].map((f: any) => [f.severity, f.text, f.suggestion, f.place, f.offset])
    expect(pick('officials')).toEqual([['block', '林致远', '林志远', '正文第1段', 6]])
    expect(pick('typos')).toEqual([['block', '贯切落实', '贯彻落实', '正文第1段', 13]])
    expect(pick('wording')).toEqual([['block', '老提法', '新提法', '正文第1段', 24]])
    expect(pick('leftovers')).toEqual([['block', 'XX', null, '正文第3段', 1]])
    expect(pick('numbers')).toEqual([['warn', '3 亿元', '3亿元', '正文第2段', 5]])
    expect(json.links.map((f: any) => [f.severity, f.text])).toEqual([
      ['block', `${site}/gone`],
      ['block', `${site}/moved`],
    ])
    expect(json.links[1].message).toMatch(/链接被劫持/)
    expect(json.typos[0].fix).toEqual({ from: '贯切落实', to: '贯彻落实' })
  })

  it('should stop submit on a blocking finding, naming it, and pass a clean article', async () => {
    const id = await article(['要贯切落实会议精神。'])
    const refused = await act(app, s.editor, 'articles', id, 'submit')
    expect(refused.status).toBe(400)
    expect(refused.json.errors[0].message).toMatch(/审读发现 1 处.*贯切落实/)
    const clean = await article([`各部门要贯彻落实会议精神,详见${site}/same 。`], '干净的稿件')
    expect((await act(app, s.editor, 'articles', clean, 'submit')).status).toBe(200)
  })

  it('should apply a one-click fix as a draft revision, and refuse a stale one', async () => {
    const id = await article(['要贯切落实会议精神。'])
    const checks = await app.rest('GET', `articles/${id}/checks`, { token: s.editor!.token })
    const typo = checks.json.typos[0]
    const fixed = await app.rest('POST', `articles/${id}/checks/fix`, {
      token: s.editor!.token,
      body: { field: typo.field, index: typo.index, offset: typo.offset, ...typo.fix },
    })
    expect(fixed.status).toBe(200)
    expect(fixed.json.typos).toEqual([])
    const again = await app.rest('POST', `articles/${id}/checks/fix`, {
      token: s.editor!.token,
      body: { field: typo.field, index: typo.index, offset: typo.offset, ...typo.fix },
    })
    expect(again.status).toBe(409)
    const anonymous = await app.rest('POST', `articles/${id}/checks/fix`, {
      body: { field: 'body', index: 1, offset: 1, from: 'x', to: 'y' },
    })
    expect(anonymous.status).toBe(401)
  })
})

describe('the nightly link check', () => {
  it('should report published articles with dead or hijacked links to chief editors', async () => {
    const id = await article([`参见${site}/moved 。`], '带坏链接的已发布稿')
    await app.payload.update({
      collection: 'articles',
      id,
      data: { _status: 'published', workflowState: 'published' },
      context: { [WORKFLOW_CONTEXT]: true },
    })
    const req = await createLocalReq({}, app.payload)
    const result = await recheckPublishedLinks(req)
    expect(result.broken).toBe(1)
    const report = await app.payload.findByID({
      collection: 'quality-reports',
      id: result.reportId,
    })
    expect(report).toMatchObject({ kind: 'links' })
    const notes = await app.payload.find({
      collection: 'notifications',
      where: { recipient: { equals: s.chief!.id } },
      sort: '-createdAt',
      limit: 1,
    })
    expect(notes.docs[0]!.message).toMatch(/带坏链接的已发布稿.*链接被劫持/)
  })
})
