/**
 * What each document contributes to search, and the hooks that keep the two indexes current:
 * - the staff index holds every document's newest revision, written on every save;
 * - the public index holds what readers may see, written when the live version changes (publish,
 *   correction: the workflow engine's saves, or a system write of a published document) and
 *   emptied of a document on withdrawal or deletion. A draft saved over a live document leaves
 *   the public row alone: the live item stays findable while its next revision is in review.
 * Both writes join the save's transaction.
 */
import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  Payload,
  PayloadRequest,
} from 'payload'

import { articleSegments } from '../content/segments'
import { byWorkflowEngine } from '../workflow/context'
import { normalizeForDisplay } from './normalize'
import { addUserWords, grams, tokens } from './segment'
import { dropRow, putRow, type IndexRow } from './store'

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim()
/** As shown in results: simplified characters, half-width forms, case kept, on one line. */
const display = (text: string) => oneLine(normalizeForDisplay(text))

/**
 * Between separate pieces of text (paragraphs, captions, a photo's place and credit): a space, so
 * that normalising (which joins a name broken across lines) never runs two pieces together.
 */
const PART = ' '

/** Title and text of a document for the index, or null for a collection that is not indexed. */
export function searchText(
  collection: string,
  doc: Record<string, any>,
): { title: string; body: string; slug?: string | null; date?: string | null } | null {
  switch (collection) {
    case 'articles': {
      const parts = articleSegments(doc).filter(
        (segment) => !segment.derived && segment.field !== 'title',
      )
      return {
        title: String(doc.title ?? ''),
        body: parts.map((segment) => segment.text).join(PART),
        slug: doc.slug ?? null,
        date: doc.publishedDate ?? null,
      }
    }
    case 'photos':
      return {
        title: String(doc.caption ?? ''),
        body: [doc.place, doc.credit, doc.alt !== doc.caption ? doc.alt : null]
          .filter(Boolean)
          .join(PART),
        date: doc.dateTaken ?? null,
      }
    case 'projects':
      return {
        title: String(doc.name ?? ''),
        body: [doc.company, doc.park, doc.location, doc.investment?.display]
          .filter(Boolean)
          .join(PART),
        slug: doc.slug ?? null,
      }
    default:
      return null
  }
}

export function indexRow(collection: string, doc: Record<string, any>): IndexRow | null {
  const text = searchText(collection, doc)
  if (!text) return null
  return {
    collection,
    id: doc.id,
    titleTokens: tokens(text.title).join(' '),
    bodyTokens: tokens(text.body).join(' '),
    titleGrams: grams(text.title).join(' '),
    bodyGrams: grams(text.body).join(' '),
    title: display(text.title),
    body: display(text.body),
    slug: text.slug,
    date: text.date,
  }
}

const isLive = (doc: Record<string, any>) =>
  doc._status === 'published' && doc.workflowState !== 'withdrawn'

/** Writes one document's rows: staff always; public as the live version changed, if it did. */
export async function indexDocument(
  payload: Payload,
  collection: string,
  doc: Record<string, any>,
  { req, live }: { req?: PayloadRequest; live: 'put' | 'drop' | 'keep' },
): Promise<void> {
  const row = indexRow(collection, doc)
  if (!row) return
  await putRow(payload, 'staff', row, req)
  if (live === 'put') await putRow(payload, 'public', row, req)
  if (live === 'drop') await dropRow(payload, 'public', collection, doc.id, req)
}

/** The office's names go into the segmenter's dictionary as they are saved. */
function learnWords(collection: string, doc: Record<string, any>) {
  if (collection === 'projects') addUserWords([doc.name, doc.company, doc.park])
  if (collection === 'articles') addUserWords(doc.topics ?? [])
}

export const indexForSearch: CollectionAfterChangeHook = async ({ doc, collection, req }) => {
  learnWords(collection.slug, doc)
  // The live version changes only by the engine (publish, correct, withdraw) or by a system write
  // of the document as a whole. Anything else saved is a draft revision: the public row stays.
  const system = byWorkflowEngine(req) || !req.user
  const live = !system
    ? 'keep'
    : isLive(doc)
      ? 'put'
      : doc.workflowState === 'withdrawn'
        ? 'drop'
        : 'keep'
  await indexDocument(req.payload, collection.slug, doc, { req, live })
  return doc
}

/** An official's name joins the segmenter's dictionary as it is registered. */
export const learnOfficialName: CollectionAfterChangeHook = ({ doc }) => {
  addUserWords([doc.name])
  return doc
}

export const unindexForSearch: CollectionAfterDeleteHook = async ({ id, collection, req }) => {
  await dropRow(req.payload, 'staff', collection.slug, id, req)
  await dropRow(req.payload, 'public', collection.slug, id, req)
}
