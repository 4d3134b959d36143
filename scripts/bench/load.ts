/**
 * `npm run bench -- load`: the production server on one core (core 0) under the office's mix, from
 * core 1, for LOAD_SECONDS (60; 600 with LOAD_SOAK=1):
 * - 50 anonymous readers: the GraphQL list by GET (cached) and by POST, an API client's uncached
 *   REST list, and an article by slug;
 * - 5 editors taking articles through the whole chain with photo uploads (scripts/bench/newsroom.ts),
 *   each publication read back anonymously at once.
 * Prints req/s, p50 and p99 per route, the count of 5xx, peak RSS and RSS each minute, and checks
 * that no acknowledged write was lost and every publish was visible on the very next request.
 * Half-way through it runs `npm run backup`; afterwards the archive is restored into a new database
 * and checked by the doctor.
 */
import { execFile as execFileCallback, execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'

import { descendants, peakRssMb, prepareServer, serverRssMb, startServer, waitFor } from './server'
import { Newsroom } from './newsroom'
import { BENCH_API_KEY } from './seedContent'

const SECONDS = Number(process.env.LOAD_SECONDS || (process.env.LOAD_SOAK ? 600 : 60))
/** With LOAD_PUBLISHED=N the mix runs until N articles went through the whole chain, not for a time. */
const PUBLISHED = Number(process.env.LOAD_PUBLISHED || 0)
const READERS = Number(process.env.LOAD_READERS || 50)
const WRITERS = 5

const root = path.resolve(import.meta.dirname, '../..')
const execFile = promisify(execFileCallback)

/** `npm run restore` of the archive into a new database and media folder (it runs the doctor). */
async function restoreAndCheck(archive: string, work: string, env: NodeJS.ProcessEnv) {
  const target = {
    ...env,
    DATABASE_URI: `file:${path.join(work, 'restored.db')}`,
    MEDIA_DIR: path.join(work, 'restored-media'),
  }
  try {
    await execFile('npm', ['run', '--silent', 'restore', '--', archive], { cwd: root, env: target })
    return { ok: true, output: '' }
  } catch (error) {
    const failed = error as Error & { stdout?: string; stderr?: string }
    return { ok: false, output: `${failed.stdout ?? ''}${failed.stderr ?? failed.message}` }
  }
}

const percentile = (values: number[], p: number) => {
  if (!values.length) return 0
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!
}

export async function benchLoad() {
  // The load runs on core 1, the server on core 0.
  execFileSync('taskset', ['-cp', '1', String(process.pid)], { stdio: 'ignore' })
  const { work, env, slug, port, base } = prepareServer('load')
  const server = startServer(env, port)
  try {
    await waitFor(`${base}/api/articles?limit=1`, 120_000)
    const room = new Newsroom(base, WRITERS)
    await room.hire()
    const query =
      '{ Articles(limit: 20, sort: "-publishedDate") { docs { id title slug publishedDate coverPhoto { url alt caption } } } }'
    const reads: (() => Promise<unknown>)[] = [
      () =>
        room.call(
          'GET GraphQL list (cached)',
          `${base}/api/graphql?query=${encodeURIComponent(query)}`,
        ),
      () => room.call('POST GraphQL list', `${base}/api/graphql`, room.json('POST', { query })),
      () =>
        room.call('GET REST list, API client no-cache', `${base}/api/articles?limit=20&depth=1`, {
          headers: {
            'cache-control': 'no-cache',
            authorization: `api-clients API-Key ${BENCH_API_KEY}`,
          },
        }),
      () =>
        room.call(
          'GET REST article by slug',
          `${base}/api/articles?where[slug][equals]=${slug}&limit=1&depth=1`,
        ),
    ]
    const deadline = Date.now() + SECONDS * 1000
    const over = () => (PUBLISHED ? room.published.length >= PUBLISHED : Date.now() >= deadline)
    let invisible = 0
    let checked = 0
    const reader = async (n: number) => {
      for (let i = n; !over(); i++) await reads[i % reads.length]!()
    }
    // Each publication read back anonymously at once, as a downstream site would, until the
    // writers (who finish the chain they are in after the deadline) are done.
    let writing = true
    const watcher = async () => {
      while (writing || checked < room.published.length) {
        const next = room.published[checked]
        if (!next) {
          await new Promise((r) => setTimeout(r, 50))
          continue
        }
        checked++
        const seen = await room.call(
          'GET article just published (anonymous)',
          `${base}/api/articles/${next.id}?depth=0`,
        )
        if (seen.status !== 200 || seen.json?.title !== next.title) invisible++
      }
    }
    // Half-way through, `npm run backup` while the readers and writers run; restored and checked
    // by the doctor once the load is over.
    const archive = path.join(work, 'during-load.tar.gz')
    let backupTook = 0
    const backupDone = new Promise<string | undefined>((resolve) => {
      setTimeout(
        () => {
          const started = Date.now()
          execFile('npm', ['run', '--silent', 'backup', '--', '--out', archive], { cwd: root, env })
            .then(() => {
              backupTook = (Date.now() - started) / 1000
              resolve(undefined)
            })
            .catch((error: Error & { stderr?: string }) => resolve(error.stderr || error.message))
        },
        (SECONDS * 1000) / 2,
      )
    })
    const rssByMinute: number[] = []
    const sampler = setInterval(
      () => rssByMinute.push(serverRssMb(descendants(server.pid!))),
      60_000,
    )
    console.log(
      `load: ${READERS} readers and ${WRITERS} writers ${PUBLISHED ? `until ${PUBLISHED} articles are published` : `for ${SECONDS} s`}…`,
    )
    const started = Date.now()
    const writers = Promise.all(
      Array.from({ length: WRITERS }, (_, i) => room.writer(i, over)),
    ).then(() => {
      writing = false
    })
    await Promise.all([...Array.from({ length: READERS }, (_, i) => reader(i)), writers, watcher()])
    clearInterval(sampler)
    const elapsed = (Date.now() - started) / 1000
    const peak = peakRssMb(descendants(server.pid!))
    const lost = await room.lostWrites()

    const routes = [...new Set(room.samples.map((s) => s.route))]
    console.log(`\nserver pinned to core 0, load on core 1, ${elapsed.toFixed(0)} s`)
    console.log(
      'route                                         requests    req/s   p50 ms   p99 ms   5xx',
    )
    for (const route of routes) {
      const mine = room.samples.filter((s) => s.route === route)
      const ms = mine.map((s) => s.ms)
      const fives = mine.filter((s) => s.status >= 500).length
      console.log(
        `${route.padEnd(44)}${String(mine.length).padStart(9)} ${(mine.length / elapsed).toFixed(1).padStart(8)} ${percentile(ms, 50).toFixed(1).padStart(8)} ${percentile(ms, 99).toFixed(1).padStart(8)} ${String(fives).padStart(5)}`,
      )
    }
    const fives = room.samples.filter((s) => s.status >= 500).length
    const verdict = (met: boolean) => (met ? 'MET' : 'NOT MET')
    console.log(
      `\ntotal ${room.samples.length} requests (${(room.samples.length / elapsed).toFixed(0)} req/s); 5xx: ${fives} (target 0: ${verdict(!fives)})`,
    )
    console.log(
      `published through the whole chain: ${room.published.length}; acknowledged transitions: ${room.acknowledged.length}; lost writes: ${lost.length} (target 0: ${verdict(!lost.length)}); publishes not visible on the next request: ${invisible} of ${checked} (target 0: ${verdict(!invisible)})`,
    )
    console.log(`server peak RSS: ${peak.toFixed(0)} MB (target ≤ 400 MB: ${verdict(peak <= 400)})`)
    if (rssByMinute.length > 1) {
      const first = rssByMinute[0]!
      const last = rssByMinute.at(-1)!
      const growth = ((last - first) / first) * 100
      console.log(
        `RSS at each minute (MB): ${rssByMinute.map((v) => v.toFixed(0)).join(', ')}; growth after the first minute ${growth.toFixed(1)} % (soak target ≤ 10 %: ${verdict(growth <= 10)})`,
      )
    }
    const backupFailed = await backupDone
    if (backupFailed) console.log(`backup during the load: FAILED: ${backupFailed}`)
    else {
      const restored = await restoreAndCheck(archive, work, env)
      console.log(
        `backup during the load: ${(fs.statSync(archive).size / 1024 / 1024).toFixed(1)} MB in ${backupTook.toFixed(1)} s; restored into a new database and checked by the doctor: ${restored.ok ? 'no violations (MET)' : `NOT MET\n${restored.output}`}`,
      )
    }
    for (const p of [...lost, ...room.problems].slice(0, 20)) console.log(`  problem: ${p}`)
  } finally {
    try {
      process.kill(-server.pid!, 'SIGKILL')
    } catch {
      // already gone
    }
    fs.rmSync(work, { recursive: true, force: true })
  }
}
