/**
 * The importer's report, as `npm run import` prints it: each file's title, date and source, the
 * count of lines per class, the guesses to confirm, and (for a dry run) every line with its class
 * and the reason.
 */
import { CLASS_LABELS, type LineClass } from './classify'
import type { ImportPreview } from './importArticle'

const pad = (text: string, width: number) => {
  const shown = Array.from(text).reduce((sum, ch) => sum + (/[\u1100-\uFFEF]/.test(ch) ? 2 : 1), 0)
  return text + ' '.repeat(Math.max(0, width - shown))
}

/** `2024-03-18 09:30`, in the time zone the office works in. */
const chinaTime = (iso: string) =>
  new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ')

const clip = (text: string, max = 36) =>
  Array.from(text).length > max ? `${Array.from(text).slice(0, max).join('')}…` : text

export function formatReport(preview: ImportPreview, { lines }: { lines: boolean }): string {
  const { parsed } = preview
  const out: string[] = []
  const head = [
    `标题「${parsed.title}」`,
    parsed.originalDate ? `原发布时间 ${chinaTime(parsed.originalDate)}` : undefined,
    parsed.masthead.source ? `来源 ${parsed.masthead.source}` : undefined,
    parsed.column ? `栏目【${parsed.column}】` : undefined,
    `编码 ${preview.encoding}`,
  ].filter(Boolean)
  out.push(`  ${head.join(',')}`)
  if (lines) {
    out.push(`  ${pad('行', 5)}${pad('类别', 16)}依据`)
    for (const line of parsed.report) {
      const mark = line.guess ? '?' : ' '
      out.push(
        `${mark} ${pad(String(line.line), 5)}${pad(line.label, 16)}${line.reason}  | ${clip(line.text)}`,
      )
    }
  }
  const counts = new Map<LineClass, number>()
  for (const line of parsed.report) counts.set(line.class, (counts.get(line.class) ?? 0) + 1)
  out.push(`  行数:${[...counts].map(([cls, count]) => `${CLASS_LABELS[cls]} ${count}`).join(',')}`)
  const guesses = parsed.report.filter((line) => line.guess)
  if (guesses.length) out.push(`  ? 待确认 ${guesses.length} 处(已记入稿件的「导入待确认」)`)
  for (const warning of parsed.warnings) out.push(`  ! ${warning}`)
  return out.join('\n')
}
