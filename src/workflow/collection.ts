import type { Access, CollectionConfig } from 'payload'

import { workflowEndpoints } from './endpoints'
import { byWorkflowEngine } from './context'
import { workflowFields } from './fields'
import { restoreEndpoint } from './restore'
import type { WorkflowCollection } from './table'

/**
 * Puts a collection under the workflow: its fields, the workflow and restore endpoints, the admin's
 * state column and action bar, no bulk edit, and no publishing by saving. It adds no hooks: the
 * collection lists the workflow's (workflow/hooks.ts) by name, and declares the steps that run
 * around its transitions in `custom.workflow` (workflow/steps.ts). The collection keeps its own
 * access rules; reads by the public must also exclude withdrawn items (see access/content.ts).
 */
export function withWorkflow(slug: WorkflowCollection, config: CollectionConfig): CollectionConfig {
  const columns = config.admin?.defaultColumns ?? []
  return {
    ...config,
    access: { ...config.access, update: noPublishingBySaving(config.access?.update) },
    // Editing, publishing or unpublishing many at once would skip the review each item gets.
    disableBulkEdit: true,
    fields: [...config.fields, ...workflowFields()],
    endpoints: [...(config.endpoints || []), ...workflowEndpoints(slug), restoreEndpoint(slug)],
    admin: {
      ...config.admin,
      defaultColumns: [...columns.filter((c) => c !== '_status'), 'workflowState', 'reviewStage'],
      components: {
        ...config.admin?.components,
        edit: {
          ...config.admin?.components?.edit,
          // Publishing is a workflow action; Payload's own publish button would bypass review.
          PublishButton: '/src/workflow/admin/WorkflowActions#NoPublishButton',
          // One status: the workflow's (state and stage), never Payload's `_status` beside it.
          Status: '/src/workflow/admin/WorkflowActions#NoPayloadStatus',
          beforeDocumentControls: ['/src/workflow/admin/WorkflowActions#WorkflowActions'],
        },
      },
    },
  }
}

/**
 * Publishing is a workflow action, never a save. Asked whether a person may save an item with
 * `_status: 'published'`, the answer is no: that is the question Payload's admin asks before it
 * offers its own Publish and Unpublish buttons (edit view, bulk upload), which bypass review. Real
 * saves are unaffected: saveAsDraft has made them drafts by the time access is checked.
 */
function noPublishingBySaving(update: Access | undefined): Access {
  return (args) => {
    const asksToPublish = (args.data as { _status?: unknown } | undefined)?._status === 'published'
    if (asksToPublish && args.req.user && !byWorkflowEngine(args.req)) return false
    return update ? update(args) : Boolean(args.req.user)
  }
}
