import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http'

import { preferChinese } from '../config/i18n'
import type { createDeliveryFront } from '../delivery/front'
import { gate } from './gate'

type Front = ReturnType<typeof createDeliveryFront>
type NextHandler = (req: IncomingMessage, res: ServerResponse) => Promise<unknown> | unknown

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
    if (gate(req, res)) return
    if (front.serveFromCache(req, res)) return
    preferChinese(req.headers)
    const served = front.serve(req, res).then((answered) => (answered ? undefined : next(req, res)))
    served.catch((error: unknown) => {
      onError(error, req)
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' })
      res.end('Internal Server Error')
    })
  }
}
