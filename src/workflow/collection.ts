import type { Access, CollectionConfig } from 'payload'

import { invalidatePublicCache } from '../delivery/cache'
import { publicReadLimits } from '../delivery/limits'
import { workflowEndpoints } from './endpoints'
import { byWorkflowEngine, workflowFields } from './fields'
import { recordRevision, resetWorkflowOnEdit, saveAsDraft } from './hooks'
import { restoreEndpoint } from './restore'
import type { WorkflowCollection } from './table'

/**
 * Puts a collection under the workflow: its fields, the hooks that keep user saves as drafts, the
 * REST endpoints, and the admin's state column and action bar. The collection keeps its own access
 * rules; reads by the public must also exclude withdrawn items (see access/content.ts).
 */
export function withWorkflow(slug: WorkflowCollection, config: CollectionConfig): CollectionConfig {
  const hooks = config.hooks ?? {}
  const columns = config.admin?.defaultColumns ?? []
  return {
    ...config,
    access: { ...config.access, update: noPublishingBySaving(config.access?.update) },
    // Editing, publishing or unpublishing many at once would skip the review each item gets.
    disableBulkEdit: true,
    fields: [...config.fields, ...workflowFields()],
    hooks: {
      ...hooks,
      beforeOperation: [saveAsDraft, publicReadLimits, ...(hooks.beforeOperation ?? [])],
      beforeChange: [...(hooks.beforeChange ?? []), resetWorkflowOnEdit],
      afterChange: [...(hooks.afterChange ?? []), recordRevision, invalidatePublicCache],
      afterDelete: [...(hooks.afterDelete ?? []), invalidatePublicCache],
    },
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
