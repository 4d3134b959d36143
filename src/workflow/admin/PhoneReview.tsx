'use client'
import { useConfig } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import { useCallback, useEffect, useState } from 'react'

import { stageText, stateText } from './labels'
import { StateBadge } from './StateCell'

type QueueItem = {
  collection: string
  id: string | number
  title: string
  state: string
  stage: string | null
  actions: string[]
}
type Status = { state: string; stage: string | null; actions: string[]; versionId: string | null }
type Finding = { place: string; message: string; severity: 'block' | 'warn' }
type Photo = { url?: string; caption?: string; credit?: string; place?: string; alt?: string }
type Change = { place: string; parts: { value: string; added?: true; removed?: true }[] }

const COLLECTION_LABELS: Record<string, string> = {
  articles: '文章',
  photos: '图片',
  projects: '产业项目',
  'data-sources': '数据来源',
  columns: '栏目',
}

/** The sign-off buttons, in the order a leader reads them. */
const ACTIONS = [
  { action: 'approve', label: '通过', style: 'primary' },
  { action: 'publish', label: '发布', style: 'primary' },
  { action: 'reject', label: '退回', style: 'secondary' },
] as const

/** 44 px at least: a thumb, not a mouse pointer. */
const TAP = {
  minHeight: 44,
  minWidth: 44,
  boxSizing: 'border-box',
  fontSize: '1rem',
} as const

const READABLE = { overflowWrap: 'anywhere', lineHeight: 1.8 } as const

export function PhoneReview({ item }: { item: string }) {
  const [collection, id] = item.split('/')
  return collection && id ? <ReadItem collection={collection} id={id} /> : <ReviewList />
}

function ReviewList() {
  const { config } = useConfig()
  const [items, setItems] = useState<QueueItem[] | null>(null)
  useEffect(() => {
    void fetch(`${config.serverURL ?? ''}${config.routes.api}/workflow/queue`, {
      credentials: 'include',
    })
      .then((res) => (res.ok ? res.json() : null))
      .then((queue) => setItems(queue?.toReview ?? []))
  }, [config.serverURL, config.routes.api])
  return (
    <div data-phone-review-list style={{ maxWidth: '40rem', ...READABLE }}>
      <h1 style={{ fontSize: '1.4rem', margin: '0.5rem 0 1rem' }}>待我审核</h1>
      {items === null ? (
        <p>正在读取…</p>
      ) : items.length === 0 ? (
        <p>没有等待您审核的稿件。</p>
      ) : (
        <ul style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {items.map((entry) => (
            <li key={`${entry.collection}-${entry.id}`} style={{ marginBottom: '0.6rem' }}>
              <a
                href={`${config.routes.admin}/review?item=${entry.collection}/${entry.id}`}
                data-review-item
                style={{
                  ...TAP,
                  display: 'block',
                  padding: '0.7rem 0.9rem',
                  border: '1px solid var(--theme-elevation-150)',
                  borderRadius: 8,
                  textDecoration: 'none',
                }}
              >
                <span style={{ display: 'block', fontWeight: 600 }}>{entry.title}</span>
                <span style={{ fontSize: '0.85rem', color: 'var(--theme-elevation-600)' }}>
                  {COLLECTION_LABELS[entry.collection] ?? entry.collection} ·{' '}
                  {stateText(entry.state, 'zh')}
                  {entry.stage ? ` · ${stageText(entry.stage, 'zh')}` : ''}
                </span>
              </a>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}

function ReadItem({ collection, id }: { collection: string; id: string }) {
  const { config } = useConfig()
  const router = useRouter()
  const api = `${config.serverURL ?? ''}${config.routes.api}/${collection}/${encodeURIComponent(id)}`
  const [title, setTitle] = useState('')
  const [html, setHtml] = useState<string | null>(null)
  const [photo, setPhoto] = useState<Photo | null>(null)
  const [changes, setChanges] = useState<Change[] | null>(null)
  const [findings, setFindings] = useState<Finding[] | null>(null)
  const [status, setStatus] = useState<Status | null>(null)
  const [missing, setMissing] = useState(false)
  const [comment, setComment] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [done, setDone] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const get = useCallback(
    (path: string) =>
      fetch(`${api}${path}`, { credentials: 'include' }).then((res) =>
        res.ok ? res.json() : null,
      ),
    [api],
  )

  useEffect(() => {
    void get('/workflow').then((s) => (s ? setStatus(s) : setMissing(true)))
    if (collection === 'articles') {
      void get('/preview?format=json').then((body) => {
        setTitle(body?.title ?? '')
        setHtml(body?.html ?? null)
      })
      void get('/checks').then((checks) => checks && setFindings(findingsOf(checks)))
    } else if (collection === 'photos') {
      void get('?draft=true&depth=0').then((doc) => {
        if (!doc) return
        setTitle(doc.caption ?? doc.filename ?? '')
        setPhoto({
          url: doc.sizes?.card?.url ?? doc.url,
          caption: doc.caption,
          credit: doc.credit,
          place: doc.place,
          alt: doc.alt,
        })
      })
    } else {
      void get('/review-record').then((record) => {
        setTitle(record?.title ?? '')
        setChanges(record?.redline ?? [])
      })
    }
  }, [collection, get])

  const act = async (action: 'approve' | 'reject' | 'publish') => {
    if (action === 'reject' && !comment.trim()) {
      setError('请填写退回意见')
      return
    }
    setBusy(true)
    setError(null)
    const body: Record<string, string> = { action }
    if (status?.versionId) body.versionId = status.versionId
    if (comment.trim()) body.comment = comment.trim()
    const res = await fetch(`${api}/workflow`, {
      method: 'POST',
      credentials: 'include',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    })
    setBusy(false)
    const answer = await res.json().catch(() => null)
    if (!res.ok) {
      setError(answer?.errors?.[0]?.message ?? `操作失败(${res.status})`)
      return
    }
    // The engine answers with the new state and stage: { id, collection, state, stage }.
    const label = { approve: '已通过', reject: '已退回', publish: '已发布' }[action]
    const stage =
      answer?.state === 'in_review' && answer?.stage
        ? `,进入${stageText(answer.stage, 'zh')}`
        : answer?.state === 'approved'
          ? ',待发布'
          : ''
    setDone(`${label}${stage}`)
    setStatus(await get('/workflow'))
  }

  if (missing) return <p>找不到这篇稿件,或您无权查看。</p>
  const can = (action: string) => status?.actions.includes(action)
  return (
    <div data-phone-review-item style={{ maxWidth: '40rem', ...READABLE }}>
      <p style={{ margin: '0.5rem 0' }}>
        <a href={`${config.routes.admin}/review`} style={{ ...TAP, display: 'inline-block' }}>
          ‹ 返回待我审核
        </a>
      </p>
      {status && (
        <p style={{ display: 'flex', gap: '0.5rem', flexWrap: 'wrap', alignItems: 'center' }}>
          <StateBadge state={status.state} language="zh" />
          {status.stage && (
            <span data-workflow-stage={status.stage}>{stageText(status.stage, 'zh')}</span>
          )}
          <span>{COLLECTION_LABELS[collection] ?? collection}</span>
        </p>
      )}
      {collection !== 'articles' && (
        <h1 style={{ fontSize: '1.3rem', lineHeight: 1.5 }}>{title}</h1>
      )}
      {html !== null && (
        <div
          data-review-text
          className="phone-review-text"
          // The same escaped HTML downstream sites get (src/content/bodyHtml.ts), with staff photos.
          dangerouslySetInnerHTML={{ __html: html }}
        />
      )}
      {photo && (
        <figure data-review-photo style={{ margin: '1rem 0' }}>
          {photo.url && (
            // eslint-disable-next-line @next/next/no-img-element -- a staff photo, not a page asset
            <img
              src={photo.url}
              alt={photo.alt ?? ''}
              style={{ maxWidth: '100%', height: 'auto' }}
            />
          )}
          <figcaption>{photo.caption}</figcaption>
          <p style={{ fontSize: '0.9rem' }}>
            {[photo.credit && `摄影:${photo.credit}`, photo.place && `地点:${photo.place}`]
              .filter(Boolean)
              .join(' · ')}
          </p>
          <p style={{ fontSize: '0.9rem' }}>
            替代文字:{photo.alt?.trim() ? photo.alt : '(未填写)'}
          </p>
        </figure>
      )}
      {changes && (
        <section>
          <h2 style={{ fontSize: '1.1rem' }}>修改对照</h2>
          {changes.length === 0 ? (
            <p>与上次发布版本相比没有文字改动。</p>
          ) : (
            <dl>
              {changes.map((change, i) => (
                <div key={i}>
                  <dt style={{ fontWeight: 600 }}>{change.place}</dt>
                  <dd style={{ margin: '0 0 0.5rem' }}>
                    {change.parts.map((part, k) =>
                      part.added ? (
                        <ins key={k}>{part.value}</ins>
                      ) : part.removed ? (
                        <del key={k}>{part.value}</del>
                      ) : (
                        <span key={k}>{part.value}</span>
                      ),
                    )}
                  </dd>
                </div>
              ))}
            </dl>
          )}
        </section>
      )}
      {findings && (
        <section data-review-findings>
          <h2 style={{ fontSize: '1.1rem' }}>机器审读</h2>
          {findings.length === 0 ? (
            <p>未发现问题。</p>
          ) : (
            <ul style={{ paddingLeft: '1.2rem' }}>
              {findings.map((finding, i) => (
                <li key={i} style={{ color: finding.severity === 'block' ? '#b91c1c' : undefined }}>
                  {finding.place}:{finding.message}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
      {done && (
        <p role="status" data-review-done style={{ fontWeight: 600 }}>
          {done}。{' '}
          <a href={`${config.routes.admin}/review`} onClick={() => router.refresh()}>
            下一条
          </a>
        </p>
      )}
      {status && !done && ACTIONS.some(({ action }) => can(action)) && (
        <section data-review-actions style={{ margin: '1.5rem 0 2rem' }}>
          <label htmlFor="review-comment" style={{ display: 'block', marginBottom: '0.3rem' }}>
            意见(退回时必填)
          </label>
          <textarea
            id="review-comment"
            data-review-comment
            rows={3}
            value={comment}
            onChange={(event) => setComment(event.target.value)}
            style={{ width: '100%', boxSizing: 'border-box', fontSize: '1rem', padding: '0.5rem' }}
          />
          <div style={{ display: 'flex', gap: '0.75rem', marginTop: '0.75rem' }}>
            {ACTIONS.filter(({ action }) => can(action)).map(({ action, label, style }) => (
              <button
                key={action}
                type="button"
                data-review-action={action}
                disabled={busy}
                onClick={() => void act(action)}
                className={`btn btn--style-${style}`}
                style={{ ...TAP, flex: 1, margin: 0 }}
              >
                {label}
              </button>
            ))}
          </div>
          {error && (
            <p role="alert" data-review-error style={{ color: '#b91c1c' }}>
              {error}
            </p>
          )}
        </section>
      )}
    </div>
  )
}

/** Every finding of GET …/checks as "place:sentence". */
function findingsOf(checks: Record<string, any>): Finding[] {
  const out: Finding[] = []
  const push = (place: string, message: string, severity: 'block' | 'warn') =>
    out.push({ place, message, severity })
  for (const hit of checks.terms?.block ?? [])
    push(hit.place, `禁用词「${hit.term}」${hit.note ? `(${hit.note})` : ''}`, 'block')
  for (const hit of checks.terms?.warn ?? [])
    push(hit.place, `提醒词「${hit.term}」${hit.note ? `(${hit.note})` : ''}`, 'warn')
  for (const hit of checks.personal ?? []) push(hit.place, `含个人信息 ${hit.value}`, 'block')
  for (const f of checks.figures?.contradictions ?? [])
    push(f.place, `数据「${f.text}」与记录不符`, 'block')
  for (const f of checks.figures?.unverified ?? []) push(f.place, `数据「${f.text}」待核实`, 'warn')
  if (checks.missingDataSource) push('数据来源', '有数据但未关联数据来源', 'block')
  for (const key of ['officials', 'typos', 'wording', 'leftovers', 'numbers', 'links'])
    for (const f of checks[key] ?? []) push(f.place, f.message, f.severity)
  for (const f of checks.altText ?? []) push(f.place, f.message, 'warn')
  return out
}
