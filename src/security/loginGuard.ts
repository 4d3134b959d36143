/**
 * Failed-login limits that no one can turn against a legitimate user:
 * - per address and account: after LOGIN_FAILURES_BEFORE_BACKOFF (5) failures in a row, each
 *   further try waits, one minute doubling up to LOGIN_MAX_BACKOFF_MINUTES (30); a success clears it;
 * - per address: LOGIN_FAILURES_PER_IP (30) failures within 15 minutes block that address for the
 *   rest of the window, whatever accounts it tries.
 * There is no lock on the account itself: an attacker elsewhere fills only their own counters, and
 * the person at their own desk still logs in. (Payload's account lockout, which anyone knowing an
 * e-mail could trigger, is off.) Counters live in the process; each instance keeps its own.
 */
import { LRUCache } from 'lru-cache'

const WINDOW_MS = 15 * 60_000

const setting = (name: string, fallback: number) => {
  const value = Number(process.env[name])
  return Number.isFinite(value) && value > 0 ? value : fallback
}

type Backoff = { failures: number; until: number }
type Window = { failures: number; since: number }

const byAccount = new LRUCache<string, Backoff>({ max: 50_000, ttl: 24 * 60 * 60_000 })
const byAddress = new LRUCache<string, Window>({ max: 50_000, ttl: WINDOW_MS })

const accountKey = (ip: string, email: string) => `${ip}\u0000${email.trim().toLowerCase()}`

/** Seconds to wait before this address may try this account again, or 0. */
export function loginWait(ip: string, email: string, now = Date.now()): number {
  const address = byAddress.get(ip)
  if (
    address &&
    now - address.since < WINDOW_MS &&
    address.failures >= setting('LOGIN_FAILURES_PER_IP', 30)
  )
    return Math.ceil((address.since + WINDOW_MS - now) / 1000)
  const account = byAccount.get(accountKey(ip, email))
  return account && account.until > now ? Math.ceil((account.until - now) / 1000) : 0
}

export function loginFailed(ip: string, email: string, now = Date.now()) {
  const address = byAddress.get(ip)
  byAddress.set(
    ip,
    address && now - address.since < WINDOW_MS
      ? { failures: address.failures + 1, since: address.since }
      : { failures: 1, since: now },
  )
  const key = accountKey(ip, email)
  const failures = (byAccount.get(key)?.failures ?? 0) + 1
  const free = setting('LOGIN_FAILURES_BEFORE_BACKOFF', 5)
  const maxMs = setting('LOGIN_MAX_BACKOFF_MINUTES', 30) * 60_000
  const wait = failures < free ? 0 : Math.min(60_000 * 2 ** (failures - free), maxMs)
  byAccount.set(key, { failures, until: now + wait })
}

export function loginSucceeded(ip: string, email: string) {
  byAccount.delete(accountKey(ip, email))
}

/** An admin's unlock clears the account's backoff from every address. */
export function clearAccount(email: string) {
  const suffix = `\u0000${email.trim().toLowerCase()}`
  for (const key of byAccount.keys()) if (key.endsWith(suffix)) byAccount.delete(key)
}

const resets = new LRUCache<string, number[]>({ max: 50_000, ttl: WINDOW_MS })

/**
 * Seconds before another reset e-mail may be asked for: one a minute per e-mail, ten per 15 minutes
 * per address. Counted on the e-mail as typed, whether or not an account has it, so the answer
 * reveals nothing. Asking counts.
 */
export function resetRequestWait(ip: string, email: string, now = Date.now()): number {
  const recent = (key: string) => (resets.get(key) ?? []).filter((at) => now - at < WINDOW_MS)
  const mail = recent(`mail:${email.trim().toLowerCase()}`)
  const address = recent(`ip:${ip}`)
  const lastMail = mail.at(-1)
  if (lastMail !== undefined && now - lastMail < 60_000)
    return Math.ceil((lastMail + 60_000 - now) / 1000)
  if (address.length >= setting('RESET_REQUESTS_PER_IP', 10))
    return Math.ceil((address[0]! + WINDOW_MS - now) / 1000)
  resets.set(`mail:${email.trim().toLowerCase()}`, [...mail, now])
  resets.set(`ip:${ip}`, [...address, now])
  return 0
}

/** For tests: forget every counter. */
export function resetLoginGuard() {
  byAccount.clear()
  byAddress.clear()
  resets.clear()
}
