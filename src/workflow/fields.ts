import type { Access, Field, FieldAccess, PayloadRequest } from 'payload'

import { staffOnlyField } from '../access/roles'
import { label } from '../config/i18n'
import { STATE_LABELS, STATES } from './table'

/** Set on `req.context` by the engine alone: the only writer of the workflow fields. */
export const WORKFLOW_CONTEXT = 'newsdeskWorkflow'

export const byWorkflowEngine = (req: PayloadRequest) => req.context?.[WORKFLOW_CONTEXT] === true

/** Runs `work` as the engine (so the workflow fields and engine-only rows may be written), then restores the flag. */
export async function asEngine<T>(req: PayloadRequest, work: () => Promise<T>): Promise<T> {
  const previous = req.context[WORKFLOW_CONTEXT]
  req.context[WORKFLOW_CONTEXT] = true
  try {
    return await work()
  } finally {
    req.context[WORKFLOW_CONTEXT] = previous
  }
}

/** The id of a document's newest version (the one a transition just wrote). */
export async function latestVersionId(req: PayloadRequest, collection: string, id: number | string): Promise<string | null> {
  const { docs } = await req.payload.findVersions({
    collection: collection as 'articles',
    where: { parent: { equals: id } },
    sort: '-updatedAt',
    limit: 1,
    depth: 0,
    select: {},
    req,
    overrideAccess: true,
  })
  return docs[0] ? String(docs[0].id) : null
}

const engineOnly: FieldAccess = ({ req }) => byWorkflowEngine(req)
/** Staff read the workflow fields; only the engine writes them. */
const ENGINE_WRITES = { create: engineOnly, update: engineOnly, read: staffOnlyField }

/** Rows only the engine may create (events, notifications). */
export const createdByEngine: Access = ({ req }) => byWorkflowEngine(req)

/**
 * The two workflow fields every document shows staff, plus the scheduled times. No API request can
 * set them: their create/update access admits only the engine's context flag.
 */
export const workflowFields = (): Field[] => [
  {
    name: 'workflowState',
    type: 'select',
    index: true,
    defaultValue: 'draft',
    label: label('流程状态', 'Workflow state'),
    options: STATES.map((state) => ({ value: state, label: STATE_LABELS[state] })),
    access: ENGINE_WRITES,
    admin: {
      position: 'sidebar',
      readOnly: true,
      components: { Cell: '/src/workflow/admin/StateCell#StateCell' },
    },
  },
  {
    name: 'reviewStage',
    type: 'text',
    index: true,
    label: label('审核环节', 'Review stage'),
    access: ENGINE_WRITES,
    admin: {
      position: 'sidebar',
      readOnly: true,
      components: { Cell: '/src/workflow/admin/StageCell#StageCell' },
    },
  },
  {
    name: 'publishAt',
    type: 'date',
    label: label('定时发布', 'Scheduled publication'),
    access: ENGINE_WRITES,
    admin: { position: 'sidebar', readOnly: true, date: { pickerAppearance: 'dayAndTime' } },
  },
  {
    name: 'withdrawAt',
    type: 'date',
    label: label('定时撤稿', 'Scheduled withdrawal'),
    access: ENGINE_WRITES,
    admin: { position: 'sidebar', readOnly: true, date: { pickerAppearance: 'dayAndTime' } },
  },
]
