'use client'
import { useField, useTranslation } from '@payloadcms/ui'

/**
 * Read-only JSON shown as text. Payload's JSON field loads the Monaco editor from a public CDN,
 * which an office intranet cannot reach (and should not call): this shows the same data locally.
 */
export function JsonView({ path, field }: { path: string; field?: { label?: unknown } }) {
  const { value } = useField<unknown>({ path })
  const { i18n } = useTranslation()
  const label = field?.label as { zh?: string; en?: string } | string | undefined
  const text =
    typeof label === 'string' ? label : i18n.language.startsWith('zh') ? label?.zh : label?.en
  if (value === undefined || value === null || (Array.isArray(value) && value.length === 0))
    return null
  return (
    <div className="field-type json-view" style={{ marginBottom: '1rem' }}>
      {text && <label className="field-label">{text}</label>}
      <pre style={{ whiteSpace: 'pre-wrap', fontSize: '0.8rem', margin: 0 }}>
        {JSON.stringify(value, null, 2)}
      </pre>
    </div>
  )
}
