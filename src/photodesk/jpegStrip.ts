/**
 * Removes metadata from a JPEG without re-encoding it: the EXIF, XMP (APP1), IPTC/Photoshop
 * (APP13), maker (APP3–APP12, APP15) and comment segments go; the JFIF header (APP0), the colour
 * profile (APP2 ICC_PROFILE) and Adobe's colour-transform marker (APP14) stay, as do all the image
 * data segments. Lossless and about a millisecond for a 12-megapixel photo, where a re-encode costs
 * hundreds. Returns null for anything it does not fully understand, so the caller re-encodes.
 */
const SOI = 0xd8
const SOS = 0xda
const KEEP_APP = new Set([0xe0, 0xe2, 0xee])

export function stripJpegMetadata(data: Buffer): Buffer | null {
  if (data.length < 4 || data[0] !== 0xff || data[1] !== SOI) return null
  const parts: Buffer[] = [data.subarray(0, 2)]
  let offset = 2
  while (offset + 4 <= data.length) {
    if (data[offset] !== 0xff) return null
    const marker = data[offset + 1]!
    if (marker === 0xff) {
      offset += 1 // fill byte
      continue
    }
    const length = data.readUInt16BE(offset + 2)
    if (length < 2 || offset + 2 + length > data.length) return null
    const segment = data.subarray(offset, offset + 2 + length)
    if (marker === SOS) {
      // From the first scan on, everything is image data (and later scans' headers).
      parts.push(data.subarray(offset))
      return Buffer.concat(parts)
    }
    const isApp = marker >= 0xe0 && marker <= 0xef
    const isComment = marker === 0xfe
    const keep = !isComment && (!isApp || (KEEP_APP.has(marker) && (marker !== 0xe2 || isIcc(segment))))
    if (keep) parts.push(segment)
    offset += 2 + length
  }
  return null
}

const isIcc = (segment: Buffer) => segment.subarray(4, 16).toString('latin1') === 'ICC_PROFILE\0'
