'use client'
import { useConfig } from '@payloadcms/ui'

/** 待我审核 in the admin's navigation: the sign-off list, laid out for a phone. */
export function ReviewLink() {
  const { config } = useConfig()
  return (
    <a href={`${config.routes.admin}/review`} style={{ display: 'block', margin: '0.5rem 0' }}>
      待我审核
    </a>
  )
}
