'use client'
/** The admin's search page: every collection, every revision (the staff index), ranked and marked. */
import { Button, useConfig } from '@payloadcms/ui'
import { useEffect, useState } from 'react'

type Hit = {
  collection: string
  type: string
  id: string
  titleHtml: string
  snippet: string
}

export function SearchPanel({ initial }: { initial: string }) {
  const { config } = useConfig()
  const [q, setQ] = useState(initial)
  const [result, setResult] = useState<{ totalDocs: number; docs: Hit[] } | null>(null)
  const [error, setError] = useState<string | null>(null)

  const load = async (query: string) => {
    const url = `${config.serverURL ?? ''}${config.routes.api}/search?scope=staff&limit=50&q=${encodeURIComponent(query.trim())}`
    const response = await fetch(url, { credentials: 'include' })
    const body = await response.json().catch(() => ({}))
    return response.ok
      ? { result: body as { totalDocs: number; docs: Hit[] }, error: null }
      : {
          result: null,
          error: (body?.errors?.[0]?.message?.replace(/ \([^)]*\)$/, '') as string) ?? '搜索失败',
        }
  }
  const show = ({ result, error }: Awaited<ReturnType<typeof load>>) => {
    setResult(result)
    setError(error)
  }
  const run = (query: string) => {
    if (!query.trim()) return
    window.history.replaceState(null, '', `?q=${encodeURIComponent(query.trim())}`)
    void load(query).then(show)
  }

  useEffect(() => {
    if (initial.trim()) void load(initial).then(show)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  return (
    <section aria-label="全文搜索" style={{ paddingTop: '2rem' }}>
      <h1>全文搜索</h1>
      <p>
        搜索全部稿件、图片和产业项目的标题与正文(含草稿和审核中的版本)。可用拼音首字母,如 lzxq。
      </p>
      <form
        onSubmit={(event) => {
          event.preventDefault()
          run(q)
        }}
        style={{ display: 'flex', gap: '0.5rem', alignItems: 'center' }}
      >
        <input
          aria-label="搜索词"
          value={q}
          onChange={(event) => setQ(event.target.value)}
          style={{ flex: 1, padding: '0.5rem', fontSize: '1rem' }}
        />
        <Button type="submit">搜索</Button>
      </form>
      {error && <p role="alert">{error}</p>}
      {result && (
        <>
          <p>共 {result.totalDocs} 条结果</p>
          <ol style={{ paddingLeft: '1.2rem' }}>
            {result.docs.map((hit) => (
              <li key={`${hit.collection}-${hit.id}`} style={{ marginBottom: '0.75rem' }}>
                <span>【{hit.type}】</span>
                <a
                  href={`${config.routes.admin}/collections/${hit.collection}/${hit.id}`}
                  dangerouslySetInnerHTML={{ __html: hit.titleHtml || '(无标题)' }}
                />
                <div dangerouslySetInnerHTML={{ __html: hit.snippet }} />
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  )
}
