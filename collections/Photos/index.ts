import type { CollectionConfig, Field, ImageSize } from 'payload'
import { filterByColumn } from '../../src/columns/filter'
import { indexForSearch, unindexForSearch } from '../../src/search/indexer'
import { fullTextListSearch } from '../../src/search/listSearch'
import { columnFields } from '../../src/fields/columns'

import {
  anyOf,
  PHOTO_UPLOADERS,
  photoPrivateField,
  readPhotos,
  readPhotoVersions,
  REMOVERS,
  updatePhotos,
} from '../../src/access/content'
import { mediaDir } from '../../src/config/env'
import { label } from '../../src/config/i18n'
import { withWorkflow } from '../../src/workflow/collection'
import { invalidatePublicCache } from '../../src/delivery/invalidations'
import { publicReadLimits } from '../../src/delivery/limits'
import { recordRevision, resetWorkflowOnEdit, saveAsDraft } from '../../src/workflow/hooks'
import { refuseStaleSave } from '../../src/workflow/staleSave'
import { everyWorkflowStep } from '../shared/workflowSteps'
import { createdByField } from '../../src/fields/createdBy'
import { selectDependencies } from '../../src/fields/selectDependencies'
import { checkAndCleanUpload, fillFromMetadata } from './hooks/intake'
import { scheduleRightsExpiry } from './hooks/rightsExpiry'

/**
 * Each size is written twice: JPEG for every reader, WebP for those that accept it. Sizes fit
 * inside their box and never crop: a news photo's caption describes the whole frame. The focal
 * point is delivered with the photo for layouts that crop in CSS (object-position). Not cropping
 * also keeps Payload on its one-pass resize instead of its slower focal-point crop path.
 */
const sizes: ImageSize[] = [
  { name: 'thumbnail', width: 320, height: 240, fit: 'inside', withoutEnlargement: true },
  { name: 'card', width: 800, height: 533, fit: 'inside', withoutEnlargement: true },
  { name: 'hero', width: 1920, height: 1920, fit: 'inside', withoutEnlargement: true },
].flatMap((size) => [
  { ...size, formatOptions: { format: 'jpeg', options: { quality: 82, mozjpeg: false } } },
  {
    ...size,
    name: `${size.name}Webp`,
    formatOptions: { format: 'webp', options: { quality: 80 } },
  },
]) as ImageSize[]

const SIZE_LABELS: Record<string, { zh: string; en: string }> = {
  thumbnail: label('缩略图', 'Thumbnail'),
  card: label('卡片图', 'Card'),
  hero: label('大图', 'Hero'),
}

/**
 * Payload's own upload fields label some columns in English only (URL, MIME Type, Thumbnail URL,
 * and each size by its key). Same-named fields here are merged over them to give Chinese labels.
 */
const fileFieldLabels: Field[] = [
  { name: 'url', type: 'text', label: label('文件地址', 'URL') },
  { name: 'thumbnailURL', type: 'text', label: label('缩略图地址', 'Thumbnail URL') },
  { name: 'mimeType', type: 'text', label: label('文件类型', 'MIME type') },
  {
    name: 'sizes',
    type: 'group',
    label: label('尺寸', 'Sizes'),
    fields: sizes.map((size) => {
      const webp = size.name.endsWith('Webp')
      const base = SIZE_LABELS[size.name.replace(/Webp$/, '')]!
      return {
        name: size.name,
        type: 'group' as const,
        label: label(`${base.zh}${webp ? '(WebP)' : ''}`, `${base.en}${webp ? ' (WebP)' : ''}`),
        fields: [
          { name: 'url', type: 'text' as const, label: label('文件地址', 'URL') },
          { name: 'mimeType', type: 'text' as const, label: label('文件类型', 'MIME type') },
        ],
      }
    }),
  },
]

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
    // The original is already stripped to its colour profile (hooks/intake.ts): the sizes keep the
    // profile, and keep nothing at all from a source that still carries EXIF, IPTC or XMP.
    withMetadata: async ({ metadata }) => !metadata.exif && !metadata.iptc && !metadata.xmp,
    // Files arrive by upload only: no fetching a pasted URL on the server.
    pasteURL: false,
    adminThumbnail: 'thumbnail',
    focalPoint: true,
    bulkUpload: true,
  },
  access: {
    read: readPhotos,
    readVersions: readPhotoVersions,
    create: anyOf(...PHOTO_UPLOADERS),
    update: updatePhotos,
    delete: anyOf(...REMOVERS),
  },
  hooks: {
    // Payload builds the URL from the file name as it reads, and the admin thumbnail's from its
    // size: a read that selects only `url` still needs the name.
    beforeOperation: [
      saveAsDraft,
      refuseStaleSave,
      publicReadLimits,
      filterByColumn,
      fullTextListSearch,
      checkAndCleanUpload,
      selectDependencies({ url: ['filename'], thumbnailURL: ['sizes'] }),
    ],
    beforeChange: [fillFromMetadata, resetWorkflowOnEdit],
    afterChange: [scheduleRightsExpiry, recordRevision, indexForSearch, invalidatePublicCache],
    afterDelete: [unindexForSearch, invalidatePublicCache],
  },
  custom: { workflow: everyWorkflowStep },
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
          admin: {
            width: '50%',
            date: { pickerAppearance: 'dayOnly', displayFormat: 'yyyy-MM-dd' },
          },
        },
      ],
    },
    { name: 'place', type: 'text', label: label('拍摄地点', 'Place') },
    ...columnFields(),
    {
      name: 'alt',
      type: 'text',
      label: label('替代文字', 'Alt text'),
      maxLength: 500,
      admin: {
        description: label(
          '为看不见图片的读者描述画面内容(不是图片说明)。上传时取自图片的 IPTC 替代文字;用于文章的图片缺少时会提醒',
          'What the picture shows, for readers who cannot see it (not the caption). Taken from the IPTC alt text on upload; flagged when a photo in an article lacks it',
        ),
      },
    },
    {
      type: 'collapsible',
      label: label('拍摄与版权信息', 'Camera and rights'),
      admin: { initCollapsed: true },
      fields: [
        {
          type: 'row',
          fields: [
            {
              name: 'camera',
              type: 'text',
              label: label('相机', 'Camera'),
              admin: { width: '50%' },
            },
            {
              name: 'cameraSerial',
              type: 'text',
              label: label('相机序列号', 'Camera serial number'),
              access: { read: photoPrivateField },
              admin: {
                width: '50%',
                description: label('仅编辑与拍摄者可见', 'Editors and the photographer only'),
              },
            },
          ],
        },
        { name: 'copyright', type: 'text', label: label('版权', 'Copyright') },
        { name: 'keywords', type: 'text', hasMany: true, label: label('关键词', 'Keywords') },
        {
          name: 'gps',
          type: 'group',
          label: label(
            '拍摄位置(GPS,仅编辑与拍摄者可见)',
            'GPS position (editors and the photographer only)',
          ),
          access: { read: photoPrivateField },
          fields: [
            {
              type: 'row',
              fields: [
                {
                  name: 'latitude',
                  type: 'number',
                  label: label('纬度', 'Latitude'),
                  min: -90,
                  max: 90,
                },
                {
                  name: 'longitude',
                  type: 'number',
                  label: label('经度', 'Longitude'),
                  min: -180,
                  max: 180,
                },
              ],
            },
          ],
        },
        {
          name: 'rightsExpireAt',
          type: 'date',
          index: true,
          label: label('版权到期', 'Rights expire'),
          admin: {
            date: { pickerAppearance: 'dayAndTime' },
            description: label(
              '到期自动撤下并通知使用该图的文章编辑',
              'Withdrawn automatically then; editors of articles using it are told',
            ),
          },
        },
      ],
    },
    createdByField(),
    ...fileFieldLabels,
  ],
})
