/**
 * Where a webhook may POST. A delivery runs inside the server's network, so a target on loopback,
 * a link-local address (cloud metadata services live there) or a private range would let whoever
 * sets up a webhook reach internal services. Such targets need the webhook's own admin setting
 * 允许内网地址; the check runs when the URL is saved and again on every delivery, after the DNS
 * look-up, so a name that later resolves inward is caught too.
 */
import { lookup } from 'node:dns/promises'
import { isIP } from 'node:net'

const V4_PRIVATE: [number, number][] = [
  [0x00000000, 8], // 0.0.0.0/8 "this network"
  [0x0a000000, 8], // 10/8
  [0x64400000, 10], // 100.64/10 carrier-grade NAT
  [0x7f000000, 8], // loopback
  [0xa9fe0000, 16], // link-local, cloud metadata
  [0xac100000, 12], // 172.16/12
  [0xc0a80000, 16], // 192.168/16
  [0xc6120000, 15], // 198.18/15 benchmarking
  [0xe0000000, 3], // multicast and reserved
]

function v4ToNumber(ip: string): number {
  return ip.split('.').reduce((acc, part) => acc * 256 + Number(part), 0)
}

/** Whether an IP address is loopback, link-local, private or otherwise not on the public internet. */
export function isInternalAddress(ip: string): boolean {
  if (isIP(ip) === 4) {
    const n = v4ToNumber(ip)
    return V4_PRIVATE.some(([base, bits]) => n >>> (32 - bits) === base >>> (32 - bits))
  }
  const v6 = ip.toLowerCase().replace(/^\[|\]$/g, '')
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(v6)
  if (mapped) return isInternalAddress(mapped[1]!)
  return v6 === '::' || v6 === '::1' || /^f[cd]/.test(v6) || /^fe[89ab]/.test(v6) || /^ff/.test(v6)
}

const INTERNAL_NAME = /(^|\.)(localhost|local|internal|localdomain)$/i

/** Why a URL may not be a webhook target (a sentence for the admin), or null. Without DNS. */
export function targetProblem(url: string, allowInternal: boolean): string | null {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return '请填写 http:// 或 https:// 开头的地址 (must be an http(s) URL)'
  }
  if (!/^https?:$/.test(parsed.protocol))
    return '请填写 http:// 或 https:// 开头的地址 (must be an http(s) URL)'
  if (parsed.username || parsed.password)
    return '地址中不能包含用户名或密码 (no credentials in the URL)'
  if (allowInternal) return null
  const host = parsed.hostname.replace(/^\[|\]$/g, '')
  if ((isIP(host) && isInternalAddress(host)) || INTERNAL_NAME.test(host)) {
    return `「${host}」是本机或内网地址;如确需投递到内网,请勾选「允许内网地址」 (loopback, link-local and private targets need the admin setting)`
  }
  return null
}

/** At delivery: the same rule on the address the name resolves to now. Throws with the reason. */
export async function assertDeliverable(url: string, allowInternal: boolean): Promise<void> {
  const problem = targetProblem(url, allowInternal)
  if (problem) throw new Error(problem)
  if (allowInternal) return
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '')
  if (isIP(host)) return
  const addresses = await lookup(host, { all: true })
  const inward = addresses.find((address) => isInternalAddress(address.address))
  if (inward)
    throw new Error(`「${host}」解析到内网地址 ${inward.address} (resolves to an internal address)`)
}
