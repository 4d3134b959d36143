import type { CollectionConfig, ImageSize } from 'payload'

import { anyOf, PHOTO_UPLOADERS, readPhotos, REMOVERS, updatePhotos } from '../../src/access/content'
import { isStaff } from '../../src/access/roles'
import { mediaDir } from '../../src/config/env'
import { label } from '../../src/config/i18n'
import { withWorkflow } from '../../src/workflow/collection'
import { createdByField } from '../../src/fields/createdBy'
import { altFromCaption } from './hooks/altFromCaption'

/** Each size is written twice: JPEG for every reader, WebP for those that accept it. */
const sizes: ImageSize[] = [
  { name: 'thumbnail', width: 320, height: 240, position: 'centre' },
  { name: 'card', width: 800, height: 533, position: 'centre' },
  { name: 'hero', width: 1920, withoutEnlargement: true },
].flatMap((size) => [
  { ...size, formatOptions: { format: 'jpeg', options: { quality: 82, mozjpeg: false } } },
  { ...size, name: `${size.name}Webp`, formatOptions: { format: 'webp', options: { quality: 80 } } },
]) as ImageSize[]

export const Photos: CollectionConfig<'photos'> = withWorkflow('photos', {
  slug: 'photos',
  labels: { singular: label('图片', 'Photo'), plural: label('图片', 'Photos') },
  admin: {
    useAsTitle: 'caption',
    defaultColumns: ['filename', 'caption', 'credit', 'dateTaken', '_status'],
    group: label('内容', 'Content'),
  },
  versions: { drafts: { validate: true }, maxPerDoc: 20 },
  upload: {
    staticDir: mediaDir(),
    mimeTypes: ['image/jpeg', 'image/png', 'image/webp', 'image/tiff'],
    imageSizes: sizes,
    adminThumbnail: 'thumbnail',
    focalPoint: true,
    bulkUpload: true,
  },
  access: {
    read: readPhotos,
    readVersions: isStaff,
    create: anyOf(...PHOTO_UPLOADERS),
    update: updatePhotos,
    delete: anyOf(...REMOVERS),
  },
  hooks: { beforeChange: [altFromCaption] },
  fields: [
    {
      name: 'caption',
      type: 'textarea',
      label: label('图片说明', 'Caption'),
      maxLength: 500,
      admin: { description: label('送审前必须填写', 'Required before review') },
    },
    {
      type: 'row',
      fields: [
        { name: 'credit', type: 'text', label: label('摄影', 'Credit'), admin: { width: '50%' } },
        {
          name: 'dateTaken',
          type: 'date',
          label: label('拍摄日期', 'Date taken'),
          admin: { width: '50%', date: { pickerAppearance: 'dayOnly', displayFormat: 'yyyy-MM-dd' } },
        },
      ],
    },
    { name: 'place', type: 'text', label: label('拍摄地点', 'Place') },
    {
      name: 'alt',
      type: 'text',
      label: label('替代文字', 'Alt text'),
      admin: { description: label('留空则使用图片说明', 'Defaults to the caption') },
    },
    createdByField(),
  ],
})
