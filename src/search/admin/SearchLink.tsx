'use client'
import { useConfig } from '@payloadcms/ui'

/** A link to the search page in the admin's navigation. */
export function SearchLink() {
  const { config } = useConfig()
  return (
    <a href={`${config.routes.admin}/search`} style={{ display: 'block', margin: '0.5rem 0' }}>
      全文搜索
    </a>
  )
}
