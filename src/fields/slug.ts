import type { Field, FieldHook, TextField } from 'payload'

import { pinyin } from 'pinyin-pro'

import { label } from '../config/i18n'

/**
 * Turns a Chinese (or mixed) title into a URL slug: Han characters become toneless pinyin syllables,
 * Latin letters and digits are kept, everything else separates words.
 */
export function slugify(text: string, maxLength = 80): string {
  const spelled = pinyin(text.normalize('NFKC'), {
    toneType: 'none',
    type: 'array',
    nonZh: 'consecutive',
    v: true,
  }).join(' ')
  const slug = spelled
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
  if (slug.length <= maxLength) return slug
  return slug.slice(0, maxLength).replace(/-[^-]*$/, '')
}

/** Fills an empty slug from the source field and keeps it unique within the collection. */
const fillSlug =
  (sourceField: string): FieldHook =>
  async ({ value, data, originalDoc, collection, req }) => {
    const source = data?.[sourceField] ?? originalDoc?.[sourceField]
    const wanted =
      typeof value === 'string' && value.trim() ? slugify(value) : slugify(String(source ?? ''))
    if (!wanted || !collection) return wanted || undefined
    const selfId = originalDoc?.id
    for (let n = 1; n < 1000; n += 1) {
      const candidate = n === 1 ? wanted : `${wanted}-${n}`
      const { docs } = await req.payload.find({
        collection: collection.slug as 'articles',
        where: { slug: { equals: candidate } },
        limit: 2,
        depth: 0,
        draft: true,
        pagination: false,
        overrideAccess: true,
        // Not `select: {}`: with drafts, an empty select returns version ids instead of document ids.
        select: { slug: true },
        req,
      })
      if (docs.every((doc) => String(doc.id) === String(selfId))) return candidate
    }
    throw new Error(`Could not find a free slug for "${wanted}"`)
  }

type SlugOptions = { sourceField?: string; overrides?: Partial<TextField> }

/** A unique, editable slug made from the title in pinyin. */
export function slugField({ sourceField = 'title', overrides = {} }: SlugOptions = {}): Field {
  return {
    name: 'slug',
    type: 'text',
    index: true,
    label: label('网址别名', 'Slug'),
    admin: {
      position: 'sidebar',
      description: label(
        '留空则按标题拼音自动生成,可修改',
        'Made from the title in pinyin when empty; editable',
      ),
    },
    hooks: { beforeValidate: [fillSlug(sourceField)] },
    validate: (value: unknown) =>
      value == null || value === '' || /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(String(value))
        ? true
        : '网址别名只能包含小写字母、数字和连字符 (Slug may contain only a-z, 0-9 and hyphens)',
    ...overrides,
  } as TextField
}
