'use client'
import { useConfig, useField, useTranslation } from '@payloadcms/ui'

import { stateText } from '../workflow/admin/labels'

type Warning = { id: string | number; caption: string; state: string | null }

/**
 * 图片提醒 as a sentence: "1 张图片尚未发布:兰州新区临港花海(草稿)", each photo linked to its
 * edit page, so the editor sees why a slot shows readers only its caption and where to fix it.
 */
export function PhotoWarnings({ path }: { path: string }) {
  const { value } = useField<Warning[] | null>({ path })
  const { config } = useConfig()
  const { i18n } = useTranslation()
  const zh = i18n.language.startsWith('zh')
  if (!Array.isArray(value) || value.length === 0) return null
  return (
    <div className="field-type" data-photo-warnings style={{ marginBottom: '1rem' }}>
      <label className="field-label">{zh ? '图片提醒' : 'Photo warnings'}</label>
      <p style={{ margin: 0 }}>
        {zh
          ? `${value.length} 张图片尚未发布:`
          : `${value.length} photo${value.length > 1 ? 's' : ''} not published: `}
        {value.map((photo, i) => (
          <span key={photo.id}>
            {i > 0 && (zh ? '、' : ', ')}
            <a href={`${config.routes.admin}/collections/photos/${photo.id}`}>{photo.caption}</a>
            {zh ? `(${stateText(photo.state, 'zh')})` : ` (${stateText(photo.state, 'en')})`}
          </span>
        ))}
      </p>
      <p className="field-description" style={{ margin: '0.25rem 0 0' }}>
        {zh
          ? '读者看不到这些图片,文章中只显示图片说明;文章发布时,已通过审核的图片随文章一起发布。'
          : 'Readers do not see these photos; their slots show only the caption. Approved photos go live with the article.'}
      </p>
    </div>
  )
}
