/**
 * Photo upload benchmark: a 12-megapixel camera JPEG (EXIF, GPS, IPTC, ICC) uploaded through
 * Payload with all its sizes, at concurrency 1 and 2, against bare sharp making the same six sizes
 * from the same file in the same run. The upload does more than the baseline: it checks the bytes,
 * reads EXIF/IPTC, strips the original, writes eight files and the database rows.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import sharp from 'sharp'

import { cameraJpeg } from '../../tests/helpers/images'

const ROUNDS = Number(process.env.BENCH_PHOTO_ROUNDS || 6)

type Result = { label: string; concurrency: number; perSecond: number }

async function timed(concurrency: number, rounds: number, work: (i: number) => Promise<unknown>) {
  let next = 0
  const started = performance.now()
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < rounds) await work(next++)
    }),
  )
  return rounds / ((performance.now() - started) / 1000)
}

/** The same six sizes from the same file, decoded once and resized in parallel, as Payload does. */
async function bareSharp(data: Buffer) {
  const original = sharp(data).rotate()
  const sizes = [
    { width: 320, height: 240, fit: 'inside' as const, withoutEnlargement: true },
    { width: 800, height: 533, fit: 'inside' as const, withoutEnlargement: true },
    { width: 1920, height: 1920, fit: 'inside' as const, withoutEnlargement: true },
  ]
  await Promise.all(
    sizes.flatMap((size) => [
      original.clone().resize(size).withMetadata().jpeg({ quality: 82 }).toBuffer(),
      original.clone().resize(size).withMetadata().webp({ quality: 80 }).toBuffer(),
    ]),
  )
}

export async function benchPhotos(): Promise<Result[]> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-bench-photos-'))
  process.env.DATABASE_URI = `file:${path.join(work, 'bench.db')}`
  process.env.MEDIA_DIR = path.join(work, 'media')
  process.env.NEWSDESK_JOBS = 'off'
  const image = await cameraJpeg({
    width: 4000,
    height: 3000,
    gps: { latitude: 36.5152, longitude: 103.6405 },
    iptc: { caption: '基准测试图片', credit: '兰州新区融媒体中心' },
    noise: true,
  })
  console.log(
    `photo: ${(image.length / 1024 / 1024).toFixed(1)} MB, 4000×3000 JPEG, ${ROUNDS} uploads per run`,
  )

  const config = await (await import('../../payload.config')).default
  const { getPayload } = await import('payload')
  const payload = await getPayload({ config })
  const user = await payload.create({
    collection: 'users',
    data: {
      email: 'bench@newsdesk.local',
      password: 'bench-password-1',
      name: 'bench',
      roles: ['photographer'],
    },
  })
  const upload = (i: number) =>
    payload.create({
      collection: 'photos',
      data: { caption: `基准 ${i}` },
      file: {
        data: image,
        mimetype: 'image/jpeg',
        name: `bench-${i}-${Math.random().toString(36).slice(2)}.jpg`,
        size: image.length,
      },
      user: { ...user, collection: 'users' },
      overrideAccess: false,
      draft: true,
      depth: 0,
    })

  await upload(-1) // warm-up: first use of every code path
  await bareSharp(image)
  const results: Result[] = []
  for (const concurrency of [1, 2]) {
    results.push({
      label: 'bare sharp',
      concurrency,
      perSecond: await timed(concurrency, ROUNDS, () => bareSharp(image)),
    })
    results.push({
      label: 'Newsdesk upload',
      concurrency,
      perSecond: await timed(concurrency, ROUNDS, upload),
    })
  }
  await payload.destroy()
  fs.rmSync(work, { recursive: true, force: true })

  console.log('\nscenario                     conc  images/s   vs bare sharp')
  for (const concurrency of [1, 2]) {
    const bare = results.find((r) => r.label === 'bare sharp' && r.concurrency === concurrency)!
    for (const r of results.filter((x) => x.concurrency === concurrency)) {
      const ratio = r.perSecond / bare.perSecond
      console.log(
        `${r.label.padEnd(28)} ${String(concurrency).padStart(4)}  ${r.perSecond.toFixed(2).padStart(8)}   ${(ratio * 100).toFixed(0).padStart(5)} %`,
      )
    }
  }
  for (const concurrency of [1, 2]) {
    const bare = results.find((r) => r.label === 'bare sharp' && r.concurrency === concurrency)!
    const ours = results.find(
      (r) => r.label === 'Newsdesk upload' && r.concurrency === concurrency,
    )!
    const ratio = ours.perSecond / bare.perSecond
    console.log(
      `target ≥ 70 % of bare sharp at concurrency ${concurrency}: ${(ratio * 100).toFixed(0)} % ${ratio >= 0.7 ? 'MET' : 'NOT MET'}`,
    )
  }
  return results
}
