import type { AdminViewServerProps } from 'payload'

import { DefaultTemplate } from '@payloadcms/next/templates'
import { Gutter } from '@payloadcms/ui'

import { PhoneReview } from './PhoneReview'

/**
 * /admin/review (待我审核): sign-off laid out for a phone. The list of what waits for this user,
 * a read view of each item (text, photos with captions, the checks' findings) and 通过 / 退回
 * with a comment, each one tap after reading.
 */
export function ReviewView({ initPageResult, params, searchParams }: AdminViewServerProps) {
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
        <PhoneReview item={typeof searchParams?.item === 'string' ? searchParams.item : ''} />
      </Gutter>
    </DefaultTemplate>
  )
}
