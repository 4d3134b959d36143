/**
 * `npm run doctor`: the invariants a crash, a bad restore or a hand edit could break, checked on a
 * database an office runs. Each violation names the document and what is wrong:
 * - the live row's `workflowState` agrees with its `_status` (published ⇔ published; withdrawn is
 *   not live);
 * - each document's newest revision is in the state its last workflow event says, and any document
 *   past draft has events (no change without its event, no event without its change);
 * - a live article's photos went live with it (published, or withdrawn since);
 * - every photo's files exist, and the media folder holds no file no photo owns and no temporary
 *   file an interrupted upload left;
 * - a scheduled action ran once: the scheduler recorded no action twice for one time, and no
 *   scheduled publication is more than a minute overdue.
 */
import fs from 'node:fs'
import path from 'node:path'

import type { Payload } from 'payload'

import { mediaDir } from '../config/env'
import { photosUsedBy } from '../workflow/photos'
import { WORKFLOW_COLLECTIONS, type WorkflowCollection } from '../workflow/table'

export type Violation = {
  rule:
    | 'state-status'
    | 'event-state'
    | 'missing-events'
    | 'photos-not-live'
    | 'missing-file'
    | 'orphan-file'
    | 'temp-file'
    | 'scheduled-twice'
    | 'schedule-missed'
  collection?: string
  id?: string | number
  message: string
}

const PAGE = 500
type Row = Record<string, any>

async function* all(
  payload: Payload,
  collection: WorkflowCollection | 'workflow-events',
  draft = false,
): AsyncGenerator<Row> {
  for (let page = 1; ; page++) {
    const result = await payload.find({
      collection,
      draft,
      depth: 0,
      limit: PAGE,
      page,
      sort: 'id',
      overrideAccess: true,
    })
    for (const doc of result.docs) yield doc as Row
    if (!result.hasNextPage) return
  }
}

/** A violation as the commands print it: rule, document, sentence. */
export const describeViolation = (v: Violation) =>
  `✗ [${v.rule}]${v.collection ? ` ${v.collection}#${v.id}` : ''} ${v.message}`

export async function runDoctor(payload: Payload): Promise<Violation[]> {
  const violations: Violation[] = []
  const add = (v: Violation) => violations.push(v)

  // The last event of every document, and what the scheduler did, in one pass over the events.
  const lastEvent = new Map<string, Row>()
  const scheduled = new Map<string, { event: Row; count: number }>()
  for await (const event of all(payload, 'workflow-events')) {
    const key = `${event.collection}:${event.documentId}`
    const previous = lastEvent.get(key)
    if (!previous || String(previous.at) <= String(event.at)) lastEvent.set(key, event)
    if (event.actorType === 'scheduler' && event.scheduledFor) {
      const once = `${key}:${event.action}:${event.scheduledFor}`
      scheduled.set(once, { event, count: (scheduled.get(once)?.count ?? 0) + 1 })
    }
  }
  for (const { event, count } of scheduled.values()) {
    if (count < 2) continue
    add({
      rule: 'scheduled-twice',
      collection: event.collection,
      id: event.documentId,
      message: `定时操作 ${event.action}(定于 ${event.scheduledFor})执行了 ${count} 次 (scheduled action ran ${count} times)`,
    })
  }

  const livePhotoIds = new Map<string, Set<string>>()
  for (const collection of WORKFLOW_COLLECTIONS) {
    for await (const live of all(payload, collection)) {
      const published = live._status === 'published'
      if (published !== (live.workflowState === 'published')) {
        add({
          rule: 'state-status',
          collection,
          id: live.id,
          message: `流程状态为 ${live.workflowState},发布状态为 ${live._status} (workflowState and _status disagree)`,
        })
      }
      if (collection === 'articles' && published) {
        for (const photo of photosUsedBy(live)) {
          const ids = livePhotoIds.get(String(photo)) ?? new Set<string>()
          ids.add(String(live.id))
          livePhotoIds.set(String(photo), ids)
        }
      }
    }
    for await (const latest of all(payload, collection, true)) {
      const event = lastEvent.get(`${collection}:${latest.id}`)
      const state = latest.workflowState ?? 'draft'
      // A scheduled publication a minute overdue never ran (its job was lost).
      const due = latest.publishAt ? new Date(latest.publishAt).getTime() : NaN
      if (state === 'approved' && due < Date.now() - 60_000)
        add({
          rule: 'schedule-missed',
          collection,
          id: latest.id,
          message: `定于 ${latest.publishAt} 发布,却仍未发布 (a scheduled publication never ran)`,
        })
      if (!event) {
        if (state !== 'draft')
          add({
            rule: 'missing-events',
            collection,
            id: latest.id,
            message: `处于 ${state},却没有任何流程记录 (no workflow events)`,
          })
        continue
      }
      const stage = latest.reviewStage ?? null
      if (event.toState !== state || (event.toStage ?? null) !== stage) {
        add({
          rule: 'event-state',
          collection,
          id: latest.id,
          message: `最新版本为 ${state}${stage ? `/${stage}` : ''},最后一条流程记录(${event.action})却是 ${event.toState}${event.toStage ? `/${event.toStage}` : ''} (the last event disagrees with the state)`,
        })
      }
    }
  }

  // Photos of live articles, and every photo's files.
  const owned = new Set<string>()
  for await (const photo of all(payload, 'photos')) {
    const articles = livePhotoIds.get(String(photo.id))
    if (articles && !['published', 'withdrawn'].includes(photo.workflowState)) {
      add({
        rule: 'photos-not-live',
        collection: 'photos',
        id: photo.id,
        message: `已发布的文章 ${[...articles].join('、')} 使用了这张图片,但它是 ${photo.workflowState} (a live article's photo is not live)`,
      })
    }
    const files = [photo.filename, ...Object.values(photo.sizes ?? {}).map((s: any) => s?.filename)]
    for (const file of files.filter(Boolean)) {
      owned.add(file)
      if (!fs.existsSync(path.join(mediaDir(), file)))
        add({
          rule: 'missing-file',
          collection: 'photos',
          id: photo.id,
          message: `文件 ${file} 不存在 (file missing from the media folder)`,
        })
    }
  }
  // Files of older versions belong to their photo too (a restored version shows them again).
  for (let page = 1; ; page++) {
    const versions = await payload.findVersions({
      collection: 'photos',
      limit: PAGE,
      page,
      depth: 0,
      overrideAccess: true,
    })
    for (const version of versions.docs as Row[]) {
      const doc = version.version ?? {}
      for (const file of [
        doc.filename,
        ...Object.values(doc.sizes ?? {}).map((s: any) => s?.filename),
      ])
        if (file) owned.add(file)
    }
    if (!versions.hasNextPage) break
  }
  if (fs.existsSync(mediaDir())) {
    for (const entry of fs.readdirSync(mediaDir(), { withFileTypes: true })) {
      if (!entry.isFile()) continue
      if (/^\.|\.tmp$|\.part$|~$/.test(entry.name))
        add({
          rule: 'temp-file',
          message: `媒体目录中有临时文件 ${entry.name} (temporary file left behind)`,
        })
      else if (!owned.has(entry.name))
        add({
          rule: 'orphan-file',
          message: `媒体目录中的 ${entry.name} 不属于任何图片 (orphaned upload)`,
        })
    }
  }
  return violations
}
