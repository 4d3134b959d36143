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
}

const UI = {
  toReview: { zh: '待我审核', en: 'Awaiting my review' },
  rejected: { zh: '我的被退回稿件', en: 'My rejected items' },
  empty: { zh: '暂无', en: 'Nothing here' },
}

/** Dashboard panels: what this user may approve or publish now, and their own rejected work. */
export function ReviewQueue() {
  const { config } = useConfig()
  const { i18n } = useTranslation()
  const lang = i18n.language
  const [queue, setQueue] = useState<{ toReview: Item[]; rejected: Item[] } | null>(null)

  useEffect(() => {
    void fetch(`${config.serverURL ?? ''}${config.routes.api}/workflow/queue`, {
      credentials: 'include',
    })
      .then((res) => (res.ok ? res.json() : null))
      .then(setQueue)
  }, [config.serverURL, config.routes.api])

  const list = (items: Item[], testId: string) => (
    <ul data-queue={testId} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {items.length === 0 && <li>{pick(UI.empty, lang)}</li>}
      {items.map((item) => (
        <li
          key={`${item.collection}-${item.id}`}
          style={{ padding: '0.35rem 0', display: 'flex', gap: '0.5rem' }}
        >
          <StateBadge state={item.state} language={lang} />
          {item.stage && <span>{stageText(item.stage, lang)}</span>}
          <a href={`${config.routes.admin}/collections/${item.collection}/${item.id}`}>
            {item.title}
          </a>
          {item.comment && <span style={{ color: '#b91c1c' }}>— {item.comment}</span>}
        </li>
      ))}
    </ul>
  )

  if (!queue) return null
  return (
    <div
      style={{
        display: 'grid',
        gridTemplateColumns: 'repeat(auto-fit, minmax(20rem, 1fr))',
        gap: '1.5rem',
        marginBottom: '2rem',
      }}
    >
      <section>
        <h3>{pick(UI.toReview, lang)}</h3>
        {list(queue.toReview, 'to-review')}
      </section>
      <section>
        <h3>{pick(UI.rejected, lang)}</h3>
        {list(queue.rejected, 'rejected')}
      </section>
    </div>
  )
}
