import type { IncomingMessage } from 'node:http'

/**
 * Who sent a request, as the server saw it: the socket's address, or with TRUST_PROXY=true
 * (behind a load balancer or CDN) the first address of X-Forwarded-For. The listener writes it into
 * CLIENT_IP_HEADER, replacing whatever a client sent under that name, so code behind Next (Payload's
 * hooks: login limits, the audit log) reads an address nobody can choose.
 */
export const CLIENT_IP_HEADER = 'x-newsdesk-client-ip'

export function clientAddress(req: IncomingMessage): string | undefined {
  const forwarded = req.headers['x-forwarded-for']
  if (process.env.TRUST_PROXY === 'true' && typeof forwarded === 'string')
    return forwarded.split(',')[0]!.trim()
  return req.socket.remoteAddress ?? undefined
}

/** The address and browser of a request that reached Payload (`unknown` outside the server). */
export function requestClient(headers: Headers): { ip: string; userAgent: string } {
  return {
    ip: headers.get(CLIENT_IP_HEADER)?.slice(0, 64) || 'unknown',
    userAgent: (headers.get('user-agent') ?? '').slice(0, 300),
  }
}
