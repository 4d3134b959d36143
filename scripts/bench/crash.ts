/**
 * `npm run bench -- crash`: the production server killed with SIGKILL (kill -9) at random moments
 * while three editors take articles through the chain: photo uploads, approvals, publications, and
 * publications scheduled a moment ahead for the job runner. CRASH_KILLS (30) kills, each after
 * 1–5 s of work, a restart after each; then a last start that lets scheduled jobs run, a check that
 * no acknowledged transition was lost, and `npm run doctor` on the result. Prints the figures.
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

import { prepareServer, startServer, waitFor } from './server'
import { Newsroom } from './newsroom'

const root = path.resolve(import.meta.dirname, '../..')
const KILLS = Number(process.env.CRASH_KILLS || 30)
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

export async function benchCrash() {
  execFileSync('taskset', ['-cp', '1', String(process.pid)], { stdio: 'ignore' })
  const { work, env, port, base } = prepareServer('crash', 0)
  const room = new Newsroom(base, 3)
  let kills = 0
  const started = Date.now()
  try {
    for (let cycle = 0; cycle <= KILLS; cycle++) {
      const server = startServer(env, port)
      await waitFor(`${base}/api/articles?limit=1`, 120_000)
      if (cycle === 0) await room.hire()
      if (cycle === KILLS) {
        // The last start: scheduled publications still due run now, once.
        await sleep(8000)
        const lost = await room.lostWrites()
        process.kill(-server.pid!, 'SIGTERM')
        await sleep(3000)
        let doctor = ''
        let doctorCode = 0
        try {
          doctor = execFileSync('npm', ['run', '--silent', 'doctor'], {
            cwd: root,
            env,
            encoding: 'utf8',
          })
        } catch (error) {
          const failed = error as { stdout?: string; status?: number }
          doctor = failed.stdout ?? ''
          doctorCode = failed.status ?? 1
        }
        const transitions = room.acknowledged.length
        const uploads = room.samples.filter(
          (s) => s.route.startsWith('POST photo') && s.status === 201,
        ).length
        console.log(
          `\n${kills} kills (SIGKILL) in ${((Date.now() - started) / 1000).toFixed(0)} s; ` +
            `${uploads} photo uploads and ${transitions} workflow transitions acknowledged; ` +
            `${room.published.length} articles published at once, ` +
            `${room.acknowledged.filter((a) => a.action === 'publish' && a.state === 'approved').length} scheduled`,
        )
        console.log(`lost writes: ${lost.length} (target 0: ${lost.length ? 'NOT MET' : 'MET'})`)
        for (const l of lost.slice(0, 10)) console.log(`  lost: ${l}`)
        console.log(
          `npm run doctor: exit ${doctorCode} (target 0: ${doctorCode ? 'NOT MET' : 'MET'})`,
        )
        const lines = doctor.trim().split('\n')
        const byRule = new Map<string, number>()
        for (const line of lines) {
          const rule = /^✗ \[([\w-]+)\]/.exec(line)?.[1]
          if (rule) byRule.set(rule, (byRule.get(rule) ?? 0) + 1)
        }
        console.log(
          `  violations by rule: ${[...byRule].map(([rule, n]) => `${rule} ${n}`).join(', ') || 'none'}`,
        )
        for (const line of lines.slice(0, 12)) console.log(`  ${line}`)
        break
      }
      let stop = false
      const writers = [0, 1, 2].map((w) => room.writer(w, () => stop, { scheduleShare: 0.4 }))
      await sleep(1000 + Math.random() * 4000)
      process.kill(-server.pid!, 'SIGKILL')
      kills++
      stop = true
      await Promise.all(writers)
      await sleep(300)
    }
  } finally {
    fs.rmSync(work, { recursive: true, force: true })
  }
}
