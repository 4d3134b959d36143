import type { CollectionAfterReadHook, Field } from 'payload'

import { serverUrl } from '../../../src/config/env'
import { label } from '../../../src/config/i18n'
import { loadPhotos } from '../../../src/content/loadPhotos'
import { relationId } from '../../../src/fields/relation'

/** schema.org NewsArticle for downstream sites to embed as JSON-LD: declared here, filled below. */
export const structuredDataField = (): Field => ({
  name: 'structuredData',
  type: 'json',
  virtual: true,
  label: label('结构化数据(JSON-LD)', 'Structured data (JSON-LD)'),
  admin: { hidden: true },
})

/** Who publishes, as schema.org names it (PUBLISHER_NAME; the office's name in production). */
const publisherName = () => process.env.PUBLISHER_NAME?.trim() || 'Newsdesk'

/**
 * NewsArticle with headline, datePublished (the first publication: it cannot be faked),
 * dateModified, author, publisher, the cover image with its caption, and each 更正 as a
 * CorrectionComment. The cover is loaded through the request dataloader with the reader's access.
 */
export const renderStructuredData: CollectionAfterReadHook = async ({ doc, req }) => {
  if (!doc || !('structuredData' in doc || 'title' in doc)) return doc
  const coverId = relationId(doc.coverPhoto)
  const cover =
    doc.coverPhoto && typeof doc.coverPhoto === 'object'
      ? doc.coverPhoto
      : coverId != null
        ? (await loadPhotos(req, [coverId], { asReader: true })).get(String(coverId))
        : undefined
  const url = (path: unknown) =>
    typeof path === 'string' && path.startsWith('/') ? `${serverUrl()}${path}` : path
  doc.structuredData = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: doc.title,
    ...(doc.slug
      ? { url: `${serverUrl()}/api/articles?where[slug][equals]=${encodeURIComponent(doc.slug)}` }
      : {}),
    datePublished: doc.firstPublishedAt ?? doc.publishedDate ?? undefined,
    dateModified: doc.updatedAt,
    ...(doc.byline ? { author: { '@type': 'Person', name: doc.byline } } : {}),
    publisher: { '@type': 'Organization', name: publisherName() },
    ...(cover
      ? {
          image: {
            '@type': 'ImageObject',
            url: url(cover.url),
            caption: cover.caption ?? undefined,
          },
        }
      : {}),
    ...(Array.isArray(doc.corrections) && doc.corrections.length
      ? {
          correction: doc.corrections.map((c: { at: string; note: string }) => ({
            '@type': 'CorrectionComment',
            text: c.note,
            datePublished: c.at,
          })),
        }
      : {}),
  }
  return doc
}
