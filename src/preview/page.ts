/**
 * The preview page: an article's current revision as a downstream site would show it (kicker,
 * title, subtitle, slogan, lead, the body with its figures and captions, the 数据来源 line and
 * 更正), in a plain, neutral stylesheet; and the redline against the live version. Every value is
 * escaped; the body is the same HTML downstream sites get.
 */
import { escapeHtml } from '../content/bodyHtml'
import { redlineHtml } from '../workflow/reviewRecord'
import type { RedlineChange } from '../workflow/redline'

const e = (value: unknown) => escapeHtml(String(value ?? ''))

const STYLE = `
  :root { color-scheme: light; }
  body { margin: 0; background: #f6f6f4; color: #1f1f1f; font: 17px/1.85 "Noto Serif CJK SC", "Source Han Serif SC", "Songti SC", "SimSun", "WenQuanYi Micro Hei", serif; }
  .bar { position: sticky; top: 0; background: #2b2b2b; color: #fff; font: 14px/1.5 system-ui, "WenQuanYi Micro Hei", sans-serif; padding: .6rem 1rem; display: flex; flex-wrap: wrap; gap: .4rem 1rem; align-items: center; }
  .bar a { color: #ffd98a; }
  .bar .tag { background: #b45309; border-radius: 999px; padding: 0 .6rem; }
  main { box-sizing: border-box; max-width: 46rem; margin: 0 auto; padding: 1.5rem 1.1rem 4rem; background: #fff; min-height: 100vh; }
  .kicker, .subtitle, .slogan { text-align: center; color: #444; margin: .3rem 0; }
  h1 { text-align: center; font-size: 1.7rem; line-height: 1.4; margin: .4rem 0; }
  .meta { text-align: center; color: #777; font-size: .9rem; }
  .lead { color: #333; border-left: 3px solid #ccc; padding-left: .8rem; }
  h2, h3, h4 { line-height: 1.5; }
  p { text-indent: 2em; margin: .8rem 0; overflow-wrap: anywhere; }
  figure { margin: 1.2rem 0; text-align: center; }
  figure img { max-width: 100%; height: auto; }
  figcaption { color: #555; font-size: .9rem; text-indent: 0; }
  .photo-slot--pending { border: 1px dashed #bbb; padding: 1.5rem .5rem; }
  .photo-slot--pending::before { content: "待配图"; display: block; color: #999; font-size: .85rem; }
  .data-source { color: #555; font-size: .95rem; text-indent: 0; }
  .corrections { border-top: 1px solid #ddd; margin-top: 2rem; font-size: .95rem; }
  .note { font: 14px/1.6 system-ui, "WenQuanYi Micro Hei", sans-serif; background: #fff7e6; border: 1px solid #f0c36d; padding: .5rem .8rem; }
  ins { color: #0a5c0a; background: #e4f5e4; text-decoration: underline; }
  del { color: #a40000; background: #fbe5e5; text-decoration: line-through; }
  .redline dt { font-weight: bold; margin-top: .6rem; }
  .redline dd { margin: 0 0 .3rem 1rem; overflow-wrap: anywhere; }
`

export function pageHtml(title: string, bar: string, main: string): string {
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<link rel="icon" href="data:,">
<title>${e(title)}</title>
<style>${STYLE}</style></head>
<body><div class="bar">${bar}</div><main>${main}</main></body></html>`
}

export type PreviewArticle = {
  title: string
  kicker?: string | null
  subtitle?: string | null
  slogan?: string | null
  lead?: string | null
  byline?: string | null
  source?: string | null
  date?: string | null
  bodyHtml: string
  dataSourceLine?: string | null
}

export function articleHtml(article: PreviewArticle): string {
  const date = article.date
    ? new Date(article.date).toLocaleDateString('zh-CN', { timeZone: 'Asia/Shanghai' })
    : ''
  const meta = [article.source ? `来源:${article.source}` : '', article.byline ?? '', date]
    .filter(Boolean)
    .map(e)
    .join(' · ')
  return [
    article.kicker ? `<p class="kicker">${e(article.kicker)}</p>` : '',
    `<h1>${e(article.title)}</h1>`,
    article.subtitle ? `<p class="subtitle">${e(article.subtitle)}</p>` : '',
    article.slogan ? `<p class="slogan">${e(article.slogan)}</p>` : '',
    meta ? `<p class="meta">${meta}</p>` : '',
    article.lead ? `<p class="lead">${e(article.lead)}</p>` : '',
    `<article>${article.bodyHtml}</article>`,
    article.dataSourceLine ? `<p class="data-source">${e(article.dataSourceLine)}</p>` : '',
  ].join('\n')
}

export function compareHtml(changes: RedlineChange[] | null): string {
  if (changes === null) return '<p class="note">这篇文章还没有线上版本,没有可对比的内容。</p>'
  return `<h1>与线上版本对比</h1>
<p class="meta">删除的文字划线标红,新增的文字加下划线标绿</p>
${redlineHtml(changes)}`
}

/** The answer when the link cannot be shown: a sentence, never what the link names. */
export function refusalHtml(message: string): string {
  return pageHtml('预览', '<span>Newsdesk 预览</span>', `<p class="note">${e(message)}</p>`)
}
