'use client'
import { useConfig } from '@payloadcms/ui'
import { useSearchParams } from 'next/navigation'

/** 导出 CSV above the audit log list: the rows the list's current filter shows. */
export function AuditExport() {
  const { config } = useConfig()
  const params = useSearchParams()
  const where = new URLSearchParams()
  params.forEach((value, key) => {
    if (key.startsWith('where')) where.append(key, value)
  })
  const query = where.toString()
  return (
    <p style={{ margin: '0 0 1rem' }}>
      <a
        href={`${config.serverURL ?? ''}${config.routes.api}/audit-log/export${query ? `?${query}` : ''}`}
        data-audit-export
        className="btn btn--style-secondary btn--size-small"
      >
        导出 CSV(按当前筛选)
      </a>{' '}
      审计日志只能追加,任何人(包括管理员)都不能修改或删除;保留至少 180 天。
    </p>
  )
}
