import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { withPayload } from '@payloadcms/next/withPayload'

const dirname = path.dirname(fileURLToPath(import.meta.url))

/**
 * JavaScript, not TypeScript: Next compiles a next.config.ts with its native SWC binding at every
 * start, and that binding then stays loaded in the production server (26 MB of its memory).
 *
 * @type {import('next').NextConfig}
 */
const nextConfig = {
  // Payload's admin and API only; the public read path is src/server.ts's concern.
  poweredByHeader: false,
  // The production smoke test builds into its own folder so it never clobbers a running dev server.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  webpack: (webpackConfig) => {
    webpackConfig.resolve.extensionAlias = {
      '.cjs': ['.cts', '.cjs'],
      '.js': ['.ts', '.tsx', '.js', '.jsx'],
      '.mjs': ['.mts', '.mjs'],
    }
    return webpackConfig
  },
  turbopack: { root: path.resolve(dirname) },
  // Native add-ons load from node_modules at run time; a bundler cannot place a .node file.
  // Payload and its database adapters load from node_modules too, in production as in development:
  // the server (src/server.ts) has them loaded already, and Next then shares that one copy instead
  // of carrying a second, bundled one (its code, its strings, its module state) in the same process.
  serverExternalPackages: [
    '@node-rs/jieba',
    'payload',
    '@payloadcms/db-sqlite',
    '@payloadcms/db-mongodb',
    '@payloadcms/drizzle',
    '@payloadcms/graphql',
  ],
  // `npm run typecheck` checks the whole project (tests and scripts too) and `npm test` runs it;
  // checking again inside every build only costs time.
  typescript: { ignoreBuildErrors: true },
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
