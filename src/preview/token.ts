/**
 * Preview links: an opaque, expiring token that names one article. The token is encrypted and
 * authenticated (AES-256-GCM, key derived from PAYLOAD_SECRET), so its URL reveals neither the
 * article nor who asked, and cannot be altered or extended. It grants nothing by itself: the page
 * is served only to a logged-in staff member who may read that article.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto'

import { payloadSecret } from '../config/env'

export type PreviewClaim = { collection: 'articles'; id: string; exp: number }

/** Minutes a preview link stays valid (PREVIEW_TOKEN_MINUTES, default 30). */
export const previewMinutes = () => {
  const minutes = Number(process.env.PREVIEW_TOKEN_MINUTES || 30)
  return Number.isFinite(minutes) && minutes > 0 ? minutes : 30
}

const key = () => createHash('sha256').update(`newsdesk-preview:${payloadSecret()}`).digest()

export function sealPreview(id: string | number, now = Date.now()): { token: string; exp: number } {
  const exp = now + previewMinutes() * 60_000
  const claim: PreviewClaim = { collection: 'articles', id: String(id), exp }
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', key(), iv)
  const sealed = Buffer.concat([cipher.update(JSON.stringify(claim), 'utf8'), cipher.final()])
  return {
    token: Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64url'),
    exp,
  }
}

/** The claim, or why not: a token that was altered, forged or is not one at all, or expired. */
export function openPreview(
  token: string,
  now = Date.now(),
): { claim: PreviewClaim } | { error: 'invalid' | 'expired' } {
  if (!/^[A-Za-z0-9_-]{40,400}$/.test(token)) return { error: 'invalid' }
  const bytes = Buffer.from(token, 'base64url')
  try {
    const decipher = createDecipheriv('aes-256-gcm', key(), bytes.subarray(0, 12))
    decipher.setAuthTag(bytes.subarray(12, 28))
    const text = Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()])
    const claim = JSON.parse(text.toString('utf8')) as PreviewClaim
    if (claim.collection !== 'articles' || typeof claim.id !== 'string') return { error: 'invalid' }
    return claim.exp > now ? { claim } : { error: 'expired' }
  } catch {
    return { error: 'invalid' }
  }
}
