/**
 * The stored original is re-encoded before Payload writes it: orientation applied, every piece of
 * metadata dropped (GPS, serial numbers, EXIF, IPTC, XMP) except the colour profile. The sizes are
 * made from this clean original, so no served file carries private data.
 */

import { HttpError } from '../http/errors'
import type { AcceptedMime } from './fileCheck'
import { stripJpegMetadata } from './jpegStrip'
import { exceedsPixelLimit, limitedSharp as sharp, maxInputPixels } from './sharp'

/**
 * An upright JPEG loses its metadata losslessly; anything else (a rotated JPEG, PNG, WebP, TIFF)
 * is re-encoded upright. Either way the pixels are decoded once, which refuses a corrupt file.
 */
export async function cleanOriginal(
  data: Buffer,
  mime: AcceptedMime,
  orientation = 1,
): Promise<Buffer> {
  if (mime === 'image/jpeg' && orientation === 1) {
    const stripped = stripJpegMetadata(data)
    if (stripped) {
      await assertDecodes(stripped)
      return stripped
    }
  }
  let image = sharp(data, { failOn: 'error' }).rotate().keepIccProfile()
  switch (mime) {
    case 'image/jpeg':
      image = image.jpeg({ quality: 92, chromaSubsampling: '4:4:4' })
      break
    case 'image/png':
      image = image.png({ compressionLevel: 7 })
      break
    case 'image/webp':
      image = image.webp({ quality: 92 })
      break
    case 'image/tiff':
      image = image.tiff({ compression: 'lzw' })
      break
  }
  try {
    return await image.toBuffer()
  } catch (error) {
    throw unreadable(error)
  }
}

async function assertDecodes(data: Buffer) {
  try {
    // Shrink-on-load makes the full decode of a large JPEG cheap while still reading every scan.
    await sharp(data, { failOn: 'error' }).resize(64, 64, { fit: 'inside' }).raw().toBuffer()
  } catch (error) {
    throw unreadable(error)
  }
}

function unreadable(error: unknown): HttpError {
  if (exceedsPixelLimit(error)) {
    const mp = Math.round(maxInputPixels() / 1_000_000)
    return new HttpError(
      413,
      'too-many-pixels',
      `图片像素过多,上限为 ${mp} 百万像素`,
      `the image has more than ${mp} megapixels`,
    )
  }
  return new HttpError(
    400,
    'corrupt-image',
    '图片已损坏,无法读取',
    `corrupt image: ${(error as Error).message.split('\n')[0]}`,
  )
}
