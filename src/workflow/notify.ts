import type { PayloadRequest } from 'payload'

import type { Notification } from '../../payload-types'

import type { Role } from '../access/roles'
import { serverUrl } from '../config/env'
import { relationId, sameId, type Id } from '../fields/relation'
import { titleOf } from './events'
import { asEngine } from './context'
import type { Effect, Listener, Mail } from './steps'
import { ACTION_LABELS, stagesOf, type Action, type State, type WorkflowCollection } from './table'

/** Emails wait here until the transaction has committed; see sendOutbox. */
export type Outbox = Mail[]

/** The workflow effect: tell whoever acts next (and the author), in the transition's transaction. */
export const notifyNextDesk: Effect = ({
  req,
  collection,
  saved,
  action,
  to,
  history,
  comment,
  outbox,
}) => notifyAfterTransition(req, { collection, doc: saved!, action, to, history, comment, outbox })

/** The workflow listener: the transition's emails go out once it has committed. */
export const sendWorkflowEmail: Listener = ({ req, outbox }) => sendOutbox(req, outbox)

type Kind = 'review' | 'publish' | 'rejected' | 'published' | 'withdrawn'

/**
 * In-app notifications for whoever can act next (reviewers of the next stage, or the publishers),
 * and for the author on reject, publish and withdrawal. Written in the transition's transaction.
 */
async function notifyAfterTransition(
  req: PayloadRequest,
  args: {
    collection: WorkflowCollection
    doc: Record<string, any> & { id: Id }
    action: Action
    to: { state: State; stage: string | null }
    history: { submittedBy: Id | null; approvedBy: Id[] }
    comment: string | null
    outbox?: Outbox
  },
) {
  const { collection, doc, action, to, history, comment } = args
  const actorId = req.user?.collection === 'users' ? req.user.id : null
  const author = relationId(doc.createdBy)
  const submitter = action === 'submit' ? actorId : history.submittedBy
  const title = titleOf(doc)
  const authors = [author, submitter].filter((id): id is Id => id != null)

  let kind: Kind
  let recipients: Id[]
  if (to.state === 'in_review') {
    const stage = stagesOf(collection).find((s) => s.key === to.stage)!
    const excluded = [...authors, ...history.approvedBy, actorId]
    recipients = (await usersWithRoles(req, stage.roles)).filter(
      (id) => !excluded.some((x) => sameId(x, id)),
    )
    kind = 'review'
  } else if (to.state === 'approved') {
    recipients = (await usersWithRoles(req, ['chief-editor', 'admin'])).filter(
      (id) => !sameId(id, actorId),
    )
    kind = 'publish'
  } else if (action === 'reject') {
    recipients = authors
    kind = 'rejected'
  } else if (action === 'publish') {
    recipients = authors
    kind = 'published'
  } else if (action === 'withdraw') {
    recipients = authors
    kind = 'withdrawn'
  } else {
    return
  }
  recipients = [...new Map(recipients.map((id) => [String(id), id])).values()]
  if (!recipients.length) return

  const stageName = to.stage
    ? stagesOf(collection).find((s) => s.key === to.stage)?.label.zh
    : undefined
  const headline = {
    review: `待您${stageName ?? '审核'}:${title}`,
    publish: `待发布:${title}`,
    rejected: `稿件被退回:${title}`,
    published: `已发布:${title}`,
    withdrawn: `已撤稿:${title}`,
  }[kind]
  const message = [
    `${ACTION_LABELS[action].zh}${comment ? `,意见:${comment}` : ''}`,
    `${serverUrl()}/admin/collections/${collection}/${doc.id}`,
  ].join('\n')

  await notifyUsers(req, recipients, {
    kind,
    title: headline,
    message,
    collectionSlug: collection,
    documentId: String(doc.id),
  })

  if (args.outbox) {
    const { docs } = await req.payload.find({
      collection: 'users',
      where: { id: { in: recipients } },
      select: { email: true },
      depth: 0,
      pagination: false,
      req,
      overrideAccess: true,
    })
    for (const user of docs)
      args.outbox.push({ to: user.email, subject: `[Newsdesk] ${headline}`, text: message })
  }
}

/** One in-app notification for each recipient, written as the engine in the caller's transaction. */
export async function notifyUsers(
  req: PayloadRequest,
  recipients: Id[],
  note: Omit<Notification, 'id' | 'recipient' | 'read' | 'createdAt' | 'updatedAt'>,
) {
  await asEngine(req, async () => {
    for (const recipient of recipients) {
      await req.payload.create({
        collection: 'notifications',
        // Typed as SQLite's numbers; MongoDB's ids are strings and are stored as given.
        data: { ...note, recipient: recipient as number },
        req,
        depth: 0,
        overrideAccess: true,
      })
    }
  })
}

/** The ids of every user holding one of these roles. */
export async function usersWithRoles(req: PayloadRequest, roles: Role[]): Promise<Id[]> {
  const { docs } = await req.payload.find({
    collection: 'users',
    where: { roles: { in: roles } },
    select: {},
    depth: 0,
    pagination: false,
    req,
    overrideAccess: true,
  })
  return docs.map((user) => user.id)
}

/** Sends the queued emails after commit; a failing mail server never undoes a transition. */
async function sendOutbox(req: PayloadRequest, outbox: Outbox) {
  for (const mail of outbox) {
    try {
      await req.payload.sendEmail({ to: mail.to, subject: mail.subject, text: mail.text })
    } catch (error) {
      req.payload.logger.warn({ err: error, msg: `workflow email to ${mail.to} failed` })
    }
  }
}
