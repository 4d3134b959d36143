import type { CollectionConfig, Field } from 'payload'

// Reading the config connects nothing, but its adapter would make data/ for the default file.
process.env.DATABASE_URI = 'file::memory:'
const config = (await import('../../payload.config')).default

/**
 * No Chinese user meets an English-only label: every collection, and every named field we declare,
 * carries { zh, en }. Walks the sanitized config, so fields added by factories are covered too;
 * fields Payload itself adds (auth, uploads, versions) come with Payload's own translations.
 */
const PAYLOAD_OWN = new Set([
  'id',
  'email',
  'password',
  'hash',
  'salt',
  'resetPasswordToken',
  'resetPasswordExpiration',
  'loginAttempts',
  'lockUntil',
  'sessions',
  'enableAPIKey',
  'apiKey',
  'apiKeyIndex',
  'createdAt',
  'updatedAt',
  '_status',
  'filename',
  'filesize',
  'width',
  'height',
  'focalX',
  'focalY',
  'prefix',
  'resetPasswordRequestedAt',
  'hasAPIKey',
])

const bilingual = (value: unknown) =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as any).zh === 'string' &&
  typeof (value as any).en === 'string' &&
  (value as any).zh.length > 0 &&
  (value as any).en.length > 0

function unlabelled(fields: Field[], trail: string): string[] {
  const missing: string[] = []
  for (const field of fields) {
    const name = 'name' in field ? field.name : undefined
    const here = name ? `${trail}.${name}` : trail
    if (
      name &&
      !PAYLOAD_OWN.has(name) &&
      !(field.admin as any)?.hidden &&
      !bilingual((field as any).label)
    ) {
      missing.push(here)
    }
    if (name === 'sessions') continue
    if ('fields' in field && Array.isArray(field.fields))
      missing.push(...unlabelled(field.fields, here))
    if (field.type === 'tabs')
      for (const tab of field.tabs) missing.push(...unlabelled(tab.fields, here))
    if (field.type === 'blocks') {
      for (const block of field.blocks)
        missing.push(...unlabelled(block.fields, `${here}[${block.slug}]`))
    }
  }
  return missing
}

describe('admin labels', () => {
  it('should default the admin to Simplified Chinese with English available', async () => {
    const sanitized = await config
    expect(sanitized.i18n.fallbackLanguage).toBe('zh')
    expect(Object.keys(sanitized.i18n.supportedLanguages).sort()).toEqual(['en', 'zh'])
  })

  it('should give every collection and field a Chinese and an English label', async () => {
    const sanitized = await config
    const ours = sanitized.collections.filter((c) => !c.slug.startsWith('payload-'))
    expect(ours.length).toBeGreaterThan(1)
    const missing: string[] = []
    for (const collection of ours as unknown as CollectionConfig[]) {
      if (!bilingual(collection.labels?.singular) || !bilingual(collection.labels?.plural)) {
        missing.push(`${collection.slug} (collection labels)`)
      }
      missing.push(...unlabelled(collection.fields, collection.slug))
    }
    expect(missing).toEqual([])
  })
})
