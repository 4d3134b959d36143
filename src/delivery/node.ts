import type { IncomingMessage } from 'node:http'

import { serverUrl } from '../config/env'

/**
 * A body-less web Request for a Node request (the front answers only GET and HEAD). Its URL is the
 * configured server address plus the request's path: never the client's Host header, which would
 * let a client choose what a cached path renders (src/http/gate.ts refuses a Host that is not a
 * plain host[:port] before this runs).
 */
export function toWebRequest(req: IncomingMessage): Request {
  const headers = new Headers()
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue
    for (const one of Array.isArray(value) ? value : [value]) headers.append(name, one)
  }
  return new Request(`${new URL(serverUrl()).origin}${req.url ?? '/'}`, {
    method: req.method,
    headers,
  })
}

/** A request's body as text. The gate (src/http/gate.ts) has already bounded its length. */
export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}
