import type { CollectionConfig } from 'payload'

import { BlocksFeature, HeadingFeature, lexicalEditor } from '@payloadcms/richtext-lexical'

import { editorialAccess, readArticles, readArticleVersions } from '../../src/access/content'
import { staffOnlyField } from '../../src/access/roles'
import { label } from '../../src/config/i18n'
import { invalidatePublicCache } from '../../src/delivery/invalidations'
import { publicReadLimits } from '../../src/delivery/limits'
import { publishPhotosWithArticle } from '../../src/photodesk/withArticle'
import { checksEndpoints } from '../../src/quality/endpoints'
import { qualityGate } from '../../src/quality/gate'
import { recordRevision, resetWorkflowOnEdit, saveAsDraft } from '../../src/workflow/hooks'
import { refuseStaleSave } from '../../src/workflow/staleSave'
import { importArticlesEndpoint } from './endpoints/importArticles'
import { engineOrSystemWrites, publishedDateEndpoint } from './endpoints/publishedDate'
import type { WorkflowSteps } from '../../src/workflow/steps'
import { everyWorkflowStep } from '../shared/workflowSteps'
import { withWorkflow } from '../../src/workflow/collection'
import { PhotoSlot } from '../../src/content/photoSlot'
import { createdByField } from '../../src/fields/createdBy'
import { selectDependencies } from '../../src/fields/selectDependencies'
import { slugField } from '../../src/fields/slug'
import { bodyHtmlField, renderBodyHtml } from './hooks/bodyHtml'
import { renderStructuredData, structuredDataField } from './hooks/structuredData'
import { publicDataSourceLine } from './hooks/publicDataSourceLine'
import { deriveArticleText } from './hooks/deriveArticleText'
import { photoWarningsField } from './hooks/photoWarnings'
import { stampPublishedDate } from './hooks/publishedDate'
import { importRecordFields } from './fields/importRecord'
import { columnFields } from '../../src/fields/columns'
import { filterByColumn } from '../../src/columns/filter'
import { indexForSearch, unindexForSearch } from '../../src/search/indexer'
import { fullTextListSearch } from '../../src/search/listSearch'
import { previewLinkEndpoint } from '../../src/preview/endpoints'

export const Articles: CollectionConfig<'articles'> = withWorkflow('articles', {
  slug: 'articles',
  labels: { singular: label('文章', 'Article'), plural: label('文章', 'Articles') },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'kicker', 'author', '_status', 'updatedAt'],
    group: label('内容', 'Content'),
    components: { beforeListTable: ['/src/import/admin/ImportArticles#ImportArticles'] },
  },
  // Even a draft needs its title and body: nothing else is asked before review.
  versions: { drafts: { validate: true }, maxPerDoc: 100 },
  access: { ...editorialAccess, read: readArticles, readVersions: readArticleVersions },
  // The delivery list, newest first among published: with this index SQLite walks the published
  // rows in date order and stops at the page's end, instead of sorting every published article
  // (and building each one's relationship columns) to keep twenty; with the workflow state in it,
  // the page's count reads the index alone.
  indexes: [{ fields: ['_status', 'publishedDate', 'createdAt', 'workflowState'] }],
  defaultPopulate: {
    title: true,
    slug: true,
    kicker: true,
    excerpt: true,
    coverPhoto: true,
    publishedDate: true,
  },
  hooks: {
    beforeOperation: [
      saveAsDraft,
      refuseStaleSave,
      publicReadLimits,
      filterByColumn,
      fullTextListSearch,
      selectDependencies({
        bodyHtml: ['body', 'corrections'],
        structuredData: [
          'title',
          'slug',
          'firstPublishedAt',
          'publishedDate',
          'updatedAt',
          'byline',
          'coverPhoto',
          'corrections',
        ],
        photoWarnings: ['usedPhotos'],
        dataSourceLine: ['dataSources'],
      }),
    ],
    beforeChange: [deriveArticleText, stampPublishedDate, resetWorkflowOnEdit],
    afterChange: [recordRevision, indexForSearch, invalidatePublicCache],
    afterDelete: [unindexForSearch, invalidatePublicCache],
    afterRead: [renderBodyHtml, renderStructuredData],
  },
  // Around each workflow transition (workflow/steps.ts): the quality checks before submit and
  // approval, and the article's photos going live with it.
  custom: {
    workflow: {
      gates: [qualityGate],
      effects: [publishPhotosWithArticle, ...everyWorkflowStep.effects],
      listeners: everyWorkflowStep.listeners,
    } satisfies WorkflowSteps,
  },
  endpoints: [
    ...checksEndpoints,
    publishedDateEndpoint,
    importArticlesEndpoint,
    previewLinkEndpoint,
  ],
  fields: [
    {
      name: 'kicker',
      type: 'text',
      label: label('引题', 'Kicker'),
      admin: {
        description: label('标题上方的短题,如「兰州新区」', 'The short line above the title'),
      },
    },
    { name: 'title', type: 'text', required: true, label: label('标题', 'Title'), maxLength: 200 },
    { name: 'subtitle', type: 'text', label: label('副题', 'Subtitle') },
    {
      name: 'slogan',
      type: 'text',
      label: label('标语', 'Slogan'),
      admin: {
        description: label(
          '如:“学”字当头 “实”字为要 “闯”字为先',
          'A quoted slogan line shown with the headline',
        ),
      },
    },
    { name: 'lead', type: 'textarea', label: label('导语', 'Lead') },
    {
      name: 'body',
      type: 'richText',
      required: true,
      label: label('正文', 'Body'),
      editor: lexicalEditor({
        features: ({ defaultFeatures }) => [
          ...defaultFeatures.filter((feature) => feature.key !== 'heading'),
          HeadingFeature({ enabledHeadingSizes: ['h2', 'h3', 'h4'] }),
          BlocksFeature({ blocks: [PhotoSlot] }),
        ],
      }),
    },
    bodyHtmlField(),
    structuredDataField(),
    {
      name: 'coverPhoto',
      type: 'upload',
      relationTo: 'photos',
      label: label('封面图', 'Cover photo'),
      admin: { position: 'sidebar' },
    },
    {
      name: 'author',
      type: 'relationship',
      relationTo: 'users',
      label: label('作者', 'Author'),
      admin: { position: 'sidebar' },
    },
    {
      type: 'collapsible',
      label: label('署名与版权信息', 'Byline and masthead'),
      admin: { initCollapsed: true },
      fields: [
        {
          name: 'byline',
          type: 'text',
          label: label('署名', 'Byline'),
          admin: { description: label('如:记者 张三 / 文/图 李四', 'e.g. 记者 张三') },
        },
        {
          name: 'masthead',
          type: 'group',
          label: label('版面信息', 'Masthead'),
          fields: [
            {
              type: 'row',
              fields: [
                {
                  name: 'responsibleEditor',
                  type: 'text',
                  label: label('责任编辑', 'Editor in charge'),
                },
                { name: 'editor', type: 'text', label: label('编辑', 'Editor') },
                { name: 'source', type: 'text', label: label('来源', 'Source') },
              ],
            },
          ],
        },
      ],
    },
    {
      name: 'projects',
      type: 'relationship',
      relationTo: 'projects',
      hasMany: true,
      label: label('相关项目', 'Related projects'),
    },
    {
      name: 'dataSources',
      type: 'relationship',
      relationTo: 'data-sources',
      hasMany: true,
      label: label('数据来源', 'Data sources'),
    },
    {
      name: 'dataSourceLine',
      type: 'text',
      label: label('数据来源行', 'Data-source line'),
      hooks: { afterRead: [publicDataSourceLine] },
      admin: {
        readOnly: true,
        description: label('根据数据来源自动生成', 'Made from the data sources'),
      },
    },
    ...columnFields(),
    {
      name: 'interprets',
      type: 'relationship',
      relationTo: 'articles',
      label: label('所解读的政策文件', 'Policy interpreted'),
      filterOptions: ({ id }) => (id ? { id: { not_equals: id } } : true),
      admin: {
        position: 'sidebar',
        description: label(
          '政策解读类稿件须关联它所解读的政策文件',
          'A policy interpretation must link the policy it interprets',
        ),
      },
    },
    {
      name: 'topics',
      type: 'text',
      hasMany: true,
      label: label('专题', 'Topics'),
      admin: { position: 'sidebar' },
    },
    slugField(),
    {
      name: 'publishedDate',
      type: 'date',
      index: true,
      label: label('发布日期', 'Published date'),
      // Set at the first publication; afterwards only a chief editor changes it, with a reason,
      // through POST /api/articles/:id/published-date (a workflow event each time).
      access: { create: engineOrSystemWrites, update: engineOrSystemWrites },
      admin: {
        position: 'sidebar',
        readOnly: true,
        date: { pickerAppearance: 'dayAndTime' },
        description: label(
          '首次发布时自动填写;总编辑可说明理由后修改',
          'Set at first publication; a chief editor may change it with a reason',
        ),
      },
    },
    {
      name: 'firstPublishedAt',
      type: 'date',
      label: label('首次发布时间', 'First published'),
      access: { create: engineOrSystemWrites, update: engineOrSystemWrites },
      admin: { position: 'sidebar', readOnly: true, date: { pickerAppearance: 'dayAndTime' } },
    },
    {
      name: 'excerpt',
      type: 'textarea',
      label: label('摘要', 'Excerpt'),
      admin: {
        description: label(
          '纯文本;留空则取导语或首段',
          'Plain text; made from the lead or first paragraph when empty',
        ),
      },
    },
    {
      name: 'usedPhotos',
      type: 'relationship',
      relationTo: 'photos',
      hasMany: true,
      index: true,
      label: label('使用的图片', 'Photos used'),
      admin: { hidden: true },
      access: { read: staffOnlyField },
    },
    photoWarningsField(),
    {
      name: 'qualityPanel',
      type: 'ui',
      label: label('机器审读', 'Machine review'),
      admin: {
        position: 'sidebar',
        components: { Field: '/src/quality/admin/ReviewPanel#ReviewPanel' },
      },
    },
    ...importRecordFields(),
    createdByField(),
  ],
})
