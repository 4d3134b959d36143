/**
 * Full-text search: jieba-segmented, ranked, highlighted; the public index holds only what is live,
 * the staff index every revision; measured on a labelled query set (precision@5 and recall@10).
 */
import fs from 'node:fs'
import path from 'node:path'

import { publicCache } from '../../src/delivery/cache'
import { createDeliveryFront } from '../../src/delivery/front'
import { importArticle } from '../../src/import/importArticle'
import { WORKFLOW_CONTEXT } from '../../src/workflow/context'
import { LABELLED_QUERIES } from '../fixtures/search-queries'
import { bootNewsdesk, type TestApp } from '../helpers/boot'
import { FIXTURE_PATH } from '../helpers/fixture'
import { act, hireStaff, type Person } from '../helpers/newsroom'

let app: TestApp
let s: Record<string, Person>
/** Article ids by corpus key (`01`…`15`, `fx`) and back. */
const byKey = new Map<string, string>()
const keyOf = new Map<string, string>()
const engine = { context: { [WORKFLOW_CONTEXT]: true } }

async function publish(id: number | string, extra: Record<string, unknown> = {}) {
  await app.payload.update({
    collection: 'articles',
    id,
    data: { _status: 'published', workflowState: 'published', ...extra },
    ...engine,
  })
}

beforeAll(async () => {
  app = await bootNewsdesk()
  s = await hireStaff(app, { chief: ['chief-editor'], author: ['editor'], reviewer: ['reviewer'] })
  const dir = path.resolve(import.meta.dirname, '../fixtures/import-corpus')
  for (const file of fs.readdirSync(dir).sort()) {
    const text = fs
      .readFileSync(path.join(dir, file), 'utf8')
      .split('\n')
      .map((line) => line.replace(/^[+a-zA-Z]*\|/, ''))
      .join('\n')
    const { id } = await importArticle(app.payload, { bytes: Buffer.from(text), name: file })
    byKey.set(file.slice(0, 2), String(id))
  }
  const fixture = await importArticle(app.payload, {
    bytes: fs.readFileSync(FIXTURE_PATH),
    name: 'feature.txt',
  })
  byKey.set('fx', String(fixture.id))
  for (const [key, id] of byKey) keyOf.set(id, key)
  // The office's names, which feed the segmenter's dictionary and the staff's pinyin initials.
  await publish(byKey.get('fx')!, { topics: ['兰州新区', '中川机场'] })
  for (const [key, id] of byKey) if (key !== 'fx') await publish(id)
  await app.payload.create({
    collection: 'projects',
    data: {
      name: '兰州宏彬电池石墨化项目',
      company: '兰州宏彬新材料有限公司',
      park: '新材料产业园',
      _status: 'published',
      workflowState: 'published',
    } as any,
    ...engine,
  })
})
afterAll(async () => {
  await app?.close()
})

const search = (query: string, token?: string) =>
  app.rest('GET', `search?${query}`, token ? { token } : {})

describe('search quality on the labelled set', () => {
  it('should hold precision@5 and recall@10 at 0.9 or better', async () => {
    expect(LABELLED_QUERIES.length).toBeGreaterThanOrEqual(40)
    const misses: string[] = []
    let precision = 0
    let recall = 0
    for (const { q, relevant, scope } of LABELLED_QUERIES) {
      const scopeParam = scope === 'staff' ? '&scope=staff' : ''
      const { status, json } = await search(
        `q=${encodeURIComponent(q)}&collection=articles&limit=10${scopeParam}`,
        scope === 'staff' ? s.chief!.token : undefined,
      )
      expect(status).toBe(200)
      const got = json.docs.map((doc: any) => keyOf.get(doc.id) ?? doc.id)
      const top5 = got.slice(0, 5)
      const p = top5.filter((key: string) => relevant.includes(key)).length
      const r = got.filter((key: string) => relevant.includes(key)).length
      precision += p / Math.min(5, relevant.length)
      recall += r / relevant.length
      if (p < Math.min(5, relevant.length) || r < relevant.length)
        misses.push(`${q}: got ${got.join(',')} want ${relevant.join(',')}`)
    }
    const n = LABELLED_QUERIES.length
    const report = `precision@5 ${(precision / n).toFixed(3)}, recall@10 ${(recall / n).toFixed(3)} over ${n} queries`
    console.log(`search quality: ${report}${misses.length ? `\n  ${misses.join('\n  ')}` : ''}`)
    expect(precision / n).toBeGreaterThanOrEqual(0.9)
    expect(recall / n).toBeGreaterThanOrEqual(0.9)
  })

  it('should find the long word and its parts alike: 兰州新区 and 新区', async () => {
    const whole = await search(`q=${encodeURIComponent('兰州新区')}&limit=50`)
    const part = await search(`q=${encodeURIComponent('新区')}&limit=50`)
    expect(whole.json.totalDocs).toBeGreaterThan(0)
    const wholeIds = whole.json.docs.map((doc: any) => doc.id)
    const partIds = new Set(part.json.docs.map((doc: any) => doc.id))
    expect(wholeIds.every((id: string) => partIds.has(id))).toBe(true)
  })
})

describe('search results', () => {
  it('should give ranked hits with their type, slug and a marked, escaped snippet', async () => {
    const { json, headers } = await search(`q=${encodeURIComponent('中欧班列')}`)
    expect(headers.get('cache-control')).toMatch(/public/)
    const [first] = json.docs
    expect(first).toMatchObject({ collection: 'articles', type: '文章' })
    expect(first.titleHtml).toBe('新区铁路口岸开行<mark>中欧班列</mark>')
    expect(first.snippet).toContain('<mark>中欧班列</mark>')
    expect(first.snippet).not.toMatch(/<(?!\/?mark>)/)
  })

  it('should rank a title hit above a passing mention', async () => {
    const { json } = await search(`q=${encodeURIComponent('铁路口岸')}`)
    expect(keyOf.get(json.docs[0].id)).toBe('11')
  })

  it('should search projects and photos too, each marked with its type', async () => {
    const { json } = await search(`q=${encodeURIComponent('宏彬')}`)
    const types = json.docs.map((doc: any) => doc.type)
    expect(types).toContain('产业项目')
    expect(types).toContain('文章')
    const only = await search(`q=${encodeURIComponent('宏彬')}&collection=projects`)
    expect(only.json.docs.map((doc: any) => doc.collection)).toEqual(['projects'])
  })

  it('should refuse bad parameters with a clear 400', async () => {
    expect((await search('q=')).status).toBe(400)
    expect((await search('q=x&collection=users')).json.errors[0].message).toMatch(
      /不能搜索「users」/,
    )
    expect((await search('q=x&limit=500')).status).toBe(400)
    expect((await search(`q=${'长'.repeat(101)}`)).status).toBe(400)
    const quotes = await search(`q=${encodeURIComponent('"兰州" OR NEAR(*')}`)
    expect(quotes.status).toBe(200)
  })

  it('should answer GraphQL with the same hits', async () => {
    const { data, errors } = await app.graphql(
      '{ search(q: "中欧班列", collections: ["articles"], limit: 5) { totalDocs docs { id type titleHtml snippet } } }',
    )
    expect(errors).toBeUndefined()
    const rest = await search(`q=${encodeURIComponent('中欧班列')}&collection=articles&limit=5`)
    expect(data.search.docs.map((doc: any) => doc.id)).toEqual(
      rest.json.docs.map((doc: any) => doc.id),
    )
  })

  it('should be served, cached and ETagged by the delivery front', async () => {
    publicCache().clear()
    const front = createDeliveryFront({ config: app.config })
    const url = `http://localhost/api/search?q=${encodeURIComponent('郁金香')}`
    const first = (await front.handle(new Request(url)))!
    expect(first.headers.get('x-cache')).toBe('MISS')
    const etag = first.headers.get('etag')!
    const second = (await front.handle(new Request(url, { headers: { 'If-None-Match': etag } })))!
    expect(second.status).toBe(304)
  })
})

describe('what each index holds', () => {
  it('should find a published article but never its draft revision, nor a draft, nor a withdrawn one', async () => {
    const live = byKey.get('12')!
    // A revision in review with a word of its own.
    const edit = await app.rest('PATCH', `articles/${live}`, {
      token: s.author!.token,
      body: { title: '修订稿独有词汇甲乙丙' },
    })
    expect(edit.status).toBe(200)
    await act(app, s.author, 'articles', live, 'submit')
    const draft = await app.payload.create({
      collection: 'articles',
      data: { title: '草稿独有词汇丁戊己', body: (await doc(live)).body },
      draft: true,
    })
    const withdrawn = byKey.get('09')!
    const withdrawal = await act(app, s.chief, 'articles', withdrawn, 'withdraw', {
      comment: '撤稿测试',
    })
    expect(withdrawal.status).toBe(200)

    const publicFinds = async (q: string) =>
      (await search(`q=${encodeURIComponent(q)}`)).json.docs.map((d: any) => d.id)
    expect(await publicFinds('修订稿独有词汇甲乙丙')).toEqual([])
    expect(await publicFinds('草稿独有词汇丁戊己')).toEqual([])
    expect(await publicFinds('推介会')).toEqual([])
    // The live version of the revised article is still found by its live words.
    expect(await publicFinds('跨境电商')).toContain(live)
    const graphql = await app.graphql(
      '{ search(q: "修订稿独有词汇甲乙丙") { totalDocs } b: search(q: "推介会") { totalDocs } }',
    )
    expect(graphql.data).toEqual({ search: { totalDocs: 0 }, b: { totalDocs: 0 } })

    // Staff find every revision, with scope=staff; nobody else may ask for it.
    const staff = await search(
      `q=${encodeURIComponent('草稿独有词汇丁戊己')}&scope=staff`,
      s.author!.token,
    )
    expect(staff.json.docs.map((d: any) => d.id)).toEqual([String(draft.id)])
    expect((await search(`q=x&scope=staff`)).status).toBe(401)
  })

  it('should put a corrected or republished article back with its new words, in the same save', async () => {
    const id = byKey.get('09')!
    await publish(id, { title: '新区举办重点产业链招商推介会(重发)' })
    const { json } = await search(`q=${encodeURIComponent('重发')}`)
    expect(json.docs.map((d: any) => d.id)).toEqual([id])
  })

  it('should rebuild both indexes from scratch with the same answers', async () => {
    const before = await search(`q=${encodeURIComponent('高质量发展')}&limit=50`)
    const { reindexSearch } = await import('../../src/search/reindex')
    const counts = await reindexSearch(app.payload)
    expect(counts.public).toBeGreaterThan(10)
    expect(counts.staff).toBeGreaterThanOrEqual(counts.public)
    const after = await search(`q=${encodeURIComponent('高质量发展')}&limit=50`)
    expect(after.json.docs.map((d: any) => d.id)).toEqual(before.json.docs.map((d: any) => d.id))
    expect(after.json.docs.length).toBeGreaterThan(0)
  })
})

describe('the admin list search box', () => {
  it('should match body text for staff, not only titles', async () => {
    const where = `where[or][0][title][like]=${encodeURIComponent('混凝土泵车')}`
    const { json } = await app.rest('GET', `articles?${where}&draft=true`, {
      token: s.author!.token,
    })
    expect(json.docs.map((d: any) => String(d.id))).toEqual([byKey.get('15')])
  })
})

async function doc(id: string) {
  return app.payload.findByID({ collection: 'articles', id, depth: 0 })
}

describe('the dictionary', () => {
  it('should learn an official’s name when the register gains it, and find it by its initials', async () => {
    const { wordsForInitials } = await import('../../src/search/segment')
    expect(wordsForInitials('lzy')).not.toContain('林志远')
    await app.payload.create({
      collection: 'officials',
      data: { name: '林志远', post: '管委会主任', status: 'serving' },
    })
    expect(wordsForInitials('lzy')).toContain('林志远')
  })
})
