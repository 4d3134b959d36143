import sharp from 'sharp'

/** IPTC IIM datasets (record 2) as an APP13 "Photoshop 3.0" segment, which sharp cannot write. */
function iptcSegment(datasets: [number, string][]): Buffer {
  const records = Buffer.concat(
    datasets.map(([dataset, value]) => {
      const data = Buffer.from(value, 'utf8')
      const header = Buffer.from([
        0x1c,
        0x02,
        dataset,
        (data.length >> 8) & 0xff,
        data.length & 0xff,
      ])
      return Buffer.concat([header, data])
    }),
  )
  // Coded character set = UTF-8 (1:90), so readers decode the Chinese text right.
  const charset = Buffer.from([0x1c, 0x01, 0x5a, 0x00, 0x03, 0x1b, 0x25, 0x47])
  const iptc = Buffer.concat([charset, records])
  const padded = iptc.length % 2 ? Buffer.concat([iptc, Buffer.from([0])]) : iptc
  const resource = Buffer.concat([
    Buffer.from('8BIM', 'ascii'),
    Buffer.from([0x04, 0x04, 0x00, 0x00]), // resource 0x0404 (IPTC), empty name
    Buffer.from([
      (padded.length >>> 24) & 0xff,
      (padded.length >>> 16) & 0xff,
      (padded.length >>> 8) & 0xff,
      padded.length & 0xff,
    ]),
    padded,
  ])
  const body = Buffer.concat([Buffer.from('Photoshop 3.0\0', 'ascii'), resource])
  const length = body.length + 2
  return Buffer.concat([Buffer.from([0xff, 0xed, (length >> 8) & 0xff, length & 0xff]), body])
}

export type CameraImageOptions = {
  width?: number
  height?: number
  orientation?: number
  iptc?: {
    caption?: string
    byline?: string
    credit?: string
    copyright?: string
    keywords?: string[]
  }
  gps?: { latitude: number; longitude: number }
  /** IPTC alt text (Iptc4xmpCore:AltTextAccessibility), written as XMP the way Photo Mechanic does. */
  altText?: string
  serial?: string
  icc?: boolean
  /** Camera-like noise, so the JPEG is as large as a real photograph of that size. */
  noise?: boolean
}

const dms = (value: number) => {
  const abs = Math.abs(value)
  const d = Math.floor(abs)
  const m = Math.floor((abs - d) * 60)
  const s = Math.round(((abs - d) * 60 - m) * 60 * 100)
  return `${d}/1 ${m}/1 ${s}/100`
}

const xmlEscape = (text: string) =>
  text.replace(/[<>&"]/g, (ch) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[ch]!)

const altTextXmp = (altText: string) =>
  `<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/">` +
  `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about="" ` +
  `xmlns:Iptc4xmpCore="http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/"><Iptc4xmpCore:AltTextAccessibility>` +
  `<rdf:Alt><rdf:li xml:lang="x-default">${xmlEscape(altText)}</rdf:li></rdf:Alt>` +
  `</Iptc4xmpCore:AltTextAccessibility></rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>`

/**
 * A JPEG as a camera writes it: EXIF with date, camera, serial number and GPS, optional IPTC
 * caption/byline/credit, an orientation flag and an ICC profile. Made in the test, no fixtures.
 */
export async function cameraJpeg(options: CameraImageOptions = {}): Promise<Buffer> {
  const {
    width = 640,
    height = 480,
    orientation = 1,
    gps,
    serial = 'SN-0042-GS',
    icc = true,
  } = options
  const noise = options.noise ? { noise: { type: 'gaussian' as const, mean: 110, sigma: 25 } } : {}
  let image = sharp({
    create: { width, height, channels: 3, background: { r: 40, g: 120, b: 200 }, ...noise },
  })
    .composite([
      {
        input: Buffer.from(
          `<svg width="${width}" height="${height}"><rect x="0" y="0" width="${width / 4}" height="${height / 4}" fill="red"/></svg>`,
        ),
        top: 0,
        left: 0,
      },
    ])
    .withExif({
      IFD0: { Make: 'Nikon', Model: 'Z 8', Copyright: 'Lanzhou New Area Media Center' },
      IFD2: { DateTimeOriginal: '2023:05:10 09:30:00', BodySerialNumber: serial },
      ...(gps
        ? {
            IFD3: {
              GPSLatitudeRef: gps.latitude >= 0 ? 'N' : 'S',
              GPSLatitude: dms(gps.latitude),
              GPSLongitudeRef: gps.longitude >= 0 ? 'E' : 'W',
              GPSLongitude: dms(gps.longitude),
            },
          }
        : {}),
    })
  if (orientation !== 1) image = image.withMetadata({ orientation })
  if (options.altText) image = image.withXmp(altTextXmp(options.altText))
  if (icc) image = image.withIccProfile('p3')
  let jpeg = await image.jpeg({ quality: 85 }).toBuffer()
  if (options.iptc) {
    const { caption, byline, credit, copyright, keywords = [] } = options.iptc
    const sets: [number, string][] = []
    if (byline) sets.push([80, byline])
    if (credit) sets.push([110, credit])
    if (copyright) sets.push([116, copyright])
    if (caption) sets.push([120, caption])
    for (const keyword of keywords) sets.push([25, keyword])
    jpeg = Buffer.concat([jpeg.subarray(0, 2), iptcSegment(sets), jpeg.subarray(2)])
  }
  return jpeg
}
