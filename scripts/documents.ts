/**
 * `npm run documents -- import <manifest.json> [--client <name>]`: registers the GraphQL documents
 * a downstream build produced (Apollo's persisted-query manifest, a Relay-style {hash: document}
 * map, or a list of documents) as trusted documents. See README "Trusted documents".
 */
import fs from 'node:fs'
import { parseArgs } from 'node:util'

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { client: { type: 'string' } },
})
const [command, file] = positionals
if (command !== 'import' || !file) {
  console.error('用法:npm run documents -- import <manifest.json> [--client <下游站点>] (usage)')
  process.exit(2)
}
let manifest: unknown
try {
  manifest = JSON.parse(fs.readFileSync(file, 'utf8'))
} catch (error) {
  console.error(`无法读取 ${file}:${(error as Error).message} (cannot read the manifest)`)
  process.exit(1)
}

const { default: configPromise } = await import('../payload.config')
const { getPayload } = await import('payload')
const { importManifest } = await import('../src/delivery/trustedDocuments')
const payload = await getPayload({ config: await configPromise })
const report = await importManifest(payload, manifest, values.client)
for (const refused of report.refused)
  console.error(`✗ ${refused.name ?? refused.id ?? '?'}:${refused.reason}`)
console.log(
  `登记完成:新增 ${report.added},已有 ${report.unchanged},拒绝 ${report.refused.length} (added, unchanged, refused)`,
)
await payload.destroy()
process.exit(report.refused.length ? 1 : 0)
