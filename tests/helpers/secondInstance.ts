/**
 * A second Newsdesk server process for the multi-instance tests: Payload on the database the test
 * names (DATABASE_URI, already migrated by the test's own boot), the delivery front behind the same
 * request listener src/server.ts serves, a 404 standing in for Next, and the invalidation follower.
 * Listens on PORT.
 */
import http from 'node:http'

import { getPayload } from 'payload'

import config from '../../payload.config'
import { createDeliveryFront } from '../../src/delivery/front'
import { followInvalidations } from '../../src/delivery/invalidations'
import { requestListener } from '../../src/http/listener'

const resolved = await config
const payload = await getPayload({ config: resolved })
const front = createDeliveryFront({ config: resolved })
const stop = followInvalidations(payload)
const server = http.createServer(
  requestListener({
    front,
    next: (_req, res) => {
      res.writeHead(404, { 'Content-Type': 'text/plain' })
      res.end('not served by this test instance')
    },
    onError: (error) => console.error(error),
  }),
)
server.listen(Number(process.env.PORT), '127.0.0.1')
process.once('SIGTERM', () => {
  stop()
  server.close()
  void payload.destroy().finally(() => process.exit(0))
})
