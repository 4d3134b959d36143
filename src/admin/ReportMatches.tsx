'use client'
import { useConfig, useField, useFormFields } from '@payloadcms/ui'

type Rescan = { id: string | number; title: string; terms: { term: string; place: string }[] }
type Links = { id: string | number; title: string; links: string[] }
type Health = { key: string; severity: 'error' | 'warn'; text: string; link: string }
type Match = Partial<Rescan & Links & Health>

/**
 * A quality report's findings as sentences with links (复查报告): which article, what was found
 * where, and where to fix it. Never the stored JSON.
 */
export function ReportMatches({ path }: { path: string }) {
  const { value } = useField<Match[] | null>({ path })
  const kind = useFormFields(([fields]) => fields.kind?.value as string | undefined)
  const { config } = useConfig()
  if (!Array.isArray(value)) return null
  const article = (match: Match) => (
    <a href={`${config.routes.admin}/collections/articles/${match.id}`}>「{match.title}」</a>
  )
  return (
    <div className="field-type" data-report-matches style={{ marginBottom: '1rem' }}>
      <label className="field-label">
        {kind === 'site-health' ? '发现的问题' : '命中的文章'}({value.length})
      </label>
      {value.length === 0 ? (
        <p>没有发现问题。</p>
      ) : (
        <ul style={{ paddingLeft: '1.2rem', margin: 0 }}>
          {value.map((match, i) => (
            <li key={match.key ?? `${match.id}-${i}`} style={{ padding: '0.2rem 0' }}>
              {match.text ? (
                <>
                  {match.severity === 'error' ? '问题' : '提醒'}:{match.text}
                  {match.link && (
                    <>
                      {' '}
                      <a href={match.link}>去处理</a>
                    </>
                  )}
                </>
              ) : match.links ? (
                <>
                  {article(match)}有 {match.links.length} 个问题链接:{match.links.join(';')}
                </>
              ) : (
                <>
                  {article(match)}命中 {match.terms?.length ?? 0} 处:
                  {(match.terms ?? []).map((hit) => `「${hit.term}」(${hit.place})`).join('、')}
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
