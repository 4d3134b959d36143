/**
 * Search benchmark, in-process on one core: indexing 10,000 articles (jieba segmentation, grams and
 * the FTS5 rows for both indexes, in transactions of 200) and then querying them uncached with the
 * labelled query set (p50 and p95). Targets: ≥ 200 articles/s indexed, query p50 ≤ 5 ms.
 * Articles are made from the import corpus's sentences, about 1,200 characters each, grouped by
 * topic (see below), so that every query has hundreds to thousands of candidate documents.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { blocksToLexical } from '../../src/import/lexical'
import { LABELLED_QUERIES } from '../../tests/fixtures/search-queries'

const ARTICLES = Number(process.env.BENCH_SEARCH_ARTICLES || 10_000)
const BATCH = 200
const QUERY_ROUNDS = 5

/** The sentences of each corpus text: one topic each (a park, a project, a policy…). */
function corpusTopics(): string[][] {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
  const dir = path.join(root, 'tests/fixtures/import-corpus')
  const texts = fs.readdirSync(dir).map((file) =>
    fs
      .readFileSync(path.join(dir, file), 'utf8')
      .split('\n')
      .filter((line) => /^\+?paragraph\|/.test(line))
      .map((line) => line.replace(/^\+?paragraph\|/, ''))
      .join(''),
  )
  texts.push(
    fs.readFileSync(path.join(root, 'src/seed/content/lanzhou-xinqu-feature-2023.txt'), 'utf8'),
  )
  return texts.map((text) => text.split(/(?<=[。!?])/).filter((s) => s.trim().length > 8))
}

export async function benchSearch() {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-bench-search-'))
  process.env.DATABASE_URI = `file:${path.join(work, 'bench.db')}`
  process.env.MEDIA_DIR = path.join(work, 'media')
  process.env.NEWSDESK_JOBS = 'off'
  const config = await (await import('../../payload.config')).default
  const { getPayload, createLocalReq } = await import('payload')
  const payload = await getPayload({ config })
  const { withTransaction } = await import('../../src/config/transaction')
  const { indexRow } = await import('../../src/search/indexer')
  const { optimizeIndexes, putRow } = await import('../../src/search/store')
  const { search } = await import('../../src/search/query')

  // An archive is made of topics: each article draws most of its sentences from one topic's text
  // and a few from others, so a topic's own words are in a few hundred articles and the office's
  // common words (发展, 项目, 兰州新区) in thousands, as in a real archive.
  const topics = corpusTopics()
  const everything = topics.flat()
  let seed = 42
  const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31
  const pick = (list: string[]) => list[Math.floor(random() * list.length)]!
  const article = (i: number) => {
    const topic = topics[i % topics.length]!
    const paragraphs = Array.from({ length: 4 }, () =>
      Array.from({ length: 5 }, () => (random() < 0.8 ? pick(topic) : pick(everything))).join(''),
    )
    return {
      id: i + 1,
      title: `${pick(topic).slice(0, 24)} 第${i}号`,
      body: blocksToLexical(paragraphs.map((text) => ({ type: 'paragraph' as const, text }))),
      _status: 'published',
      publishedDate: new Date(Date.now() - i * 3_600_000).toISOString(),
    }
  }

  const started = performance.now()
  let chars = 0
  for (let from = 0; from < ARTICLES; from += BATCH) {
    await withTransaction(payload, async (req) => {
      for (let i = from; i < Math.min(from + BATCH, ARTICLES); i += 1) {
        const row = indexRow('articles', article(i))!
        chars += row.body.length
        await putRow(payload, 'staff', row, req)
        await putRow(payload, 'public', row, req)
      }
    })
  }
  const seconds = (performance.now() - started) / 1000
  const perSecond = ARTICLES / seconds

  // As `npm run reindex` leaves the index.
  await optimizeIndexes(payload)
  const req = await createLocalReq({}, payload)
  const times: number[] = []
  for (let round = 0; round < QUERY_ROUNDS; round += 1) {
    for (const { q, scope } of LABELLED_QUERIES) {
      const t = performance.now()
      await search(req, { q, scope: scope ?? 'public', limit: 10 })
      times.push(performance.now() - t)
    }
  }
  times.sort((a, b) => a - b)
  const p = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!
  await payload.destroy()
  if (process.env.BENCH_KEEP) console.log(`kept ${work}`)
  else fs.rmSync(work, { recursive: true, force: true })

  console.log('\nsearch (in-process, one core, SQLite FTS5 + jieba)')
  console.log(
    `  indexing: ${ARTICLES} articles (~${Math.round(chars / ARTICLES)} characters each) in ${seconds.toFixed(1)} s = ` +
      `${perSecond.toFixed(0)} articles/s  (target ≥ 200)  ${perSecond >= 200 ? 'ok' : 'BELOW TARGET'}`,
  )
  console.log(
    `  query, uncached, ${times.length} queries over ${ARTICLES} articles: p50 ${p(0.5).toFixed(2)} ms, ` +
      `p95 ${p(0.95).toFixed(2)} ms  (target p50 ≤ 5 ms)  ${p(0.5) <= 5 ? 'ok' : 'ABOVE TARGET'}`,
  )
  return { perSecond, p50: p(0.5), p95: p(0.95) }
}
