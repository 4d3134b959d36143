'use client'
import { useConfig, useDocumentInfo, useTranslation } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import { useCallback, useEffect, useState } from 'react'

import { ACTION_LABELS, RULES, type Action } from '../table'
import { pick, stageText } from './labels'
import { StateBadge } from './StateCell'

type Status = {
  state: string
  stage: string | null
  publishAt: string | null
  withdrawAt: string | null
  actions: Action[]
  versionId: string | null
  lastEvent: { action: string; comment: string | null; at: string } | null
}

const UI = {
  comment: { zh: '意见', en: 'Comment' },
  commentRequired: { zh: '请填写意见', en: 'A comment is required' },
  schedule: { zh: '定时(可选)', en: 'Schedule (optional)' },
  confirm: { zh: '确认', en: 'Confirm' },
  cancel: { zh: '取消', en: 'Cancel' },
  record: { zh: '审签单', en: 'Review record' },
  preview: { zh: '预览', en: 'Preview' },
  compare: { zh: '与线上版本对比', en: 'Compare with live' },
  scheduled: { zh: '定时', en: 'Scheduled' },
  rejected: { zh: '退回意见', en: 'Rejected with' },
  saveFirst: { zh: '保存后可送审', en: 'Save first to submit' },
  override: {
    zh: '数据与记录不符时仍然通过(须填写意见)',
    en: 'Approve although figures contradict the records (comment required)',
  },
}

/** Publishing is a workflow action: Payload's own publish button is replaced by nothing. */
export function NoPublishButton() {
  return null
}

/**
 * Payload's own 状态 (草稿 / 已发布 / 已更改) is replaced by nothing: it reads `_status`, which says
 * 草稿 for an approved article and for a live one with a revision in review. The one status shown
 * is the workflow's, with its stage, in the bar beside it.
 */
export function NoPayloadStatus() {
  return null
}

/**
 * The workflow bar above the edit form: the state and stage, the actions this user may take now
 * (from the table, via GET …/workflow), a comment box where an action needs one, and the errors in
 * the user's language next to the buttons. The new state shows without reloading the page.
 */
export function WorkflowActions() {
  const { id, collectionSlug } = useDocumentInfo()
  const { config } = useConfig()
  const { i18n } = useTranslation()
  const router = useRouter()
  const lang = i18n.language
  const api = `${config.serverURL ?? ''}${config.routes.api}/${collectionSlug}/${id}`
  const [status, setStatus] = useState<Status | null>(null)
  const [pending, setPending] = useState<Action | null>(null)
  const [comment, setComment] = useState('')
  const [when, setWhen] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  // Set when final approval was refused over figures: the reviewer may override with a comment.
  const [overridable, setOverridable] = useState(false)
  const [override, setOverride] = useState(false)

  const fetchStatus = useCallback(async (): Promise<Status | null> => {
    if (!id) return null
    const res = await fetch(`${api}/workflow`, { credentials: 'include' })
    return res.ok ? res.json() : null
  }, [api, id])

  useEffect(() => {
    void fetchStatus().then(setStatus)
  }, [fetchStatus])

  if (!id) return <div className="workflow-bar">{pick(UI.saveFirst, lang)}</div>
  if (!status) return null

  const run = async (action: Action) => {
    const rule = RULES[action]
    if (override && !comment.trim()) {
      setError(pick(UI.commentRequired, lang))
      return
    }
    if (rule.comment === 'required' || rule.schedule) {
      if (pending !== action) {
        setPending(action)
        setError(null)
        return
      }
      if (rule.comment === 'required' && !comment.trim()) {
        setError(pick(UI.commentRequired, lang))
        return
      }
    }
    setBusy(true)
    setError(null)
    const body: Record<string, string> = { action }
    // Bound to what the person read: if someone changed it since, the engine answers 409.
    if (status?.versionId && ['approve', 'reject', 'publish'].includes(action))
      body.versionId = status.versionId
    if (comment.trim()) body.comment = comment.trim()
    if (when && rule.schedule) body[rule.schedule] = new Date(when).toISOString()
    if (override) body.override = 'true'
    const res = await fetch(`${api}/workflow`, {
      method: 'POST',
      credentials: 'include',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    })
    setBusy(false)
    if (!res.ok) {
      const payload = await res.json().catch(() => null)
      setError(payload?.errors?.[0]?.message ?? `HTTP ${res.status}`)
      // The code, never the wording: only figures that contradict the records may be overridden.
      if (action === 'approve' && payload?.errors?.[0]?.code === 'figures-contradict') {
        setOverridable(true)
        setPending('approve')
      }
      return
    }
    setOverridable(false)
    setOverride(false)
    setPending(null)
    setComment('')
    setWhen('')
    setStatus(await fetchStatus())
    router.refresh()
  }

  const rule = pending ? RULES[pending] : null
  return (
    <div
      className="workflow-bar"
      data-workflow-bar
      style={{
        display: 'flex',
        flexWrap: 'wrap',
        gap: '0.5rem',
        alignItems: 'center',
        marginRight: '1rem',
      }}
    >
      <StateBadge state={status.state} language={lang} />
      {status.stage && (
        <span data-workflow-stage={status.stage}>{stageText(status.stage, lang)}</span>
      )}
      {status.publishAt && (
        <span>
          {pick(UI.scheduled, lang)} {new Date(status.publishAt).toLocaleString(lang)}
        </span>
      )}
      {status.state === 'draft' &&
        status.lastEvent?.action === 'reject' &&
        status.lastEvent.comment && (
          <span data-reject-comment style={{ color: '#b91c1c' }}>
            {pick(UI.rejected, lang)}:{status.lastEvent.comment}
          </span>
        )}
      {status.actions.map((action) => (
        <button
          key={action}
          type="button"
          className="btn btn--style-secondary btn--size-small"
          data-workflow-action={action}
          disabled={busy}
          onClick={() => void run(action)}
        >
          {pick(ACTION_LABELS[action], lang)}
        </button>
      ))}
      {pending && rule && (
        <div
          data-workflow-form
          style={{ display: 'flex', gap: '0.5rem', alignItems: 'center', flexWrap: 'wrap' }}
        >
          {overridable && pending === 'approve' && (
            <label data-workflow-override>
              <input
                type="checkbox"
                checked={override}
                onChange={(event) => setOverride(event.target.checked)}
              />{' '}
              {pick(UI.override, lang)}
            </label>
          )}
          {(rule.comment === 'required' || (overridable && pending === 'approve')) && (
            <textarea
              aria-label={pick(UI.comment, lang)}
              placeholder={pick(UI.comment, lang)}
              data-workflow-comment
              value={comment}
              rows={2}
              onChange={(event) => setComment(event.target.value)}
            />
          )}
          {rule.schedule && (
            <label>
              {pick(UI.schedule, lang)}{' '}
              <input
                type="datetime-local"
                data-workflow-when
                value={when}
                onChange={(event) => setWhen(event.target.value)}
              />
            </label>
          )}
          <button
            type="button"
            className="btn btn--style-primary btn--size-small"
            data-workflow-confirm
            disabled={busy}
            onClick={() => void run(pending)}
          >
            {pick(UI.confirm, lang)}:{pick(ACTION_LABELS[pending], lang)}
          </button>
          <button
            type="button"
            className="btn btn--style-secondary btn--size-small"
            onClick={() => setPending(null)}
          >
            {pick(UI.cancel, lang)}
          </button>
        </div>
      )}
      {error && (
        <span role="alert" data-workflow-error style={{ color: '#b91c1c' }}>
          {error}
        </span>
      )}
      {collectionSlug === 'articles' && (
        <>
          <a href={`${api}/preview`} target="_blank" rel="noopener" data-preview>
            {pick(UI.preview, lang)}
          </a>
          <a href={`${api}/preview?compare=live`} target="_blank" rel="noopener" data-compare>
            {pick(UI.compare, lang)}
          </a>
        </>
      )}
      <a
        href={`${api}/review-record?format=html`}
        target="_blank"
        rel="noreferrer"
        data-review-record
      >
        {pick(UI.record, lang)}
      </a>
      {status && status.state !== 'draft' && (
        <Redline api={api} version={status.versionId} lang={lang} />
      )}
    </div>
  )
}

type RedlineChange = { place: string; parts: { value: string; added?: true; removed?: true }[] }

/**
 * 修改对照 beside the buttons: what this revision changed against the published version, as the
 * printed 审签单 shows it, so a reviewer reads the changes before signing.
 */
function Redline({ api, version, lang }: { api: string; version: string | null; lang: string }) {
  const [changes, setChanges] = useState<RedlineChange[] | null>(null)
  useEffect(() => {
    let live = true
    void fetch(`${api}/review-record`, { credentials: 'include' })
      .then((res) => (res.ok ? res.json() : null))
      .then((record) => live && setChanges(record?.redline ?? null))
    return () => {
      live = false
    }
  }, [api, version])
  if (!changes) return null
  return (
    <details data-redline style={{ flexBasis: '100%' }}>
      <summary>
        {lang === 'zh' ? `修改对照(${changes.length} 处)` : `Changes (${changes.length})`}
      </summary>
      {changes.length === 0 ? (
        <p>
          {lang === 'zh'
            ? '与上次发布版本相比无文字改动'
            : 'No text changes since the published version'}
        </p>
      ) : (
        <dl>
          {changes.map((change, i) => (
            <div key={i}>
              <dt style={{ fontWeight: 'bold' }}>{change.place}</dt>
              <dd style={{ margin: '0 0 .4rem 1rem' }}>
                {change.parts.map((part, k) =>
                  part.added ? (
                    <ins key={k} style={{ color: '#0a5c0a', background: '#e4f5e4' }}>
                      {part.value}
                    </ins>
                  ) : part.removed ? (
                    <del key={k} style={{ color: '#a40000', background: '#fbe5e5' }}>
                      {part.value}
                    </del>
                  ) : (
                    <span key={k}>{part.value}</span>
                  ),
                )}
              </dd>
            </div>
          ))}
        </dl>
      )}
    </details>
  )
}
