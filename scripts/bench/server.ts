/**
 * The production server the delivery, load and crash benches run: built once, seeded with content
 * before it starts (as a deployment's is), pinned to core 0; and its memory, read from /proc.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

const root = path.resolve(import.meta.dirname, '../..')

export async function waitFor(url: string, ms: number) {
  const deadline = Date.now() + ms
  while (Date.now() < deadline) {
    try {
      await fetch(url)
      return
    } catch {
      await new Promise((r) => setTimeout(r, 300))
    }
  }
  throw new Error(`server did not answer at ${url}`)
}

export function descendants(pid: number): number[] {
  const out = execFileSync('ps', ['-eo', 'pid=,ppid='], { encoding: 'utf8' })
  const pairs = out
    .trim()
    .split('\n')
    .map((line) => line.trim().split(/\s+/).map(Number))
  const found = [pid]
  for (let i = 0; i < found.length; i += 1)
    for (const [child, parent] of pairs) if (parent === found[i]) found.push(child!)
  return found
}

/** A memory figure of a process from /proc/<pid>/status, in MB (0 once it has gone). */
function statusMb(pid: number, field: 'VmHWM' | 'VmRSS'): number {
  try {
    const kb = new RegExp(`${field}:\\s+(\\d+)`).exec(
      fs.readFileSync(`/proc/${pid}/status`, 'utf8'),
    )?.[1]
    return kb ? Number(kb) / 1024 : 0
  } catch {
    return 0
  }
}

/** The largest peak resident set among the processes. */
export const peakRssMb = (pids: number[]) => Math.max(...pids.map((pid) => statusMb(pid, 'VmHWM')))

/** The resident set of the largest of the processes (the server, not npm and its shells), now. */
export const serverRssMb = (pids: number[]) =>
  Math.max(...pids.map((pid) => statusMb(pid, 'VmRSS')))

/** The production app built, a database seeded, and where the server will listen. */
export function prepareServer(name: string, articles = 200) {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), `newsdesk-bench-${name}-`))
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    NEXT_DIST_DIR: '.next-bench',
    NEXT_TELEMETRY_DISABLED: '1',
    PAYLOAD_SECRET: 'bench-secret',
    DATABASE_URI: `file:${path.join(work, `${name}.db`)}`,
    MEDIA_DIR: path.join(work, 'media'),
    API_RATE_LIMIT: '100000000',
    PUBLIC_MISS_RATE_LIMIT: '100000000',
  }
  if (!process.env.BENCH_SKIP_BUILD) {
    console.log('building the production app…')
    execFileSync('npm', ['run', 'build'], { cwd: root, env, stdio: 'ignore' })
  }
  // No content asked for: the server migrates the empty database itself (the crash bench, whose
  // doctor must see only what went through the workflow).
  let slug = ''
  if (articles > 0) {
    console.log(`seeding ${articles} articles…`)
    const seeded = execFileSync(
      process.execPath,
      ['--import', 'tsx', path.join(root, 'scripts/bench/seedContent.ts'), String(articles)],
      {
        cwd: root,
        env: { ...env, NEWSDESK_JOBS: 'off' },
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    )
    slug = /^BENCH_SLUG=(.+)$/m.exec(seeded)?.[1] ?? ''
    if (!slug) throw new Error('seeding the bench content printed no slug')
  }
  const port = 3900 + Math.floor(Math.random() * 90)
  return { work, env, slug, port, base: `http://127.0.0.1:${port}` }
}

export function startServer(env: NodeJS.ProcessEnv, port: number): ChildProcess {
  return spawn('taskset', ['-c', '0', 'npm', 'start'], {
    cwd: root,
    env: { ...env, PORT: String(port) },
    detached: true,
    stdio: 'ignore',
  })
}
