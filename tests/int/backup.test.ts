/**
 * `npm run backup` while editors keep writing, then `npm run restore` into a fresh place: the
 * restored database passes the doctor and holds everything committed before the backup began.
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

import { bootNewsdesk, type TestApp } from '../helpers/boot'
import { cameraJpeg } from '../helpers/images'
import { act, hireStaff, simpleBody, type Person } from '../helpers/newsroom'
import { runToEnd } from '../helpers/process'

let app: TestApp
let s: Record<string, Person>

beforeAll(async () => {
  app = await bootNewsdesk()
  s = await hireStaff(app, { admin: ['admin'], author: ['editor'], shooter: ['photographer'] })
})
afterAll(async () => {
  await app?.close()
})

const count = (file: string, table: string) =>
  Number(execFileSync('sqlite3', [file, `SELECT count(*) FROM ${table}`], { encoding: 'utf8' }))

/** An editor and a photographer at work: drafts, submissions, uploads, over REST. */
async function work(until: () => boolean) {
  let n = 0
  while (!until()) {
    n++
    const draft = await app.rest('POST', 'articles?draft=true', {
      token: s.author.token,
      body: { title: `备份期间的稿件 ${n}`, body: simpleBody() },
    })
    await act(app, s.author, 'articles', draft.json.doc.id, 'submit')
    if (n % 3 === 0) {
      const form = new FormData()
      form.append('file', new Blob([new Uint8Array(await cameraJpeg())]), `b${n}.jpg`)
      form.append('_payload', JSON.stringify({ caption: `备份图片 ${n}`, credit: '孙悦' }))
      await app.rest('POST', 'photos?depth=0', { token: s.shooter.token, body: form })
    }
  }
  return n
}

describe('backup and restore', () => {
  it('should back up while writers run, and restore to data that passes the doctor', async () => {
    await work(
      (
        (i) => () =>
          i++ >= 6
      )(0),
    )
    const source = process.env.DATABASE_URI!.replace(/^file:/, '')
    const before = count(source, 'articles')
    const archive = path.join(app.workDir, 'backup.tar.gz')
    let done = false
    const [run, written] = await Promise.all([
      runToEnd(
        'npm',
        ['run', '--silent', 'backup', '--', '--out', archive],
        { ...process.env },
        120_000,
      ).finally(() => (done = true)),
      work(() => done),
    ])
    expect(run.code).toBe(0)
    expect(run.output).toContain('备份完成')
    expect(written).toBeGreaterThan(0)

    const target = path.join(app.workDir, 'restored')
    fs.mkdirSync(target)
    const env = {
      ...process.env,
      DATABASE_URI: `file:${path.join(target, 'newsdesk.db')}`,
      MEDIA_DIR: path.join(target, 'media'),
    }
    const restored = await runToEnd(
      'npm',
      ['run', '--silent', 'restore', '--', archive],
      env,
      180_000,
    )
    expect(restored.output).toContain('恢复后的数据一致')
    expect(restored.code).toBe(0)
    const articles = count(path.join(target, 'newsdesk.db'), 'articles')
    expect(articles).toBeGreaterThanOrEqual(before)
    // Every photo's files came along.
    const photos = count(path.join(target, 'newsdesk.db'), 'photos')
    expect(photos).toBeGreaterThan(0)
    expect(fs.readdirSync(path.join(target, 'media')).length).toBeGreaterThanOrEqual(photos)
  }, 300_000)

  it('should refuse an archive that is not a Newsdesk backup, touching nothing', async () => {
    const bogus = path.join(app.workDir, 'bogus.tar.gz')
    const dir = path.join(app.workDir, 'bogus')
    fs.mkdirSync(dir)
    fs.writeFileSync(path.join(dir, 'hello.txt'), 'hi')
    execFileSync('tar', ['-czf', bogus, '-C', dir, '.'])
    const target = path.join(app.workDir, 'untouched.db')
    fs.writeFileSync(target, 'keep me')
    const run = await runToEnd(
      'npm',
      ['run', '--silent', 'restore', '--', bogus],
      { ...process.env, DATABASE_URI: `file:${target}` },
      60_000,
    )
    expect(run.code).toBe(1)
    expect(run.output).toContain('不是 Newsdesk 的备份文件')
    expect(fs.readFileSync(target, 'utf8')).toBe('keep me')
  }, 120_000)
})
