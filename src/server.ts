/**
 * The process entry for `npm run dev` and `npm start`.
 *
 * Before it listens it checks the configuration (a bad DATABASE_URI or a production start without
 * PAYLOAD_SECRET stops here, with a reason), brings the database up to date (the committed migrations,
 * in every environment: nothing pushes a development schema) and, in development only, seeds an empty database and
 * prints the demo logins. Public reads of published content are answered by the delivery front
 * (src/delivery/front.ts) from its byte cache, calling Payload's handlers directly; everything else
 * goes to Next, which serves the admin and the staff API.
 */
import http from 'node:http'

import nextEnv from '@next/env'
import next from 'next'

import { isProduction, listenHost, serverPort, serverUrl } from './config/env'
import { projectRoot } from './config/root'
import { createDeliveryFront } from './delivery/front'
import { followInvalidations } from './delivery/invalidations'
import { requestListener } from './http/listener'

const root = projectRoot()

async function main() {
  const dev = !isProduction()
  // The same .env files Next would read, loaded before the config reads the environment.
  nextEnv.loadEnvConfig(root, dev)
  const port = serverPort()
  const host = listenHost()

  // The config reads the environment as it loads: import it only after NODE_ENV is settled.
  const { default: configPromise } = await import('../payload.config')
  const { getPayload } = await import('payload')
  const config = await configPromise
  const payload = await getPayload({ config })
  const front = createDeliveryFront({ config })
  // Other instances on the same database drop what their writes invalidate here too.
  const stopFollowing = followInvalidations(payload)
  if (process.env.NEWSDESK_JOBS !== 'off') {
    const { ensureDailySiteHealth } = await import('./columns/jobs')
    const { ensureNightlyLinkCheck } = await import('./quality/linkJob')
    await ensureDailySiteHealth(payload)
    await ensureNightlyLinkCheck(payload)
  }

  if (dev) {
    const { seedIfEmpty, describeLogins } = await import('./seed')
    const seeded = await seedIfEmpty(payload, { log: (line) => payload.logger.info(line) })
    if (seeded) console.log(`\n${describeLogins(seeded)}\n`)
  }

  const app = next({ dev, dir: root, port, hostname: 'localhost' })
  const handle = app.getRequestHandler()
  await app.prepare()

  const server = http.createServer(
    requestListener({
      front,
      next: handle,
      onError: (error, req) =>
        payload.logger.error({ err: error, msg: `request failed: ${req.method} ${req.url}` }),
    }),
  )
  server.listen(port, host, () => {
    console.log(`Newsdesk ${dev ? '(development)' : '(production)'} ready: ${serverUrl()}/admin`)
  })

  const shutdown = () => {
    server.close()
    stopFollowing()
    void payload.destroy().finally(() => process.exit(0))
  }
  process.once('SIGTERM', shutdown)
  process.once('SIGINT', shutdown)
}

main().catch((error: unknown) => {
  // Configuration errors are for a person to fix: say what and why, without a stack.
  const known = error instanceof Error && /^(MissingSecretError|DatabaseUriError)$/.test(error.name)
  console.error(known ? `Newsdesk cannot start: ${(error as Error).message}` : error)
  process.exit(1)
})
