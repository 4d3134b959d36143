import sharp from 'sharp'

import { stripJpegMetadata } from '../../src/photodesk/jpegStrip'
import { cameraJpeg } from '../helpers/images'

const markers = (jpeg: Buffer) => {
  const found: number[] = []
  let offset = 2
  while (offset < jpeg.length && jpeg[offset] === 0xff && jpeg[offset + 1] !== 0xda) {
    found.push(jpeg[offset + 1]!)
    offset += 2 + jpeg.readUInt16BE(offset + 2)
  }
  return found
}

describe('stripJpegMetadata', () => {
  it('should drop EXIF, XMP, IPTC and comments and keep JFIF, ICC and the image', async () => {
    const input = await cameraJpeg({ gps: { latitude: 1, longitude: 2 }, iptc: { caption: 'x' } })
    expect(markers(input)).toEqual(expect.arrayContaining([0xe1, 0xed, 0xe2]))
    const output = stripJpegMetadata(input)!
    expect(markers(output).filter((m) => m >= 0xe0 && m <= 0xef)).toEqual(
      expect.not.arrayContaining([0xe1, 0xed]),
    )
    expect(markers(output)).toContain(0xe2)
    expect((await sharp(output).raw().toBuffer()).equals(await sharp(input).raw().toBuffer())).toBe(
      true,
    )
  })

  it('should give up on anything that is not a well-formed JPEG', () => {
    expect(stripJpegMetadata(Buffer.from('not a jpeg'))).toBeNull()
    expect(stripJpegMetadata(Buffer.from([0xff, 0xd8, 0xff, 0xe1, 0xff, 0xff]))).toBeNull()
    expect(stripJpegMetadata(Buffer.from([0xff, 0xd8, 0x00, 0x00, 0x00]))).toBeNull()
  })
})

describe('what follows the first scan', () => {
  const gpsTag = Buffer.from('Exif\0\0')

  it('should cut at end-of-image, dropping an appended EXIF-bearing image', async () => {
    const first = await cameraJpeg({ gps: { latitude: 36.5, longitude: 103.6 } })
    const preview = await cameraJpeg({
      width: 160,
      height: 120,
      gps: { latitude: 36.5, longitude: 103.6 },
    })
    const output = stripJpegMetadata(Buffer.concat([first, preview]))!
    expect(output).not.toBeNull()
    expect(output.includes(gpsTag)).toBe(false)
    expect(output.subarray(-2).equals(Buffer.from([0xff, 0xd9]))).toBe(true)
    expect((await sharp(output).raw().toBuffer()).equals(await sharp(first).raw().toBuffer())).toBe(
      true,
    )
  })

  it('should drop an application segment placed between progressive scans, and keep the scans', async () => {
    const progressive = await sharp(await cameraJpeg())
      .jpeg({ progressive: true })
      .toBuffer()
    // Slip an EXIF segment in just before the second scan header.
    const sos = progressive.indexOf(
      Buffer.from([0xff, 0xda]),
      progressive.indexOf(Buffer.from([0xff, 0xda])) + 2,
    )
    const app1 = Buffer.concat([Buffer.from([0xff, 0xe1, 0x00, 0x0a]), gpsTag, Buffer.from([0, 0])])
    const tampered = Buffer.concat([progressive.subarray(0, sos), app1, progressive.subarray(sos)])
    const output = stripJpegMetadata(tampered)!
    expect(output.includes(gpsTag)).toBe(false)
    expect(
      (await sharp(output).raw().toBuffer()).equals(await sharp(progressive).raw().toBuffer()),
    ).toBe(true)
  })

  it('should give up on a file with no end-of-image marker', async () => {
    const whole = await cameraJpeg()
    expect(stripJpegMetadata(whole.subarray(0, whole.length - 2))).toBeNull()
  })
})
