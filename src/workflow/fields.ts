import type { Field, FieldAccess } from 'payload'

import { staffOnlyField } from '../access/roles'
import { label } from '../config/i18n'
import { byWorkflowEngine } from './context'
import { STATE_LABELS, STATES } from './table'

const engineOnly: FieldAccess = ({ req }) => byWorkflowEngine(req)
/** Staff read the workflow fields; only the engine writes them. */
const ENGINE_WRITES = { create: engineOnly, update: engineOnly, read: staffOnlyField }

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
    // Everyone who saved the revision since the last published version (the creator of a new
    // item first): none of them may approve or reject it. Kept by resetWorkflowOnEdit.
    name: 'revisionContributors',
    type: 'relationship',
    relationTo: 'users',
    hasMany: true,
    label: label('本稿修改人', 'Changed this revision'),
    access: ENGINE_WRITES,
    admin: { position: 'sidebar', readOnly: true },
  },
  {
    // Who made the latest version (a save, or a workflow action): named when a reviewer's copy
    // turns out stale.
    name: 'lastChangedBy',
    type: 'relationship',
    relationTo: 'users',
    label: label('最后修改人', 'Last changed by'),
    access: ENGINE_WRITES,
    admin: { position: 'sidebar', readOnly: true },
  },
  {
    // 更正: every correction made to the live text, with its public note. Readers see these.
    name: 'corrections',
    type: 'array',
    label: label('更正记录', 'Corrections'),
    access: { create: engineOnly, update: engineOnly },
    admin: { readOnly: true },
    fields: [
      { name: 'at', type: 'date', required: true, label: label('更正时间', 'Corrected at') },
      { name: 'note', type: 'textarea', required: true, label: label('更正说明', 'Note') },
      { name: 'approvedBy', type: 'text', label: label('签发人', 'Approved by') },
    ],
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
