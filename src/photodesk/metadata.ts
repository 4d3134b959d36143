/**
 * Reads what the camera and the agency wrote into a photo (EXIF and IPTC, with exifr): date taken,
 * camera, serial number, GPS, and the IPTC caption (2#120), byline (2#080), credit (2#110),
 * copyright (2#116) and keywords (2#025), and from XMP the IPTC alt text (Iptc4xmpCore:
 * AltTextAccessibility), a description of what the picture shows for readers who cannot see it.
 */
import exifr from 'exifr'

export type PhotoMetadata = {
  dateTaken?: string
  camera?: string
  cameraSerial?: string
  caption?: string
  byline?: string
  credit?: string
  copyright?: string
  keywords?: string[]
  altText?: string
  gps?: { latitude: number; longitude: number }
  /** EXIF orientation, 1 (upright) when absent. */
  orientation: number
}

/**
 * exifr decodes IPTC text as Latin-1. Chinese agencies write it in UTF-8 (with the 1:90 marker)
 * or in GB18030; the original bytes are recovered and decoded as the first of those that fits.
 */
function iptcText(value: unknown): string | undefined {
  if (typeof value !== 'string' || !value.trim()) return undefined
  const bytes = Buffer.from(value, 'latin1')
  if (bytes.every((b) => b < 0x80)) return value.trim()
  for (const encoding of ['utf-8', 'gb18030']) {
    try {
      return new TextDecoder(encoding, { fatal: true }).decode(bytes).trim()
    } catch {
      // next encoding
    }
  }
  return value.trim()
}

const text = (value: unknown) =>
  typeof value === 'string' && value.trim() ? value.trim() : undefined

export async function readPhotoMetadata(data: Buffer): Promise<PhotoMetadata> {
  let raw: Record<string, any> | undefined
  try {
    raw = await exifr.parse(data, {
      tiff: true,
      exif: true,
      gps: true,
      iptc: true,
      xmp: false,
      icc: false,
      mergeOutput: true,
      reviveValues: false,
      translateValues: false,
    })
  } catch {
    return { orientation: 1 }
  }
  if (!raw) return { orientation: 1, altText: await readAltText(data) }
  const date = exifDate(raw.DateTimeOriginal ?? raw.CreateDate ?? raw.DateCreated)
  const keywords = (Array.isArray(raw.Keywords) ? raw.Keywords : raw.Keywords ? [raw.Keywords] : [])
    .map(iptcText)
    .filter((k: string | undefined): k is string => !!k)
  const camera = [text(raw.Make), text(raw.Model)].filter(Boolean).join(' ') || undefined
  const latitude = Number(raw.latitude)
  const longitude = Number(raw.longitude)
  return {
    altText: await readAltText(data),
    orientation: Number(raw.Orientation) || 1,
    dateTaken:
      date instanceof Date && !Number.isNaN(date.getTime()) ? date.toISOString() : undefined,
    camera,
    cameraSerial: text(raw.BodySerialNumber ?? raw.SerialNumber),
    caption: iptcText(raw.Caption ?? raw['Caption-Abstract'] ?? raw.ImageDescription),
    byline: iptcText(raw.Byline ?? raw['By-line'] ?? raw.Artist),
    credit: iptcText(raw.Credit),
    copyright: iptcText(raw.CopyrightNotice) ?? text(raw.Copyright),
    keywords: keywords.length ? keywords : undefined,
    gps:
      Number.isFinite(latitude) && Number.isFinite(longitude) ? { latitude, longitude } : undefined,
  }
}

/**
 * IPTC's alt text lives only in XMP, as a language alternative: the Chinese entry, else the
 * default one, else the first. XMP is read on its own so that its dates and descriptions never
 * mix with the EXIF and IPTC fields above.
 */
async function readAltText(data: Buffer): Promise<string | undefined> {
  let xmp: Record<string, any> | undefined
  try {
    xmp = await exifr.parse(data, {
      tiff: false,
      exif: false,
      gps: false,
      iptc: false,
      icc: false,
      xmp: true,
      mergeOutput: false,
      reviveValues: false,
      translateValues: false,
    })
  } catch {
    return undefined
  }
  const value = xmp?.Iptc4xmpCore?.AltTextAccessibility
  const entries: { lang?: string; value?: unknown }[] = (Array.isArray(value) ? value : [value])
    .filter((entry) => entry != null)
    .map((entry) => (typeof entry === 'object' ? entry : { value: entry }))
  const chosen =
    entries.find((entry) => /^zh/i.test(entry.lang ?? '')) ??
    entries.find((entry) => !entry.lang || entry.lang === 'x-default') ??
    entries[0]
  return text(chosen?.value)
}

/** EXIF dates are "YYYY:MM:DD HH:MM:SS" in the camera's local time, kept as written (as UTC). */
function exifDate(value: unknown): Date | undefined {
  if (value instanceof Date) return value
  if (typeof value !== 'string') return undefined
  const match = /^(\d{4})[:-](\d{2})[:-](\d{2})(?:[ T](\d{2}):(\d{2}):(\d{2}))?/.exec(value.trim())
  if (!match) return undefined
  const [, y, mo, d, h = '00', mi = '00', s = '00'] = match
  return new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}.000Z`)
}
