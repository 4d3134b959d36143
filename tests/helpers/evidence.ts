import path from 'node:path'

import type { Page } from 'playwright-core'

/**
 * English a Chinese admin may show: names and abbreviations that are not translated anywhere
 * (product, formats, standards), and Payload's own words that its Chinese translation leaves in
 * English. Anything else in Latin letters fails the screenshot.
 */
export const ENGLISH_ALLOWED = new Set(
  [
    'Newsdesk',
    'Payload',
    'API',
    'REST',
    'GraphQL',
    'JSON',
    'JSON-LD',
    'HTML',
    'URL',
    'ID',
    'IP',
    'CSV',
    'IPTC',
    'EXIF',
    'XMP',
    'GPS',
    'JPEG',
    'JPG',
    'PNG',
    'WebP',
    'TIFF',
    'MB',
    'KB',
    'px',
    'AM',
    'PM',
    'Lexical',
    // Payload's bulk upload toast is hard-coded English ("Successfully saved 2 files"), outside
    // its translations (@payloadcms/ui BulkUpload/FormsManager).
    'Successfully',
    'saved',
    'files',
  ].map((word) => word.toLowerCase()),
)

export type Evidence = { rawJson: string[]; english: string[] }

/**
 * What a person sees on the page that a Chinese admin must not show: a text node that is raw
 * JSON (starts with `[{` or `{"`), and words in Latin letters outside the list above (e-mail
 * addresses, IP addresses, file names, media types and web addresses are data, not interface, and are left out).
 */
export async function readEvidence(page: Page): Promise<Evidence> {
  const texts = await page.evaluate(() => {
    const out: string[] = []
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim()
      const parent = node.parentElement
      if (!text || !parent) continue
      if (parent.closest('script, style, noscript, template, [aria-hidden="true"]')) continue
      const style = getComputedStyle(parent)
      if (style.display === 'none' || style.visibility === 'hidden') continue
      if (!parent.getClientRects().length) continue
      out.push(text)
    }
    return out
  })
  const rawJson = texts.filter((text) => text.startsWith('[{') || text.startsWith('{"'))
  const english = texts.flatMap((text) =>
    (
      text
        .replace(/\S+@\S+\.\S+/g, ' ')
        .replace(/https?:\/\/\S+/g, ' ')
        .replace(/(?:[0-9a-f]{0,4}:){2,}[0-9a-f.:]*/gi, ' ')
        .replace(/\b(image|application|text|video|audio)\/[\w.+-]+/g, ' ')
        .replace(/[\w.-]+\.(jpe?g|png|webp|tiff?|docx?|txt|csv|pdf)\b/gi, ' ')
        .match(/[A-Za-z][A-Za-z-]*[A-Za-z]/g) ?? []
    ).filter((word) => !ENGLISH_ALLOWED.has(word.toLowerCase())),
  )
  return { rawJson, english: [...new Set(english)] }
}

/** The page is laid out for its viewport: nothing wider than the screen. */
export async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  )
}

/** Tappable things smaller than 44×44 CSS pixels, among the ones matched by `selector`. */
export async function smallTargets(page: Page, selector: string): Promise<string[]> {
  return page.$$eval(selector, (elements) =>
    elements
      .filter((el) => {
        const box = el.getBoundingClientRect()
        return box.width > 0 && (box.width < 44 || box.height < 44)
      })
      .map((el) => `${el.tagName} "${el.textContent?.trim()}"`),
  )
}

/** A screenshot of the view, after checking it shows no raw JSON and no stray English. */
export async function screenshotView(page: Page, dir: string, name: string): Promise<Evidence> {
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true })
  return readEvidence(page)
}
