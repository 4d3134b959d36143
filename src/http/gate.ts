/**
 * What every request to the server passes before anything reads it: a plain Host, a path that
 * decodes, a body of known and bounded size, and (in production) the headers that keep a browser
 * on HTTPS and the admin out of other sites' frames. A refused request is answered here with a
 * status and a message a person can read; nothing downstream sees it.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'

import { isProduction, maxUploadBytes } from '../config/env'

/** A DNS name or an IPv4 address, or an IPv6 address in brackets, with an optional port. */
const PLAIN_HOST =
  /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\.?|\[[0-9A-Fa-f:.]{2,45}\])(?::\d{1,5})?$/

export const isPlainHost = (host: string | undefined): boolean =>
  Boolean(host && PLAIN_HOST.test(host))

/** Request bodies other than uploads: a long article's Lexical JSON is well under this. */
const maxJsonBytes = () => {
  const mb = Number(process.env.MAX_JSON_MB || 4)
  return (Number.isFinite(mb) && mb > 0 ? mb : 4) * 1024 * 1024
}

/** Multipart bodies carry one photo plus its form fields. */
const MULTIPART_OVERHEAD = 1024 * 1024

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

export const SECURITY_HEADERS: Record<string, string> = {
  'Strict-Transport-Security': 'max-age=31536000; includeSubDomains',
  'Content-Security-Policy': "frame-ancestors 'self'",
  'X-Frame-Options': 'SAMEORIGIN',
  'X-Content-Type-Options': 'nosniff',
}

type Refusal = { status: number; message: string; headers?: Record<string, string> }

/** Why a request is refused before routing, or null when it may go on. */
export function refusalFor(
  req: Pick<IncomingMessage, 'headers' | 'method' | 'url'>,
): Refusal | null {
  if (!isPlainHost(req.headers.host)) {
    return {
      status: 400,
      message: '请求的 Host 无效 (the Host header must be a plain host[:port])',
    }
  }
  const url = req.url ?? ''
  if (!url.startsWith('/'))
    return { status: 400, message: '请求地址无效 (the request target must be a path)' }
  const path = url.split('?', 1)[0]!
  try {
    decodeURIComponent(path)
  } catch {
    return {
      status: 400,
      message: '请求地址含有无效的百分号编码 (malformed percent-encoding in the path)',
    }
  }
  // Payload JSON-parses a `where` or `data` given as one string, and a parse error there is a 500.
  const query = url.includes('?') ? new URLSearchParams(url.slice(url.indexOf('?') + 1)) : null
  for (const name of ['where', 'data']) {
    const value = query?.get(name)
    if (!value) continue
    try {
      JSON.parse(value)
    } catch {
      return {
        status: 400,
        message: `查询参数 ${name} 不是有效的 JSON (the ${name} parameter is not valid JSON)`,
      }
    }
  }
  if (BODY_METHODS.has(req.method ?? '')) {
    const length = req.headers['content-length']
    if (length === undefined) {
      if (req.headers['transfer-encoding']) {
        return {
          status: 411,
          message: '请求须注明 Content-Length (a request body needs a Content-Length)',
        }
      }
      return null
    }
    const bytes = Number(length)
    const multipart = /^multipart\/form-data/i.test(req.headers['content-type'] ?? '')
    const limit = multipart ? maxUploadBytes() + MULTIPART_OVERHEAD : maxJsonBytes()
    if (!Number.isSafeInteger(bytes) || bytes < 0)
      return { status: 400, message: 'Content-Length 无效 (invalid Content-Length)' }
    if (bytes > limit) {
      const mb = Math.round(limit / 1024 / 1024)
      return { status: 413, message: `请求内容过大,上限为 ${mb} MB (request body too large)` }
    }
  }
  return null
}

/**
 * Refuses what must not go on (and returns true), or sets the production security headers and
 * returns false.
 */
export function gate(req: IncomingMessage, res: ServerResponse): boolean {
  const refusal = refusalFor(req)
  if (refusal) {
    res.writeHead(refusal.status, {
      'Content-Type': 'application/json; charset=utf-8',
      'Cache-Control': 'private, no-store',
      Connection: 'close',
    })
    res.end(JSON.stringify({ errors: [{ message: refusal.message }] }))
    return true
  }
  if (isProduction())
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value)
  return false
}
