import type { CollectionConfig } from 'payload'

import { indexForSearch, unindexForSearch } from '../../src/search/indexer'
import { fullTextListSearch } from '../../src/search/listSearch'

import { editorialAccess } from '../../src/access/content'
import { label } from '../../src/config/i18n'
import { withWorkflow } from '../../src/workflow/collection'
import { invalidatePublicCache } from '../../src/delivery/invalidations'
import { publicReadLimits } from '../../src/delivery/limits'
import { recordRevision, resetWorkflowOnEdit, saveAsDraft } from '../../src/workflow/hooks'
import { refuseStaleSave } from '../../src/workflow/staleSave'
import { everyWorkflowStep } from '../shared/workflowSteps'
import { createdByField } from '../../src/fields/createdBy'
import {
  CAPACITY_UNITS,
  knownUnit,
  oneOf,
  MONEY_UNITS,
  nonNegative,
  unitHint,
} from '../../src/fields/units'
import { canonicalInvestment } from './hooks/canonicalInvestment'

export const PROJECT_STATUSES = [
  { value: 'signed', label: label('签约', 'Signed'), dateField: 'signedOn' },
  { value: 'started', label: label('开工', 'Construction started'), dateField: 'startedOn' },
  { value: 'building', label: label('在建', 'Under construction'), dateField: 'buildingSince' },
  { value: 'operating', label: label('投产', 'In production'), dateField: 'operatingSince' },
] as const

const STATUS_VALUES = PROJECT_STATUSES.map((status) => status.value as string)

export const Projects: CollectionConfig<'projects'> = withWorkflow('projects', {
  slug: 'projects',
  labels: {
    singular: label('产业项目', 'Industrial project'),
    plural: label('产业项目', 'Industrial projects'),
  },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'company', 'park', 'status', 'investment.display'],
    group: label('内容', 'Content'),
  },
  versions: { drafts: { validate: true }, maxPerDoc: 50 },
  access: editorialAccess,
  hooks: {
    beforeOperation: [saveAsDraft, refuseStaleSave, publicReadLimits, fullTextListSearch],
    beforeChange: [canonicalInvestment, resetWorkflowOnEdit],
    afterChange: [recordRevision, indexForSearch, invalidatePublicCache],
    afterDelete: [unindexForSearch, invalidatePublicCache],
  },
  custom: { workflow: everyWorkflowStep },
  fields: [
    { name: 'name', type: 'text', required: true, label: label('项目名称', 'Project name') },
    { name: 'company', type: 'text', label: label('建设单位', 'Company') },
    {
      name: 'park',
      type: 'text',
      index: true,
      label: label('所在园区', 'Park or area'),
      admin: {
        description: label('如:新材料产业园、绿色化工园区', 'e.g. 新材料产业园, 绿色化工园区'),
      },
    },
    {
      name: 'investment',
      type: 'group',
      label: label('总投资', 'Total investment'),
      fields: [
        {
          type: 'row',
          fields: [
            {
              name: 'amount',
              type: 'number',
              label: label('金额', 'Amount'),
              min: 0,
              validate: nonNegative('总投资'),
            },
            {
              name: 'unit',
              type: 'text',
              label: label('单位', 'Unit'),
              defaultValue: '亿元',
              admin: { description: unitHint(Object.keys(MONEY_UNITS)) },
              validate: knownUnit('投资', Object.keys(MONEY_UNITS)),
            },
          ],
        },
        {
          name: 'wanYuan',
          type: 'number',
          index: true,
          label: label('折合万元', 'In 万元 (canonical)'),
          admin: {
            readOnly: true,
            description: label('自动换算,用于比较和排序', 'Computed, for comparing and sorting'),
          },
        },
        {
          name: 'display',
          type: 'text',
          label: label('显示', 'As shown'),
          admin: { readOnly: true },
        },
      ],
    },
    {
      name: 'capacities',
      type: 'array',
      label: label('产能', 'Capacity'),
      labels: { singular: label('产能', 'Capacity'), plural: label('产能', 'Capacities') },
      fields: [
        {
          type: 'row',
          fields: [
            {
              name: 'value',
              type: 'number',
              required: true,
              label: label('数值', 'Value'),
              validate: nonNegative('产能'),
            },
            {
              name: 'unit',
              type: 'text',
              required: true,
              label: label('单位', 'Unit'),
              admin: { description: unitHint(CAPACITY_UNITS) },
              validate: knownUnit('产能', CAPACITY_UNITS),
            },
            { name: 'product', type: 'text', label: label('产品', 'Product') },
          ],
        },
      ],
    },
    {
      name: 'status',
      type: 'select',
      index: true,
      label: label('项目状态', 'Status'),
      defaultValue: 'signed',
      options: PROJECT_STATUSES.map(({ value, label }) => ({ value, label })),
      validate: oneOf('项目状态', STATUS_VALUES),
    },
    {
      name: 'milestones',
      type: 'group',
      label: label('各阶段日期', 'Stage dates'),
      fields: [
        {
          type: 'row',
          fields: PROJECT_STATUSES.map(({ dateField, label: stageLabel }) => ({
            name: dateField,
            type: 'date' as const,
            label: label(`${stageLabel.zh}日期`, `${stageLabel.en} on`),
            admin: { date: { pickerAppearance: 'dayOnly' as const, displayFormat: 'yyyy-MM-dd' } },
          })),
        },
      ],
    },
    { name: 'location', type: 'text', label: label('项目地点', 'Location') },
    {
      name: 'photos',
      type: 'upload',
      relationTo: 'photos',
      hasMany: true,
      label: label('项目图片', 'Photos'),
    },
    {
      name: 'relatedArticles',
      type: 'join',
      collection: 'articles',
      on: 'projects',
      label: label('相关报道', 'Related articles'),
      defaultLimit: 10,
    },
    createdByField(),
  ],
})
