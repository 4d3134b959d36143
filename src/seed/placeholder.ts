import sharp from 'sharp'

/**
 * A placeholder photograph for a caption: a sky-to-ground gradient with a skyline, coloured by the
 * caption so each slot is told apart. No text, so no font is needed.
 */
export async function placeholderJpeg(seed: string, width = 1200, height = 800): Promise<Buffer> {
  const hue = [...seed].reduce((sum, ch) => (sum * 31 + ch.codePointAt(0)!) % 360, 7)
  const blocks = Array.from({ length: 9 }, (_, i) => {
    const w = width / 9
    const h = height * (0.18 + (((hue + i * 47) % 100) / 100) * 0.35)
    return `<rect x="${i * w + 6}" y="${height - h}" width="${w - 12}" height="${h}" fill="hsl(${hue},30%,${28 + (i % 3) * 6}%)"/>`
  }).join('')
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="hsl(${(hue + 180) % 360},60%,78%)"/><stop offset="1" stop-color="hsl(${hue},45%,88%)"/>
    </linearGradient></defs>
    <rect width="100%" height="100%" fill="url(#sky)"/>${blocks}</svg>`
  return sharp(Buffer.from(svg)).jpeg({ quality: 80 }).toBuffer()
}
