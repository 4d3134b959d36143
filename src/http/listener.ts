import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http'

import { preferChinese } from '../config/i18n'
import type { createDeliveryFront } from '../delivery/front'
import { CLIENT_IP_HEADER, clientAddress } from '../config/client'
import { gate } from './gate'

type Front = ReturnType<typeof createDeliveryFront>
type NextHandler = (req: IncomingMessage, res: ServerResponse) => Promise<unknown> | unknown

/** A request that may carry a staff login: an Authorization that is not an API key, or the cookie. */
function carriesLogin(req: IncomingMessage): boolean {
  const auth = req.headers.authorization ?? ''
  return (
    (!!auth && !/^api-clients API-Key /i.test(auth)) ||
    /(?:^|;\s*)payload-token=/.test(req.headers.cookie ?? '')
  )
}

/**
 * Whatever layer answers a request with a login (Next, Payload, an endpoint), no shared cache may
 * keep the answer: `private, no-store` unless the answer already says both.
 */
function keepPrivate(res: ServerResponse) {
  const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => ServerResponse
  res.writeHead = ((...args: unknown[]) => {
    const given = args.find((arg) => arg && typeof arg === 'object' && !Array.isArray(arg)) as
      Record<string, unknown> | undefined
    const key = given && Object.keys(given).find((name) => name.toLowerCase() === 'cache-control')
    const value = String((key ? given![key] : res.getHeader('cache-control')) ?? '')
    if (!/private/.test(value) || !/no-store/.test(value)) {
      if (key) delete given![key]
      res.setHeader('Cache-Control', 'private, no-store')
    }
    return writeHead(...args)
  }) as typeof res.writeHead
}

/**
 * The server's one request listener: the gate first, then the delivery front's cache hits, then
 * its public reads, and everything else to Next. src/server.ts serves it; tests serve it too, with
 * a stand-in for Next.
 */
export function requestListener({
  front,
  next,
  onError,
}: {
  front: Front
  next: NextHandler
  onError: (error: unknown, req: IncomingMessage) => void
}): RequestListener {
  return (req, res) => {
    // The address Payload's hooks see is the server's, never one a client wrote.
    req.headers[CLIENT_IP_HEADER] = clientAddress(req) ?? 'unknown'
    if (gate(req, res)) return
    if (front.serveFromCache(req, res)) return
    preferChinese(req.headers)
    // Build assets are the same for everyone and keep their long-lived caching.
    if (carriesLogin(req) && !req.url?.startsWith('/_next/static/')) keepPrivate(res)
    const served = front.serve(req, res).then((answered) => (answered ? undefined : next(req, res)))
    served.catch((error: unknown) => {
      onError(error, req)
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' })
      res.end('Internal Server Error')
    })
  }
}
