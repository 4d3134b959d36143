'use client'
/** Dashboard panel: the inspection findings of GET /api/site-health, each a sentence with its link. */
import { useConfig } from '@payloadcms/ui'
import { useEffect, useState } from 'react'

type Finding = { key: string; severity: 'error' | 'warn'; text: string; link: string }

export function SiteHealthPanel() {
  const { config } = useConfig()
  const [findings, setFindings] = useState<Finding[] | null>(null)

  useEffect(() => {
    void fetch(`${config.serverURL ?? ''}${config.routes.api}/site-health`, {
      credentials: 'include',
    })
      .then((res) => (res.ok ? res.json() : null))
      .then((body) => setFindings(body?.findings ?? null))
  }, [config.serverURL, config.routes.api])

  if (!findings) return null
  return (
    <section data-panel="site-health" style={{ marginBottom: '1.5rem' }}>
      <h3>网站健康检查</h3>
      {findings.length === 0 ? (
        <p>各栏目均按期更新,没有发现问题。</p>
      ) : (
        <ul style={{ paddingLeft: '1.2rem', margin: 0 }}>
          {findings.map((finding) => (
            <li key={finding.key} style={{ padding: '0.25rem 0' }}>
              <span
                style={{
                  color: finding.severity === 'error' ? 'var(--theme-error-500)' : undefined,
                }}
              >
                {finding.severity === 'error' ? '问题' : '提醒'}
              </span>
              :{finding.text} <a href={finding.link}>去处理</a>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
