'use client'
/**
 * 导入稿件, above the articles list: pick .txt or .docx files, read the importer's classification of
 * every line (guesses marked), then create the drafts. Errors come back in Chinese from the server.
 */
import { Button, useConfig } from '@payloadcms/ui'
import { useState } from 'react'

type Line = { line: number; text: string; label: string; reason: string; guess: boolean }
type FileReport = {
  name: string
  title: string
  originalDate: string | null
  source: string | null
  column: string | null
  images: number
  guesses: number
  warnings: string[]
  lines: Line[]
}
type Created = FileReport & { id: number | string }

const chinaTime = (iso: string) =>
  new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false })

export function ImportArticles() {
  const { config } = useConfig()
  const api = `${config.serverURL}${config.routes.api}/articles/import`
  const [open, setOpen] = useState(false)
  const [files, setFiles] = useState<File[]>([])
  const [reports, setReports] = useState<FileReport[] | null>(null)
  const [created, setCreated] = useState<Created[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const send = async (chosen: File[], dryRun: boolean) => {
    const form = new FormData()
    for (const file of chosen) form.append('file', file)
    if (dryRun) form.append('dryRun', '1')
    setBusy(true)
    setError(null)
    try {
      const response = await fetch(api, { method: 'POST', body: form, credentials: 'include' })
      const body = await response.json().catch(() => ({}))
      if (!response.ok) {
        setError(
          body?.errors?.[0]?.message?.replace(/ \([^)]*\)$/, '') ?? `导入失败(${response.status})`,
        )
        return null
      }
      return body
    } catch {
      setError('无法连接服务器,请稍后重试')
      return null
    } finally {
      setBusy(false)
    }
  }

  const choose = async (list: FileList | null) => {
    const chosen = Array.from(list ?? [])
    setFiles(chosen)
    setReports(null)
    setCreated(null)
    if (!chosen.length) return
    const body = await send(chosen, true)
    if (body) setReports(body.files)
  }

  const create = async () => {
    const body = await send(files, false)
    if (body) {
      setCreated(body.created)
      setReports(null)
    }
  }

  if (!open) {
    return (
      <div style={{ margin: '0 0 1rem' }}>
        <Button buttonStyle="secondary" size="small" onClick={() => setOpen(true)}>
          导入稿件
        </Button>
      </div>
    )
  }

  return (
    <section
      aria-label="导入稿件"
      style={{
        border: '1px solid var(--theme-elevation-150)',
        padding: '1rem',
        margin: '0 0 1rem',
      }}
    >
      <h3 style={{ marginTop: 0 }}>导入稿件</h3>
      <p>选择 .txt(UTF-8 或 GBK)或 Word(.docx)文件,先预览每一行的识别结果,确认后生成草稿。</p>
      <input
        type="file"
        multiple
        accept=".txt,.docx,text/plain,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        aria-label="选择文件"
        onChange={(event) => void choose(event.target.files)}
      />
      {busy && <p>处理中…</p>}
      {error && (
        <p role="alert" style={{ color: 'var(--theme-error-500)' }}>
          {error}
        </p>
      )}
      {reports?.map((report) => (
        <div key={report.name} style={{ marginTop: '1rem' }}>
          <h4>
            {report.name}:「{report.title}」
          </h4>
          <p>
            {report.originalDate && <>原发布时间 {chinaTime(report.originalDate)};</>}
            {report.source && <>来源 {report.source};</>}
            {report.column && <>栏目【{report.column}】;</>}
            {report.images > 0 && <>内嵌图片 {report.images} 张;</>}
            {report.guesses > 0
              ? `${report.guesses} 处为猜测(标 ?),导入后请在稿件中确认`
              : '没有需要确认的猜测'}
          </p>
          {report.warnings.map((warning) => (
            <p key={warning} style={{ color: 'var(--theme-warning-600)' }}>
              {warning}
            </p>
          ))}
          <table style={{ width: '100%', fontSize: '13px', borderCollapse: 'collapse' }}>
            <thead>
              <tr>
                <th style={{ textAlign: 'left' }}>行</th>
                <th style={{ textAlign: 'left' }}>识别为</th>
                <th style={{ textAlign: 'left' }}>内容</th>
                <th style={{ textAlign: 'left' }}>依据</th>
              </tr>
            </thead>
            <tbody>
              {report.lines.map((line) => (
                <tr
                  key={line.line}
                  style={line.guess ? { background: 'var(--theme-warning-100)' } : undefined}
                >
                  <td>{line.line}</td>
                  <td>
                    {line.guess ? '? ' : ''}
                    {line.label}
                  </td>
                  <td>{Array.from(line.text).slice(0, 40).join('')}</td>
                  <td>{line.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
      {reports && reports.length > 0 && (
        <Button disabled={busy} onClick={() => void create()}>
          生成 {reports.length} 篇草稿
        </Button>
      )}
      {created && (
        <div>
          <p>已生成 {created.length} 篇草稿:</p>
          <ul>
            {created.map((article) => (
              <li key={article.id}>
                <a href={`${config.routes.admin}/collections/articles/${article.id}`}>
                  {article.title}
                </a>
                {article.guesses > 0 && `(${article.guesses} 处待确认)`}
              </li>
            ))}
          </ul>
        </div>
      )}
      <Button buttonStyle="secondary" size="small" onClick={() => setOpen(false)}>
        收起
      </Button>
    </section>
  )
}
