import type { Block } from 'payload'

import { label } from '../config/i18n'

/**
 * A photo's place in an article's body. The caption is the office's text and is kept even before a
 * photo is chosen: the slot then shows its caption awaiting the image.
 */
export const PhotoSlot: Block = {
  slug: 'photoSlot',
  interfaceName: 'PhotoSlotBlock',
  labels: { singular: label('图片位', 'Photo slot'), plural: label('图片位', 'Photo slots') },
  // The slot's header shows its thumbnail and caption, not a block name (无标题) nobody fills in.
  admin: {
    disableBlockName: true,
    components: { Label: '/src/content/admin/PhotoSlotLabel#PhotoSlotLabel' },
  },
  fields: [
    {
      name: 'photo',
      type: 'upload',
      relationTo: 'photos',
      label: label('图片', 'Photo'),
      admin: {
        description: label(
          '可稍后补充;未配图时显示说明并标注待配图',
          'Optional; until chosen, the caption shows awaiting its image',
        ),
      },
    },
    {
      name: 'caption',
      type: 'textarea',
      required: true,
      label: label('图片说明', 'Caption'),
      maxLength: 500,
    },
  ],
}
