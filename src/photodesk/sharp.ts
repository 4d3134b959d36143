import sharp, { type SharpOptions } from 'sharp'

/**
 * The most pixels any image may decode to: 50 megapixels by default (MAX_IMAGE_MEGAPIXELS), room
 * for any camera the office uses. sharp's own default is 268 MP, and a small file can claim far
 * more than it holds (a "decompression bomb"), tying up the server's memory and a core.
 */
export const maxInputPixels = () => {
  const mp = Number(process.env.MAX_IMAGE_MEGAPIXELS || 50)
  return Math.round((Number.isFinite(mp) && mp > 0 ? mp : 50) * 1_000_000)
}

// libvips keeps up to 50 MB of decoded images for reuse; a server that resizes each upload once
// gains nothing from it and keeps the memory (bench -- load). A little is kept for the sizes.
sharp.cache({ memory: 16, files: 0, items: 20 })

/** sharp with the pixel limit on every call: ours, and Payload's sizes (payload.config's `sharp`). */
export const limitedSharp = ((input?: Parameters<typeof sharp>[0], options?: SharpOptions) =>
  sharp(input as never, {
    ...options,
    limitInputPixels: maxInputPixels(),
  })) as unknown as typeof sharp

export const exceedsPixelLimit = (error: unknown) =>
  /pixel limit/i.test(String((error as Error)?.message))
