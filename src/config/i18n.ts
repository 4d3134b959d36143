import type { Config } from 'payload'

import { en } from '@payloadcms/translations/languages/en'
import { zh } from '@payloadcms/translations/languages/zh'

/** A label in both admin languages; Chinese is what the office works in. */
export type Bilingual = { zh: string; en: string }

export const label = (zhText: string, enText: string): Bilingual => ({ zh: zhText, en: enText })

export const i18n: Config['i18n'] = {
  fallbackLanguage: 'zh',
  supportedLanguages: { zh, en },
  // Payload calls every unpublished version a 草稿 (draft). Here 草稿 is one workflow state among
  // five: an approved article, or a live one whose next revision is in review, must not read 草稿.
  // Payload's words for its versions become 修订 (revision); the workflow's states keep theirs.
  translations: {
    zh: {
      version: {
        draft: '修订',
        currentDraft: '当前修订',
        previouslyDraft: '以前的修订',
        draftHasPublishedVersion: '修订(有已发布版本)',
        draftSavedSuccessfully: '已保存。',
        restoreAsDraft: '恢复为修订',
        saveDraft: '保存',
      },
    },
  },
}

/**
 * Payload picks the admin language from the `payload-lng` cookie, then Accept-Language, then the
 * fallback. Browsers in this office often send en-US, so without a cookie we answer in Chinese;
 * choosing English in the account page sets the cookie and wins.
 */
export function preferChinese(headers: Record<string, string | string[] | undefined>): void {
  const cookie = String(headers.cookie ?? '')
  if (!/(?:^|;\s*)payload-lng=/.test(cookie)) headers['accept-language'] = 'zh-CN,zh;q=0.9'
}
