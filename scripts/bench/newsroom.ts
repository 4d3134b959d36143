/**
 * The newsroom the load and crash benches drive over HTTP: an admin (first registration), editors,
 * the reviewers of each stage, and each editor's loop: a photo uploaded and approved, an article
 * written with it, submitted, 初审, 复审, 终审 by three different people, and published (now, or
 * scheduled a moment ahead). Every transition the server acknowledged is recorded, so a bench can
 * check afterwards that none was lost.
 */
import fs from 'node:fs'
import path from 'node:path'

import { blocksToLexical } from '../../src/import/lexical'

export const PASSWORD = 'Bench-Load-2026!'
const root = path.resolve(import.meta.dirname, '../..')
const tinyJpeg = fs.readFileSync(path.join(root, 'tests/helpers/tiny.jpg'))

export type Sample = { route: string; ms: number; status: number }
export type Acknowledged = { collection: string; id: number; action: string; state: string }

export class Newsroom {
  readonly samples: Sample[] = []
  readonly problems: string[] = []
  readonly acknowledged: Acknowledged[] = []
  readonly published: { id: number; title: string }[] = []
  tokens: Record<string, string> = {}

  constructor(
    public base: string,
    readonly writers: number,
  ) {}

  async call(route: string, url: string, init: RequestInit = {}) {
    const started = performance.now()
    let status = 0
    let json: any
    try {
      const res = await fetch(url, init)
      status = res.status
      const text = await res.text()
      try {
        json = text ? JSON.parse(text) : undefined
      } catch {
        json = undefined
      }
    } catch (error) {
      status = 599
      this.problems.push(`${route}: ${(error as Error).message}`)
    }
    this.samples.push({ route, ms: performance.now() - started, status })
    return { status, json }
  }

  json(method: string, body: unknown, token?: string): RequestInit {
    return {
      method,
      headers: {
        'Content-Type': 'application/json',
        ...(token ? { Authorization: `JWT ${token}` } : {}),
      },
      body: JSON.stringify(body),
    }
  }

  /** The staff, made the way an office makes them (idempotent: logs in if they exist). */
  async hire() {
    const first = await fetch(
      `${this.base}/api/users/first-register`,
      this.json('POST', { email: 'admin@load.test', password: PASSWORD, name: '管理员' }),
    )
    const people: Record<string, string[]> = {
      rev1: ['reviewer'],
      rev2: ['reviewer'],
      chief1: ['chief-editor'],
      chief2: ['chief-editor'],
      ...Object.fromEntries(
        Array.from({ length: this.writers }, (_, i) => [`editor${i}`, ['editor']]),
      ),
    }
    const login = async (key: string) =>
      (
        await (
          await fetch(
            `${this.base}/api/users/login`,
            this.json('POST', { email: `${key}@load.test`, password: PASSWORD }),
          )
        ).json()
      ).token as string
    this.tokens.admin = first.ok ? (await first.json()).token : await login('admin')
    for (const [key, roles] of Object.entries(people)) {
      await fetch(
        `${this.base}/api/users`,
        this.json(
          'POST',
          { email: `${key}@load.test`, password: PASSWORD, name: key, roles },
          this.tokens.admin,
        ),
      )
      this.tokens[key] = await login(key)
    }
  }

  private async act(
    collection: string,
    id: number,
    who: string,
    action: string,
    state: string,
    extra: Record<string, unknown> = {},
  ) {
    const token = this.tokens[who]!
    const status = await this.call(
      'GET workflow status (staff)',
      `${this.base}/api/${collection}/${id}/workflow`,
      { headers: { Authorization: `JWT ${token}` } },
    )
    const res = await this.call(
      `POST workflow ${action} (staff)`,
      `${this.base}/api/${collection}/${id}/workflow`,
      this.json('POST', { action, versionId: status.json?.versionId, ...extra }, token),
    )
    if (res.status === 200) {
      this.acknowledged.push({ collection, id, action, state })
      return true
    }
    if (res.status !== 599)
      this.problems.push(
        `${action} ${collection}#${id} by ${who}: HTTP ${res.status} ${String(res.json?.errors?.[0]?.message ?? '').slice(0, 120)}`,
      )
    return false
  }

  /** One editor's articles, through the whole chain, until `until()` says stop. */
  async writer(w: number, until: () => boolean, { scheduleShare = 0 } = {}) {
    const me = `editor${w}`
    for (let round = 1; !until(); round++) {
      const tag = `${w}-${round}-${Date.now().toString(36)}`
      const form = new FormData()
      form.append(
        'file',
        new Blob([new Uint8Array(tinyJpeg)], { type: 'image/jpeg' }),
        `load-${tag}.jpg`,
      )
      form.append('_payload', JSON.stringify({ caption: `负载图片 ${tag}`, credit: '基准' }))
      const photo = await this.call(
        'POST photo upload (staff)',
        `${this.base}/api/photos?depth=0`,
        {
          method: 'POST',
          headers: { Authorization: `JWT ${this.tokens[me]}` },
          body: form,
        },
      )
      const photoId = photo.json?.doc?.id as number | undefined
      if (!photoId) continue
      if (!(await this.act('photos', photoId, me, 'submit', 'in_review'))) continue
      if (!(await this.act('photos', photoId, 'rev1', 'approve', 'approved'))) continue
      const title = `负载测试稿件 ${tag}`
      const body = blocksToLexical(
        [
          { type: 'paragraph', text: '兰州新区坚持谋变破局、谋变求新、谋变思进。' },
          { type: 'photoSlot', caption: `负载图片 ${tag}` },
        ],
        new Map([[`负载图片 ${tag}`, photoId]]),
      )
      const article = await this.call(
        'POST article (staff)',
        `${this.base}/api/articles?draft=true`,
        this.json('POST', { title, body }, this.tokens[me]),
      )
      const id = article.json?.doc?.id as number | undefined
      if (!id) continue
      const steps: [string, string, string][] = [
        [me, 'submit', 'in_review'],
        ['rev1', 'approve', 'in_review'],
        ['rev2', 'approve', 'in_review'],
        ['chief1', 'approve', 'approved'],
      ]
      let ok = true
      for (const [who, action, state] of steps)
        if (ok) ok = await this.act('articles', id, who, action, state)
      if (!ok) continue
      if (Math.random() < scheduleShare) {
        // Scheduled a moment ahead: the server's job runner publishes it.
        await this.act('articles', id, 'chief2', 'publish', 'approved', {
          publishAt: new Date(Date.now() + 1500).toISOString(),
        })
        continue
      }
      if (!(await this.act('articles', id, 'chief2', 'publish', 'published'))) continue
      this.published.push({ id, title })
    }
  }

  /**
   * Every acknowledged transition against the database afterwards: its event is in
   * workflow-events (as many times as it was acknowledged). Returns the problems found.
   */
  async lostWrites(): Promise<string[]> {
    const lost: string[] = []
    const events = await (
      await fetch(`${this.base}/api/workflow-events?limit=0&pagination=false&depth=0`, {
        headers: { Authorization: `JWT ${this.tokens.admin}` },
      })
    ).json()
    const count = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1)
    const recorded = new Map<string, number>()
    for (const e of events.docs ?? []) {
      // A scheduled publish is recorded as schedule-publish, then publish by the scheduler.
      count(
        recorded,
        `${e.collection}:${e.documentId}:${String(e.action).replace(/^schedule-/, '')}`,
      )
    }
    const expected = new Map<string, number>()
    for (const a of this.acknowledged) count(expected, `${a.collection}:${a.id}:${a.action}`)
    for (const [key, times] of expected)
      if ((recorded.get(key) ?? 0) < times)
        lost.push(`${key}: acknowledged ${times}×, recorded ${recorded.get(key) ?? 0}×`)
    return lost
  }
}
