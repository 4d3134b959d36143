import { queueWebhooksOnTransition } from '../../src/delivery/webhooks'
import { notifyNextDesk, sendWorkflowEmail } from '../../src/workflow/notify'
import type { WorkflowSteps } from '../../src/workflow/steps'

/**
 * What every workflow collection's transitions do besides changing state: webhooks for downstream
 * sites on publication and withdrawal, and notifications (in-app in the transaction, email after
 * it commits). A collection adds its own steps around these (see collections/Articles).
 *
 * The public cache is not a step: it is emptied by the collections' invalidatePublicCache hook,
 * because content also changes outside transitions (masking, deletes, system saves).
 */
export const everyWorkflowStep = {
  effects: [queueWebhooksOnTransition, notifyNextDesk],
  listeners: [sendWorkflowEmail],
} satisfies WorkflowSteps
