'use client'
import { useConfig, useDocumentInfo, useTranslation } from '@payloadcms/ui'
import { useCallback, useEffect, useState } from 'react'

type Place = { place: string; field: string; index: number; excerpt?: string }
type Checks = {
  terms: {
    block: (Place & { term: string; note: string | null; offset: number })[]
    warn: (Place & { term: string; note: string | null; offset: number })[]
  }
  personal: (Place & { kind: string; value: string })[]
  figures: {
    all: unknown[]
    contradictions: (Place & {
      text: string
      record?: { name: string; label: string; value: number; unit: string }
    })[]
    unverified: (Place & { text: string; measure: string })[]
  }
  missingDataSource: boolean
  altText?: { photo: string | number; place: string; message: string }[]
} & Record<ProofKey, ProofFinding[]>

type ProofKey = 'officials' | 'typos' | 'wording' | 'leftovers' | 'numbers' | 'links'
type ProofFinding = Place & {
  severity: 'block' | 'warn'
  text: string
  suggestion: string | null
  message: string
  offset: number
  fix?: { from: string; to: string }
}
const PROOF: { key: ProofKey; zh: string; en: string }[] = [
  { key: 'officials', zh: '领导姓名与职务', en: 'Officials' },
  { key: 'typos', zh: '错别字', en: 'Typos' },
  { key: 'wording', zh: '过期提法', en: 'Outdated wording' },
  { key: 'leftovers', zh: '遗留标记', en: 'Leftovers' },
  { key: 'numbers', zh: '数字用法', en: 'Numbers' },
  { key: 'links', zh: '链接', en: 'Links' },
]

const T = {
  title: { zh: '机器审读', en: 'Machine review' },
  block: { zh: '禁用词', en: 'Blocked terms' },
  warn: { zh: '提醒词', en: 'Terms to check' },
  personal: { zh: '个人信息', en: 'Personal data' },
  mask: { zh: '一键遮盖', en: 'Mask all' },
  contradictions: { zh: '与记录不符的数据', en: 'Figures contradicting records' },
  unverified: { zh: '待核实的数据', en: 'Figures to verify' },
  noSource: {
    zh: '有数据但未关联数据来源,不能送审',
    en: 'Figures but no data source: cannot be submitted',
  },
  clean: { zh: '未发现问题', en: 'Nothing found' },
  altText: { zh: '替代文字', en: 'Alt text' },
}

const KIND: Record<string, string> = { 'id-number': '身份证号', mobile: '手机号', email: '邮箱' }

/** Scrolls the editor to the paragraph a finding is in, and flashes it. */
function reveal(item: Place) {
  if (item.field !== 'body') return
  const root = document.querySelector('[data-lexical-editor="true"]')
  const blocks = root
    ? Array.from(root.children).filter(
        (el) => (el.textContent ?? '').trim() && !el.querySelector('[class*="block"]'),
      )
    : []
  const target = blocks[item.index - 1] as HTMLElement | undefined
  if (!target) return
  target.scrollIntoView({ behavior: 'smooth', block: 'center' })
  target.style.transition = 'background 0.3s'
  target.style.background = '#fef08a'
  setTimeout(() => (target.style.background = ''), 1500)
}

/** The review panel beside the article: every finding, each linked to its place in the text. */
export function ReviewPanel() {
  const { id } = useDocumentInfo()
  const { config } = useConfig()
  const { i18n } = useTranslation()
  const zh = i18n.language.startsWith('zh')
  const t = (text: { zh: string; en: string }) => (zh ? text.zh : text.en)
  const api = `${config.serverURL ?? ''}${config.routes.api}/articles/${id}/checks`
  const [checks, setChecks] = useState<Checks | null>(null)
  const [message, setMessage] = useState<string | null>(null)

  const fetchChecks = useCallback(async (): Promise<Checks | null> => {
    if (!id) return null
    const res = await fetch(api, { credentials: 'include' })
    return res.ok ? res.json() : null
  }, [api, id])

  useEffect(() => {
    void fetchChecks().then(setChecks)
  }, [fetchChecks])

  if (!id || !checks) return null
  const mask = async () => {
    const res = await fetch(`${api}/mask`, { method: 'POST', credentials: 'include' })
    const body = await res.json().catch(() => null)
    setMessage(
      res.ok ? `已遮盖 ${body.masked} 处` : (body?.errors?.[0]?.message ?? `HTTP ${res.status}`),
    )
    setChecks(await fetchChecks())
  }
  const item = (key: string, place: Place, text: string) => (
    <li key={key}>
      <button
        type="button"
        onClick={() => reveal(place)}
        style={{ all: 'unset', cursor: 'pointer', textDecoration: 'underline' }}
      >
        {place.place}
      </button>
      :{text}
    </li>
  )
  const fix = async (finding: ProofFinding) => {
    const res = await fetch(`${api}/fix`, {
      method: 'POST',
      credentials: 'include',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        field: finding.field,
        index: finding.index,
        offset: finding.offset,
        from: finding.fix!.from,
        to: finding.fix!.to,
      }),
    })
    const body = await res.json().catch(() => null)
    setMessage(
      res.ok
        ? `已改为「${finding.fix!.to}」,请刷新页面查看`
        : (body?.errors?.[0]?.message ?? `HTTP ${res.status}`),
    )
    setChecks(await fetchChecks())
  }
  const proofCount = PROOF.reduce((sum, { key }) => sum + (checks[key]?.length ?? 0), 0)
  const empty =
    !proofCount &&
    !checks.terms.block.length &&
    !checks.terms.warn.length &&
    !checks.personal.length &&
    !checks.figures.contradictions.length &&
    !checks.figures.unverified.length &&
    !checks.missingDataSource &&
    !checks.altText?.length
  return (
    <div data-review-panel style={{ marginBottom: '1.5rem', fontSize: '0.85rem' }}>
      <h4 style={{ margin: '0 0 0.5rem' }}>{t(T.title)}</h4>
      {empty && <p>{t(T.clean)}</p>}
      {checks.missingDataSource && <p style={{ color: '#b91c1c' }}>{t(T.noSource)}</p>}
      {checks.terms.block.length > 0 && (
        <section data-findings="block">
          <strong style={{ color: '#b91c1c' }}>{t(T.block)}</strong>
          <ul>
            {checks.terms.block.map((h, i) =>
              item(`b${i}`, h, `「${h.term}」${h.note ? `(${h.note})` : ''}`),
            )}
          </ul>
        </section>
      )}
      {checks.terms.warn.length > 0 && (
        <section data-findings="warn">
          <strong>{t(T.warn)}</strong>
          <ul>
            {checks.terms.warn.map((h, i) =>
              item(`w${i}`, h, `「${h.term}」${h.note ? `(${h.note})` : ''}`),
            )}
          </ul>
        </section>
      )}
      {checks.personal.length > 0 && (
        <section data-findings="personal">
          <strong style={{ color: '#b91c1c' }}>{t(T.personal)}</strong>{' '}
          <button
            type="button"
            className="btn btn--style-secondary btn--size-small"
            data-mask-personal
            onClick={() => void mask()}
          >
            {t(T.mask)}
          </button>
          <ul>
            {checks.personal.map((h, i) =>
              item(`p${i}`, h, `${KIND[h.kind] ?? h.kind} ${h.value}`),
            )}
          </ul>
        </section>
      )}
      {checks.figures.contradictions.length > 0 && (
        <section data-findings="contradictions">
          <strong style={{ color: '#b91c1c' }}>{t(T.contradictions)}</strong>
          <ul>
            {checks.figures.contradictions.map((f, i) =>
              item(
                `c${i}`,
                f,
                `「${f.text}」≠ ${f.record?.name ?? ''}${f.record?.label ?? ''} ${f.record?.value ?? ''}${f.record?.unit ?? ''}`,
              ),
            )}
          </ul>
        </section>
      )}
      {checks.figures.unverified.length > 0 && (
        <section data-findings="unverified">
          <strong>{t(T.unverified)}</strong>
          <ul>
            {checks.figures.unverified.map((f, i) =>
              item(`u${i}`, f, `「${f.text}」${f.measure ? `(${f.measure})` : ''}`),
            )}
          </ul>
        </section>
      )}
      {PROOF.map(({ key, ...name }) =>
        checks[key]?.length ? (
          <section key={key} data-findings={key}>
            <strong>{t(name)}</strong>
            <ul>
              {checks[key].map((finding, i) => (
                <li key={`${key}${i}`}>
                  <button
                    type="button"
                    onClick={() => reveal(finding)}
                    style={{ all: 'unset', cursor: 'pointer', textDecoration: 'underline' }}
                  >
                    {finding.place}
                  </button>
                  :
                  <span style={{ color: finding.severity === 'block' ? '#b91c1c' : undefined }}>
                    {finding.message}
                  </span>{' '}
                  {finding.fix && (
                    <button
                      type="button"
                      className="btn btn--style-secondary btn--size-small"
                      data-proof-fix
                      onClick={() => void fix(finding)}
                    >
                      改为「{finding.fix.to}」
                    </button>
                  )}
                </li>
              ))}
            </ul>
          </section>
        ) : null,
      )}
      {checks.altText && checks.altText.length > 0 && (
        <section data-findings="alt-text">
          <strong>{t(T.altText)}</strong>
          <ul>
            {checks.altText.map((finding) => (
              <li key={String(finding.photo)}>
                <a href={`${config.routes.admin}/collections/photos/${finding.photo}`}>
                  {finding.place}
                </a>
                :{finding.message}
              </li>
            ))}
          </ul>
        </section>
      )}
      {message && <p role="status">{message}</p>}
    </div>
  )
}
