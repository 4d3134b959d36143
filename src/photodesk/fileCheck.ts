/**
 * What a photo upload may be: JPEG, PNG, WebP or TIFF, judged by the file's bytes (file-type), with
 * an extension that agrees. HEIC is refused: the sharp build on npm reads HEIF only for AVIF, so a
 * HEIC photo could not be resized or stripped of its GPS data here.
 */
import { fileTypeFromBuffer } from 'file-type'

import { maxUploadBytes } from '../config/env'
import { HttpError } from '../http/errors'

export const ACCEPTED = {
  'image/jpeg': ['jpg', 'jpeg', 'jpe'],
  'image/png': ['png'],
  'image/webp': ['webp'],
  'image/tiff': ['tif', 'tiff'],
} as const

export type AcceptedMime = keyof typeof ACCEPTED

const ACCEPTED_TEXT = 'JPEG、PNG、WebP、TIFF'

/** Returns the true MIME type, or throws a refusal a person understands. */
export async function checkImageFile(
  data: Buffer,
  filename: string,
  limit = maxUploadBytes(),
): Promise<AcceptedMime> {
  if (data.length > limit) {
    const size = `${(data.length / 1024 / 1024).toFixed(1)} MB`
    throw new HttpError(
      413,
      'file-too-large',
      `文件过大:${size},上限为 ${Math.round(limit / 1024 / 1024)} MB`,
      'file too large',
    )
  }
  const detected = await fileTypeFromBuffer(data)
  const ext = filename.includes('.') ? filename.split('.').pop()!.toLowerCase() : ''
  if (!detected || !(detected.mime in ACCEPTED)) {
    const what = detected
      ? detected.mime
      : looksLikeMarkup(data)
        ? 'SVG/XML/HTML 文本'
        : '无法识别的内容'
    const heic =
      detected?.mime === 'image/heic' || detected?.mime === 'image/heif' || /^hei[cf]$/.test(ext)
    throw heic
      ? new HttpError(
          415,
          'unsupported-file',
          '暂不支持 HEIC 格式,请先转换为 JPEG 后上传',
          'HEIC is not supported here; convert to JPEG',
        )
      : new HttpError(
          415,
          'unsupported-file',
          `「${filename}」不是可接受的图片(检测到:${what})。只接受 ${ACCEPTED_TEXT}`,
          'unsupported file type',
        )
  }
  const mime = detected.mime as AcceptedMime
  if (!(ACCEPTED[mime] as readonly string[]).includes(ext)) {
    throw new HttpError(
      400,
      'extension-mismatch',
      `「${filename}」的扩展名与内容不符:内容是 ${mime},扩展名应为 .${ACCEPTED[mime][0]}`,
      'extension does not match the file',
    )
  }
  return mime
}

function looksLikeMarkup(data: Buffer): boolean {
  const head = data.subarray(0, 512).toString('utf8').trimStart().toLowerCase()
  return head.startsWith('<') || head.startsWith('\ufeff<')
}
