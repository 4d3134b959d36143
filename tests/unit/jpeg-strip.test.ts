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
    expect(markers(output).filter((m) => m >= 0xe0 && m <= 0xef)).toEqual(expect.not.arrayContaining([0xe1, 0xed]))
    expect(markers(output)).toContain(0xe2)
    expect((await sharp(output).raw().toBuffer()).equals(await sharp(input).raw().toBuffer())).toBe(true)
  })

  it('should give up on anything that is not a well-formed JPEG', () => {
    expect(stripJpegMetadata(Buffer.from('not a jpeg'))).toBeNull()
    expect(stripJpegMetadata(Buffer.from([0xff, 0xd8, 0xff, 0xe1, 0xff, 0xff]))).toBeNull()
    expect(stripJpegMetadata(Buffer.from([0xff, 0xd8, 0x00, 0x00, 0x00]))).toBeNull()
  })
})
