import path from 'node:path'

export const isProduction = () => process.env.NODE_ENV === 'production'

const DEV_SECRET = 'newsdesk-development-secret-not-for-production'

export class MissingSecretError extends Error {
  constructor(
    reason = 'PAYLOAD_SECRET is not set. Production needs a long random secret to sign logins and API ' +
      'keys; set it in the environment, e.g. PAYLOAD_SECRET=$(openssl rand -hex 32).',
  ) {
    super(reason)
    this.name = 'MissingSecretError'
  }
}

/** The signing secret: required in production, a fixed development value otherwise. */
export function payloadSecret(): string {
  const secret = process.env.PAYLOAD_SECRET?.trim()
  if (secret) return secret
  // `next build` loads the config to analyse routes; nothing it signs outlives the build.
  if (process.env.NEXT_PHASE === 'phase-production-build') return 'build-time-placeholder'
  if (isProduction()) throw new MissingSecretError()
  return DEV_SECRET
}

export function serverPort(): number {
  const raw = process.env.PORT?.trim()
  if (!raw) return 3000
  const port = Number(raw)
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`PORT must be a whole number from 1 to 65535, not "${raw}".`)
  }
  return port
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1'])

/**
 * The address the server listens on: HOST when set, every interface otherwise. Without
 * PAYLOAD_SECRET outside production the signing secret is the published development one, so anyone
 * who could reach the server could forge a login: then it listens on loopback only, and refuses a
 * HOST that is not loopback.
 */
export function listenHost(): string | undefined {
  const host = process.env.HOST?.trim() || undefined
  if (isProduction() || process.env.PAYLOAD_SECRET?.trim()) return host
  if (host && !LOOPBACK.has(host)) {
    throw new MissingSecretError(
      `HOST=${host} would serve the development secret beyond this machine. Set PAYLOAD_SECRET, or leave HOST unset.`,
    )
  }
  return host ?? '127.0.0.1'
}

export function serverUrl(): string {
  return (process.env.SERVER_URL?.trim() || `http://localhost:${serverPort()}`).replace(/\/$/, '')
}

/**
 * Where uploaded files live; tests point it at a temporary folder. Relative to the working
 * directory, which every npm script and the container set to the project root: the config is also
 * bundled by Next, where a module's own location is not the source folder.
 */
export function mediaDir(): string {
  return path.resolve(process.env.MEDIA_DIR?.trim() || 'media')
}

/** The largest photo upload accepted (MAX_UPLOAD_MB, 50 by default), in bytes. */
export const maxUploadBytes = () => {
  const mb = Number(process.env.MAX_UPLOAD_MB || 50)
  return (Number.isFinite(mb) && mb > 0 ? mb : 50) * 1024 * 1024
}
