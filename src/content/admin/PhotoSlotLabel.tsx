'use client'
import { useConfig, useFormFields } from '@payloadcms/ui'
import { useEffect, useState } from 'react'

type Thumb = { url: string; caption: string } | null

/**
 * A photo slot's header in the body editor: its thumbnail and caption, so an editor scanning a
 * long article sees which picture sits where. (Payload's default header is the block's name
 * field, which reads 无标题 for every slot.)
 */
export function PhotoSlotLabel() {
  const caption = useFormFields(([fields]) => fields.caption?.value as string | undefined)
  const photo = useFormFields(([fields]) => fields.photo?.value as unknown)
  const photoId =
    photo && typeof photo === 'object' ? (photo as { id?: unknown }).id : (photo as unknown)
  const { config } = useConfig()
  // The thumbnail of the photo it was loaded for: another photo chosen shows none until it loads.
  const [loaded, setLoaded] = useState<{ id: unknown; thumb: Thumb }>({ id: null, thumb: null })
  const thumb = loaded.id === photoId ? loaded.thumb : null

  useEffect(() => {
    if (photoId == null || photoId === '') return
    let live = true
    const api = `${config.serverURL ?? ''}${config.routes.api}`
    void fetch(`${api}/photos/${encodeURIComponent(String(photoId))}?depth=0&draft=true`, {
      credentials: 'include',
    })
      .then((res) => (res.ok ? res.json() : null))
      .then((doc) => {
        if (!live || !doc) return
        const url = doc.thumbnailURL ?? doc.sizes?.thumbnail?.url ?? doc.url
        setLoaded({ id: photoId, thumb: url ? { url, caption: doc.caption ?? '' } : null })
      })
    return () => {
      live = false
    }
  }, [photoId, config.serverURL, config.routes.api])

  const text = caption?.trim() || thumb?.caption || ''
  return (
    <div
      data-photo-slot-label
      style={{ display: 'flex', alignItems: 'center', gap: '0.6rem', minWidth: 0 }}
    >
      {thumb ? (
        // eslint-disable-next-line @next/next/no-img-element -- a staff thumbnail, not a page asset
        <img
          src={thumb.url}
          alt=""
          width={64}
          height={48}
          style={{ objectFit: 'cover', borderRadius: 3, flex: 'none' }}
        />
      ) : (
        <span
          style={{
            width: 64,
            height: 48,
            flex: 'none',
            display: 'inline-flex',
            alignItems: 'center',
            justifyContent: 'center',
            fontSize: '0.7rem',
            border: '1px dashed var(--theme-elevation-400)',
            borderRadius: 3,
          }}
        >
          待配图
        </span>
      )}
      <span style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
        <strong style={{ fontWeight: 600 }}>图片位</strong>
        {text ? `:${text}` : ':(尚无图片说明)'}
      </span>
    </div>
  )
}
