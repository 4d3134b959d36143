import type { Config } from 'payload'

import { en } from '@payloadcms/translations/languages/en'
import { zh } from '@payloadcms/translations/languages/zh'

/** A label in both admin languages; Chinese is what the office works in. */
export type Bilingual = { zh: string; en: string }

export const label = (zhText: string, enText: string): Bilingual => ({ zh: zhText, en: enText })

export const i18n: Config['i18n'] = {
  fallbackLanguage: 'zh',
  supportedLanguages: { zh, en },
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
