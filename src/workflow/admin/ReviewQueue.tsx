'use client'
import { useConfig, useTranslation } from '@payloadcms/ui'
import { useEffect, useState } from 'react'

import { pick, stageText } from './labels'
import { StateBadge } from './StateCell'

type Item = {
  collection: string
  id: string | number
  title: string
  state: string
  stage: string | null
  comment?: string | null
  href: string
}
type Listed = { collection: string; id: string | number; title: string; href: string; at?: string }
type Cell = { key: string; label: string; count: number; href: string }
type Dashboard = {
  counts: { collection: string; label: string; href: string; cells: Cell[] }[]
  toReview: Item[]
  rejected: Item[]
  drafts: Listed[]
  scheduled: Listed[]
  reports: {
    kind: string
    label: string
    summary: string
    findings: number
    createdAt: string
    href: string
  }[]
}

const UI = {
  toReview: { zh: '待我审核', en: 'Awaiting my review' },
  phone: { zh: '逐条审阅(适合手机)', en: 'Review one by one (phone)' },
  rejected: { zh: '我的被退回稿件', en: 'My rejected items' },
  drafts: { zh: '我的草稿', en: 'My drafts' },
  scheduled: { zh: '24 小时内定时发布', en: 'Scheduled within 24 hours' },
  counts: { zh: '稿件统计', en: 'Items by state' },
  reports: { zh: '夜间巡检', en: 'Nightly checks' },
  empty: { zh: '暂无', en: 'Nothing here' },
}

const when = (at: string | undefined, lang: string) =>
  at
    ? new Date(at).toLocaleString(lang.startsWith('zh') ? 'zh-CN' : 'en-GB', {
        timeZone: 'Asia/Shanghai',
        month: 'numeric',
        day: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
      })
    : ''

const listStyle = { listStyle: 'none', padding: 0, margin: 0 } as const
const rowStyle = {
  padding: '0.35rem 0',
  display: 'flex',
  flexWrap: 'wrap',
  gap: '0.5rem',
  alignItems: 'baseline',
} as const

/**
 * The dashboard: what waits for this user, their own drafts and rejected work, publications due
 * within a day, counts per state and stage (each a link to that filtered list), and the nightly
 * checks' latest reports. One request (GET /api/workflow/dashboard), read with the user's access.
 */
export function ReviewQueue() {
  const { config } = useConfig()
  const { i18n } = useTranslation()
  const lang = i18n.language
  const [data, setData] = useState<Dashboard | null>(null)

  useEffect(() => {
    void fetch(`${config.serverURL ?? ''}${config.routes.api}/workflow/dashboard`, {
      credentials: 'include',
    })
      .then((res) => (res.ok ? res.json() : null))
      .then(setData)
  }, [config.serverURL, config.routes.api])

  if (!data) return null
  const queue = (items: Item[], testId: string) => (
    <ul data-queue={testId} style={listStyle}>
      {items.length === 0 && <li>{pick(UI.empty, lang)}</li>}
      {items.map((item) => (
        <li key={`${item.collection}-${item.id}`} style={rowStyle}>
          <StateBadge state={item.state} language={lang} />
          {item.stage && <span>{stageText(item.stage, lang)}</span>}
          <a href={item.href}>{item.title}</a>
          {item.comment && <span style={{ color: '#b91c1c' }}>— {item.comment}</span>}
        </li>
      ))}
    </ul>
  )
  const listed = (items: Listed[], testId: string, withTime = false) => (
    <ul data-list={testId} style={listStyle}>
      {items.length === 0 && <li>{pick(UI.empty, lang)}</li>}
      {items.map((item) => (
        <li key={`${item.collection}-${item.id}`} style={rowStyle}>
          {withTime && <span>{when(item.at, lang)}</span>}
          <a href={item.href}>{item.title}</a>
        </li>
      ))}
    </ul>
  )
  return (
    <div data-dashboard style={{ marginBottom: '2rem' }}>
      <div
        style={{
          display: 'grid',
          gridTemplateColumns: 'repeat(auto-fit, minmax(min(20rem, 100%), 1fr))',
          gap: '1.5rem',
          marginBottom: '1.5rem',
        }}
      >
        <section>
          <h3>{pick(UI.toReview, lang)}</h3>
          {queue(data.toReview, 'to-review')}
          {data.toReview.length > 0 && (
            <p style={{ margin: '0.5rem 0 0' }}>
              <a href={`${config.routes.admin}/review`} data-phone-review>
                {pick(UI.phone, lang)}
              </a>
            </p>
          )}
        </section>
        <section>
          <h3>{pick(UI.rejected, lang)}</h3>
          {queue(data.rejected, 'rejected')}
        </section>
        <section>
          <h3>{pick(UI.drafts, lang)}</h3>
          {listed(data.drafts, 'drafts')}
        </section>
        <section>
          <h3>{pick(UI.scheduled, lang)}</h3>
          {listed(data.scheduled, 'scheduled', true)}
        </section>
      </div>
      <section data-counts style={{ marginBottom: '1.5rem' }}>
        <h3>{pick(UI.counts, lang)}</h3>
        {data.counts.map((row) => (
          <div key={row.collection} data-count-row={row.collection} style={rowStyle}>
            <a href={row.href} style={{ fontWeight: 600, minWidth: '4.5rem' }}>
              {row.label}
            </a>
            {row.cells.map((cell) => (
              <a
                key={cell.key}
                href={cell.href}
                data-count={cell.key}
                style={{
                  display: 'inline-block',
                  padding: '0.15rem 0.6rem',
                  border: '1px solid var(--theme-elevation-150)',
                  borderRadius: 999,
                  textDecoration: 'none',
                  whiteSpace: 'nowrap',
                }}
              >
                {cell.label} <strong>{cell.count}</strong>
              </a>
            ))}
          </div>
        ))}
      </section>
      {data.reports.length > 0 && (
        <section data-reports>
          <h3>{pick(UI.reports, lang)}</h3>
          <ul style={listStyle}>
            {data.reports.map((report) => (
              <li key={report.kind} style={rowStyle}>
                <span>{when(report.createdAt, lang)}</span>
                <a href={report.href}>{report.summary}</a>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  )
}
