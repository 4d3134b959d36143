import type { AdminViewServerProps } from 'payload'

import { DefaultTemplate } from '@payloadcms/next/templates'
import { Gutter } from '@payloadcms/ui'

import { SearchPanel } from './SearchPanel'

/** /admin/search: full-text search over every collection and revision, for staff. */
export function SearchView({ initPageResult, params, searchParams }: AdminViewServerProps) {
  return (
    <DefaultTemplate
      i18n={initPageResult.req.i18n}
      locale={initPageResult.locale}
      params={params}
      payload={initPageResult.req.payload}
      permissions={initPageResult.permissions}
      searchParams={searchParams}
      user={initPageResult.req.user || undefined}
      visibleEntities={initPageResult.visibleEntities}
    >
      <Gutter>
        <SearchPanel initial={typeof searchParams?.q === 'string' ? searchParams.q : ''} />
      </Gutter>
    </DefaultTemplate>
  )
}
