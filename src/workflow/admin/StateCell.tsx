'use client'
import { useTranslation } from '@payloadcms/ui'

import type { State } from '../table'
import { STATE_COLOURS, stateText } from './labels'

/** The state as a coloured badge in list views. */
export function StateBadge({
  state,
  language,
}: {
  state: string | null | undefined
  language: string
}) {
  const colour = STATE_COLOURS[(state ?? 'draft') as State] ?? '#6b7280'
  return (
    <span
      data-workflow-state={state ?? 'draft'}
      style={{
        display: 'inline-block',
        padding: '0.1rem 0.55rem',
        borderRadius: '999px',
        fontSize: '0.8rem',
        color: '#fff',
        background: colour,
        whiteSpace: 'nowrap',
      }}
    >
      {stateText(state, language)}
    </span>
  )
}

export function StateCell({ cellData }: { cellData?: string | null }) {
  const { i18n } = useTranslation()
  return <StateBadge state={cellData} language={i18n.language} />
}
