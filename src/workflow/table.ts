/**
 * The editorial workflow as one table: states, review stages per collection, and who may take each
 * action from which state. Access, validation, the admin buttons and the tests read this file;
 * nothing else decides who may do what.
 */
import type { Role } from '../access/roles'
import { label, type Bilingual } from '../config/i18n'

export const STATES = ['draft', 'in_review', 'approved', 'published', 'withdrawn'] as const
export type State = (typeof STATES)[number]

export const STATE_LABELS: Record<State, Bilingual> = {
  draft: label('草稿', 'Draft'),
  in_review: label('审核中', 'In review'),
  approved: label('待发布', 'Approved'),
  published: label('已发布', 'Published'),
  withdrawn: label('已撤稿', 'Withdrawn'),
}

export const ACTIONS = ['submit', 'approve', 'reject', 'publish', 'withdraw', 'correct'] as const
export type Action = (typeof ACTIONS)[number]

export const ACTION_LABELS: Record<Action, Bilingual> = {
  submit: label('送审', 'Submit for review'),
  approve: label('通过', 'Approve'),
  reject: label('退回', 'Reject'),
  publish: label('发布', 'Publish'),
  withdraw: label('撤稿', 'Withdraw'),
  correct: label('更正', 'Correct'),
}

export type Stage = { key: string; label: Bilingual; roles: Role[] }

/**
 * Who acts: a person's roles, or the scheduler, which carries out timed actions a chief editor
 * already decided. The scheduler is an actor of the table like any role: it may take exactly the
 * actions whose `who` names it.
 */
export type ActorRole = Role | 'scheduler'

/** 三审: three stages for articles, each its own desk. */
const ARTICLE_STAGES: Stage[] = [
  {
    key: 'first-review',
    label: label('初审', 'First review'),
    roles: ['editor', 'reviewer', 'chief-editor', 'admin'],
  },
  {
    key: 'second-review',
    label: label('复审', 'Second review'),
    roles: ['reviewer', 'chief-editor', 'admin'],
  },
  { key: 'final-review', label: label('终审', 'Final review'), roles: ['chief-editor', 'admin'] },
]

const SINGLE_STAGE: Stage[] = [
  { key: 'review', label: label('审核', 'Review'), roles: ['reviewer', 'chief-editor', 'admin'] },
]

export const WORKFLOW_COLLECTIONS = [
  'articles',
  'photos',
  'projects',
  'data-sources',
  'columns',
] as const
export type WorkflowCollection = (typeof WORKFLOW_COLLECTIONS)[number]

export type CollectionWorkflow = {
  stages: Stage[]
  /** Who may submit besides the item's creator. */
  submitters: Role[]
  /** Fields that must be filled before the item can be submitted (beyond what saving needs). */
  requiredForReview?: { field: string; label: Bilingual }[]
}

export const WORKFLOWS: Record<WorkflowCollection, CollectionWorkflow> = {
  articles: { stages: ARTICLE_STAGES, submitters: ['editor', 'chief-editor', 'admin'] },
  photos: {
    stages: SINGLE_STAGE,
    submitters: ['photographer', 'editor', 'chief-editor', 'admin'],
    requiredForReview: [
      { field: 'caption', label: label('图片说明', 'caption') },
      { field: 'credit', label: label('摄影', 'credit') },
    ],
  },
  projects: { stages: SINGLE_STAGE, submitters: ['editor', 'chief-editor', 'admin'] },
  'data-sources': { stages: SINGLE_STAGE, submitters: ['editor', 'chief-editor', 'admin'] },
  columns: { stages: SINGLE_STAGE, submitters: ['chief-editor', 'admin'] },
}

/**
 * Each action: the states it starts from, who may take it (`stage` means the roles of the current
 * review stage), what it needs, and where it leads (`next-stage`: the next stage, or approved after
 * the last one).
 */
export type Rule = {
  from: State[]
  who: 'submitters' | 'stage' | ActorRole[]
  to: State | 'next-stage' | 'first-stage'
  comment?: 'required'
  schedule?: 'publishAt' | 'withdrawAt'
  /** Never the revision's author, nor anyone who approved an earlier stage of it. */
  independent?: boolean
}

export const RULES: Record<Action, Rule> = {
  submit: { from: ['draft'], who: 'submitters', to: 'first-stage' },
  approve: { from: ['in_review'], who: 'stage', to: 'next-stage', independent: true },
  reject: {
    from: ['in_review'],
    who: 'stage',
    to: 'draft',
    comment: 'required',
    independent: true,
  },
  publish: {
    from: ['approved'],
    who: ['chief-editor', 'admin', 'scheduler'],
    to: 'published',
    schedule: 'publishAt',
  },
  withdraw: {
    from: ['published'],
    who: ['chief-editor', 'admin', 'scheduler'],
    to: 'withdrawn',
    comment: 'required',
    schedule: 'withdrawAt',
  },
  // 更正: a small fix to live text, published at once with a public note, signed by a chief editor
  // who did not make it. It acts on the live version and its pending revision (engine.ts).
  correct: {
    from: ['published'],
    who: ['chief-editor', 'admin'],
    to: 'published',
    comment: 'required',
    independent: true,
  },
}

export const isWorkflowCollection = (slug: string): slug is WorkflowCollection =>
  (WORKFLOW_COLLECTIONS as readonly string[]).includes(slug)

export const stagesOf = (collection: WorkflowCollection) => WORKFLOWS[collection].stages

export function stageLabel(
  collection: WorkflowCollection,
  key: string | null | undefined,
): Bilingual | undefined {
  return stagesOf(collection).find((stage) => stage.key === key)?.label
}
