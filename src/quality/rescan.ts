import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  PayloadRequest,
  TaskConfig,
} from 'payload'

import { notifyUsers, usersWithRoles } from '../workflow/notify'
import { loadLinkedRecords, loadTerms, runChecks } from './checks'
import { loadProofLists } from './proof'

/** Any change to the term list queues one rescan of what is already published. */
export const queueRescan: CollectionAfterChangeHook & CollectionAfterDeleteHook = async ({
  req,
  doc,
}) => {
  await req.payload.jobs.queue({
    task: 'rescanPublished',
    queue: 'workflow',
    input: { reason: String(doc?.term ?? doc?.wrong ?? doc?.name ?? '') },
    req,
  })
  return doc
}

/**
 * Scans every published article against the current term list and writes a report of what now
 * matches, with a notification for each chief editor.
 */
export const rescanPublishedTask: TaskConfig<'rescanPublished'> = {
  slug: 'rescanPublished',
  label: '敏感词复查 (rescan published content)',
  retries: 2,
  inputSchema: [{ name: 'reason', type: 'text' }],
  handler: async ({ input, req }) => {
    const report = await rescanPublished(req, input.reason ?? '')
    return { output: { reportId: String(report.id) } }
  },
}

/** Every published article, fifty at a time; returns how many there were. */
export async function forEachPublishedArticle(
  req: PayloadRequest,
  each: (articles: Record<string, any>[]) => Promise<void>,
): Promise<number> {
  let scanned = 0
  for (let page = 1; ; page += 1) {
    const { docs, hasNextPage } = await req.payload.find({
      collection: 'articles',
      where: { _status: { equals: 'published' } },
      depth: 0,
      limit: 50,
      page,
      req,
      overrideAccess: true,
    })
    await each(docs as Record<string, any>[])
    scanned += docs.length
    if (!hasNextPage) break
  }
  return scanned
}

export async function rescanPublished(req: PayloadRequest, reason: string) {
  const terms = await loadTerms(req)
  // The register, typo pairs and wording rules once for the whole rescan; links have their own
  // nightly check (quality/linkJob.ts).
  const lists = await loadProofLists(req)
  const matches: {
    id: number | string
    title: string
    terms: { term: string; severity: string; place: string }[]
  }[] = []
  const scanned = await forEachPublishedArticle(req, async (docs) => {
    // The page's linked projects and data sources in two queries, not two per article.
    const records = await loadLinkedRecords(req, docs)
    for (const article of docs) {
      const checks = await runChecks(req, article, {
        terms,
        records,
        lists,
        links: 'skip',
        photos: false,
      })
      const hits = [
        ...checks.terms.block.map((h) => ({ term: h.term, severity: h.severity, place: h.place })),
        ...checks.terms.warn.map((h) => ({ term: h.term, severity: h.severity, place: h.place })),
        ...(['wording', 'typos', 'officials'] as const).flatMap((key) =>
          checks[key].map((f) => ({ term: f.text, severity: f.severity, place: f.place })),
        ),
      ]
      if (hits.length) matches.push({ id: article.id, title: article.title, terms: hits })
    }
  })
  const summary = `审读词表变更${reason ? `(${reason})` : ''}后复查:${scanned} 篇已发布文章,${matches.length} 篇命中`
  const report = await req.payload.create({
    collection: 'quality-reports',
    data: { summary, scanned, matches },
    req,
    overrideAccess: true,
  })
  await notifyUsers(req, await usersWithRoles(req, ['chief-editor', 'admin']), {
    kind: 'quality',
    title: summary,
    message:
      matches.map((m) => `「${m.title}」:${m.terms.map((t) => t.term).join('、')}`).join('\n') ||
      '无命中',
    collectionSlug: 'quality-reports',
    documentId: String(report.id),
  })
  return report
}
