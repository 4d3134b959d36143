import type { CollectionConfig } from 'payload'

import { editorialAccess } from '../../src/access/content'
import { staffOnlyField } from '../../src/access/roles'
import { label } from '../../src/config/i18n'
import { withWorkflow } from '../../src/workflow/collection'
import { invalidatePublicCache } from '../../src/delivery/invalidations'
import { publicReadLimits } from '../../src/delivery/limits'
import { recordRevision, resetWorkflowOnEdit, saveAsDraft } from '../../src/workflow/hooks'
import { refuseStaleSave } from '../../src/workflow/staleSave'
import { everyWorkflowStep } from '../shared/workflowSteps'
import { createdByField } from '../../src/fields/createdBy'
import { FIGURE_UNITS, knownUnit, unitHint } from '../../src/fields/units'

/** The office that supplied a set of statistics, and the figures themselves. */
export const DataSources: CollectionConfig<'data-sources'> = withWorkflow('data-sources', {
  slug: 'data-sources',
  labels: { singular: label('数据来源', 'Data source'), plural: label('数据来源', 'Data sources') },
  admin: {
    useAsTitle: 'office',
    defaultColumns: ['office', 'contact', 'updatedAt'],
    group: label('内容', 'Content'),
  },
  versions: { drafts: { validate: true }, maxPerDoc: 50 },
  access: editorialAccess,
  hooks: {
    beforeOperation: [saveAsDraft, refuseStaleSave, publicReadLimits],
    beforeChange: [resetWorkflowOnEdit],
    afterChange: [recordRevision, invalidatePublicCache],
    afterDelete: [invalidatePublicCache],
  },
  custom: { workflow: everyWorkflowStep },
  fields: [
    {
      name: 'office',
      type: 'text',
      required: true,
      unique: true,
      label: label('发布单位', 'Issuing office'),
      admin: { description: label('如:兰州新区党工委办公室', 'e.g. 兰州新区党工委办公室') },
    },
    {
      name: 'contact',
      type: 'text',
      label: label('联系人', 'Contact'),
      // A named civil servant and a phone number are for the newsroom, not for readers.
      access: { read: staffOnlyField },
    },
    {
      name: 'figures',
      type: 'array',
      label: label('数据', 'Figures'),
      labels: { singular: label('数据', 'Figure'), plural: label('数据', 'Figures') },
      admin: { initCollapsed: false },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'label', type: 'text', required: true, label: label('指标', 'Label') },
            { name: 'value', type: 'number', required: true, label: label('数值', 'Value') },
            {
              name: 'unit',
              type: 'text',
              required: true,
              label: label('单位', 'Unit'),
              admin: { description: unitHint(FIGURE_UNITS) },
              validate: knownUnit('数据', FIGURE_UNITS),
            },
          ],
        },
        {
          type: 'row',
          fields: [
            {
              name: 'asOf',
              type: 'date',
              label: label('截至日期', 'As of'),
              admin: { date: { pickerAppearance: 'dayOnly', displayFormat: 'yyyy-MM-dd' } },
            },
            {
              name: 'project',
              type: 'relationship',
              relationTo: 'projects',
              label: label('所涉项目', 'Project'),
            },
          ],
        },
      ],
    },
    createdByField(),
  ],
})
