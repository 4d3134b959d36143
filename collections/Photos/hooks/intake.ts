import type { CollectionBeforeChangeHook, CollectionBeforeOperationHook } from 'payload'

import { APIError } from 'payload'

import { asPayloadError } from '../../../src/http/endpoints'
import { checkImageFile } from '../../../src/photodesk/fileCheck'
import { readPhotoMetadata, type PhotoMetadata } from '../../../src/photodesk/metadata'
import { cleanOriginal } from '../../../src/photodesk/sanitize'

const METADATA = 'newsdeskPhotoMetadata'

/**
 * Every uploaded file is checked by its bytes, its metadata read, and the original replaced by a
 * clean re-encoding (orientation applied, GPS and other private EXIF gone, colour profile kept)
 * before Payload stores it and makes the sizes.
 */
export const checkAndCleanUpload: CollectionBeforeOperationHook = async ({
  args,
  operation,
  req,
}) => {
  if (operation !== 'create' && operation !== 'update') return args
  const file = req.file
  if (!file?.data) {
    refuseFileWithoutUpload(operation, args.data)
    return args
  }
  try {
    const mime = await checkImageFile(file.data, file.name)
    const metadata = await readPhotoMetadata(file.data)
    req.context[METADATA] = metadata
    const clean = await cleanOriginal(file.data, mime, metadata.orientation)
    file.data = clean
    file.size = clean.length
    file.mimetype = mime
  } catch (error) {
    throw asPayloadError(error)
  }
  return args
}

/**
 * Every stored file comes through the intake above. Payload would otherwise fetch a file named by a
 * `url` in a JSON body (from another server, or from the media folder), make its sizes and skip
 * every check: a photo is created from an uploaded file, and a file is replaced only by another.
 */
function refuseFileWithoutUpload(operation: 'create' | 'update', data: unknown) {
  const named = data && typeof data === 'object' && ('url' in data || 'filename' in data)
  if (operation === 'create') {
    throw new APIError(
      '请上传图片文件;不能通过地址创建图片 (a photo is created from an uploaded file)',
      400,
      undefined,
      true,
    )
  }
  if (named) {
    throw new APIError(
      '更换图片请上传文件;不能通过地址或文件名指定 (replace a photo by uploading a file)',
      400,
      undefined,
      true,
    )
  }
}

const empty = (value: unknown) =>
  value === undefined ||
  value === null ||
  (typeof value === 'string' && !value.trim()) ||
  (Array.isArray(value) && !value.length)

/** What the camera and agency wrote fills the fields that are still empty; people can edit them. */
export const fillFromMetadata: CollectionBeforeChangeHook = ({ data, req }) => {
  const meta = req.context[METADATA] as PhotoMetadata | undefined
  if (!meta) return data
  delete req.context[METADATA]
  const filled = { ...data }
  const offer: Record<string, unknown> = {
    caption: meta.caption,
    credit: meta.credit ?? meta.byline,
    dateTaken: meta.dateTaken,
    camera: meta.camera,
    cameraSerial: meta.cameraSerial,
    copyright: meta.copyright,
    keywords: meta.keywords,
    alt: meta.altText,
  }
  for (const [field, value] of Object.entries(offer)) {
    if (value !== undefined && empty(filled[field])) filled[field] = value
  }
  if (meta.gps && (empty(filled.gps?.latitude) || empty(filled.gps?.longitude)))
    filled.gps = meta.gps
  return filled
}
