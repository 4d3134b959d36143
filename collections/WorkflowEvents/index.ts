import type { CollectionConfig } from 'payload'

import { readWorkflowEvents } from '../../src/access/content'
import { nobody, ROLE_LABELS, ROLES } from '../../src/access/roles'
import { label } from '../../src/config/i18n'
import { createdByEngine } from '../../src/workflow/context'

/**
 * One row per workflow transition, kept for good: no API (admins included) may change or delete
 * one. Only the workflow engine writes them.
 */
export const WorkflowEvents: CollectionConfig<'workflow-events'> = {
  slug: 'workflow-events',
  labels: {
    singular: label('流程记录', 'Workflow event'),
    plural: label('流程记录', 'Workflow events'),
  },
  admin: {
    useAsTitle: 'action',
    defaultColumns: [
      'at',
      'collection',
      'documentId',
      'action',
      'fromState',
      'toState',
      'actor',
      'comment',
    ],
    group: label('审核', 'Review'),
  },
  access: {
    read: readWorkflowEvents,
    create: createdByEngine,
    update: nobody,
    delete: nobody,
  },
  fields: [
    {
      name: 'collection',
      type: 'text',
      required: true,
      index: true,
      label: label('内容类型', 'Collection'),
    },
    {
      name: 'documentId',
      type: 'text',
      required: true,
      index: true,
      label: label('内容编号', 'Document ID'),
    },
    { name: 'documentTitle', type: 'text', label: label('标题', 'Title') },
    { name: 'versionId', type: 'text', label: label('版本编号', 'Version ID') },
    { name: 'reviewedVersionId', type: 'text', label: label('审阅的版本', 'Version reviewed') },
    { name: 'action', type: 'text', required: true, index: true, label: label('操作', 'Action') },
    { name: 'fromState', type: 'text', label: label('原状态', 'From state') },
    { name: 'fromStage', type: 'text', label: label('原环节', 'From stage') },
    { name: 'toState', type: 'text', label: label('新状态', 'To state') },
    { name: 'toStage', type: 'text', label: label('新环节', 'To stage') },
    {
      name: 'actor',
      type: 'relationship',
      relationTo: 'users',
      index: true,
      label: label('操作人', 'Actor'),
    },
    // The signature as it was when the action was taken: a later rename or role change alters no record.
    { name: 'actorName', type: 'text', label: label('签名', 'Signed as') },
    {
      name: 'actorRoles',
      type: 'select',
      hasMany: true,
      label: label('签名时角色', 'Roles when signed'),
      options: ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] })),
    },
    {
      name: 'actorType',
      type: 'select',
      defaultValue: 'user',
      label: label('操作方', 'Actor type'),
      options: [
        { value: 'user', label: label('用户', 'User') },
        { value: 'scheduler', label: label('定时任务', 'Scheduler') },
        { value: 'system', label: label('系统', 'System') },
      ],
    },
    { name: 'comment', type: 'textarea', label: label('意见', 'Comment') },
    { name: 'scheduledFor', type: 'date', label: label('预定时间', 'Scheduled for') },
    { name: 'at', type: 'date', required: true, index: true, label: label('时间', 'Time') },
  ],
  timestamps: true,
}
