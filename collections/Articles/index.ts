import type { CollectionConfig } from 'payload'

import { publishedOnly } from '../../src/access/publishedOnly'
import { isStaff } from '../../src/access/roles'
import { label } from '../../src/config/i18n'
import { slugField } from '../../src/fields/slug'

export const Articles: CollectionConfig<'articles'> = {
  slug: 'articles',
  labels: { singular: label('文章', 'Article'), plural: label('文章', 'Articles') },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'slug', '_status', 'updatedAt'],
    group: label('内容', 'Content'),
  },
  versions: { drafts: true, maxPerDoc: 100 },
  access: {
    read: publishedOnly,
    readVersions: isStaff,
    create: isStaff,
    update: isStaff,
    delete: isStaff,
  },
  fields: [
    { name: 'title', type: 'text', required: true, label: label('标题', 'Title') },
    { name: 'body', type: 'richText', label: label('正文', 'Body') },
    slugField(),
  ],
}
