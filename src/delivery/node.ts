import type { IncomingMessage } from 'node:http'

/** A body-less web Request for a Node request (the front answers only GET and HEAD). */
export function toWebRequest(req: IncomingMessage, port: number): Request {
  const headers = new Headers()
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue
    for (const one of Array.isArray(value) ? value : [value]) headers.append(name, one)
  }
  const host = req.headers.host ?? `localhost:${port}`
  return new Request(`http://${host}${req.url ?? '/'}`, { method: req.method, headers })
}
