/**
 * The user dictionary, loaded from the data: project, company and park names, column names,
 * article topics and the officials' names. Saves add their new names as they happen (indexer.ts
 * and the officials register's hook); this loads them all at start and before a reindex.
 */
import type { Payload } from 'payload'

import { addUserWords } from './segment'

export async function loadSearchDictionary(payload: Payload): Promise<number> {
  const words: (string | null | undefined)[] = []
  const all = async <T>(
    collection: 'projects' | 'columns' | 'articles' | 'officials',
    select: object,
  ) =>
    (
      await payload.find({
        collection,
        select: select as never,
        depth: 0,
        pagination: false,
        draft: true,
        overrideAccess: true,
      })
    ).docs as T[]
  for (const project of await all<{ name?: string; company?: string; park?: string }>('projects', {
    name: true,
    company: true,
    park: true,
  }))
    words.push(project.name, project.company, project.park)
  for (const column of await all<{ name?: string }>('columns', { name: true }))
    words.push(column.name)
  for (const article of await all<{ topics?: string[] | null }>('articles', { topics: true }))
    words.push(...(article.topics ?? []))
  for (const official of await all<{ name?: string }>('officials', { name: true }))
    words.push(official.name)
  return addUserWords(words)
}
