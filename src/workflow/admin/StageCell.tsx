'use client'
import { useTranslation } from '@payloadcms/ui'

import { stageText } from './labels'

export function StageCell({ cellData }: { cellData?: string | null }) {
  const { i18n } = useTranslation()
  return (
    <span data-review-stage={cellData ?? ''}>
      {cellData ? stageText(cellData, i18n.language) : '—'}
    </span>
  )
}
