import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { withPayload } from '@payloadcms/next/withPayload'
import type { NextConfig } from 'next'

const dirname = path.dirname(fileURLToPath(import.meta.url))

const nextConfig: NextConfig = {
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
  serverExternalPackages: ['@node-rs/jieba'],
  // `npm run typecheck` checks the whole project (tests and scripts too) and `npm test` runs it;
  // checking again inside every build only costs time.
  typescript: { ignoreBuildErrors: true },
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
