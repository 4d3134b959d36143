import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { buildConfig } from 'payload'

import { ApiClients } from './collections/ApiClients'
import { Articles } from './collections/Articles'
import { AuditLog } from './collections/AuditLog'
import { Columns } from './collections/Columns'
import { DataSources } from './collections/DataSources'
import { GraphqlDocuments } from './collections/GraphqlDocuments'
import { Notifications } from './collections/Notifications'
import { Photos } from './collections/Photos'
import { Projects } from './collections/Projects'
import { QualityReports } from './collections/QualityReports'
import { SensitiveTerms } from './collections/SensitiveTerms'
import { Officials } from './collections/Officials'
import { Typos } from './collections/Typos'
import { WordingRules } from './collections/WordingRules'
import { SetupClaims } from './collections/SetupClaims'
import { Users } from './collections/Users'
import { WebhookDeliveries } from './collections/WebhookDeliveries'
import { Webhooks } from './collections/Webhooks'
import { WorkflowEvents } from './collections/WorkflowEvents'
import { lockPayloadInternals } from './src/access/internals'
import { guardQueries } from './src/http/whereGuard'
import { DeliveryInvalidations } from './src/delivery/invalidations'
import { PublishedDocuments, refreshReadModelTask } from './src/delivery/readModel'
import { PUBLIC_CONTENT, trackPublicReads } from './src/delivery/dependencies'
import { isAdminUser } from './src/access/roles'
import { databaseAdapter } from './src/config/adapter'
import { isProduction, maxUploadBytes, payloadSecret, serverUrl } from './src/config/env'
import { emailAdapter } from './src/config/email'
import { queryCostRule } from './src/delivery/graphqlCost'
import { MAX_DEPTH } from './src/delivery/limits'
import { deliverWebhookTask } from './src/delivery/webhooks'
import { limitedSharp } from './src/photodesk/sharp'
import { photoRightsExpiryTask } from './src/photodesk/rights'
import { rescanPublishedTask } from './src/quality/rescan'
import { i18n } from './src/config/i18n'
import { dashboardEndpoint, queueEndpoint } from './src/workflow/endpoints'
import { previewPageEndpoint } from './src/preview/endpoints'
import { workflowMutations } from './src/workflow/graphql'
import { claimJobRunner, workflowScheduledTask } from './src/workflow/jobs'
import { siteHealthEndpoint } from './src/columns/endpoints'
import { columnQueries } from './src/columns/graphql'
import { siteHealthTask } from './src/columns/jobs'
import { linkCheckTask } from './src/quality/linkJob'
import { loadSearchDictionary } from './src/search/dictionary'
import { searchEndpoint } from './src/search/endpoints'
import { searchQueries } from './src/search/graphql'
import { ensureSearchIndexes } from './src/search/store'
import { projectRoot } from './src/config/root'

const dirname = projectRoot(fileURLToPath(import.meta.url))
const isAdminRequest = ({ req }: { req: { user?: unknown } }) => isAdminUser(req.user as never)

export default buildConfig({
  serverURL: serverUrl(),
  secret: payloadSecret(),
  db: databaseAdapter(process.env.DATABASE_URI, dirname),
  editor: lexicalEditor(),
  sharp: limitedSharp,
  i18n,
  admin: {
    user: 'users',
    meta: { titleSuffix: ' · Newsdesk 新闻发布' },
    // Payload's default avatar is fetched from gravatar.com: no staff email hash leaves the office.
    avatar: 'default',
    components: {
      beforeDashboard: [
        '/src/workflow/admin/ReviewQueue#ReviewQueue',
        '/src/columns/admin/SiteHealthPanel#SiteHealthPanel',
      ],
      afterNavLinks: [
        '/src/workflow/admin/ReviewLink#ReviewLink',
        '/src/search/admin/SearchLink#SearchLink',
      ],
      views: {
        search: { Component: '/src/search/admin/SearchView#SearchView', path: '/search' },
        review: { Component: '/src/workflow/admin/ReviewView#ReviewView', path: '/review' },
      },
    },
    importMap: {
      baseDir: dirname,
      importMapFile: path.resolve(dirname, 'src/app/(payload)/admin/importMap.js'),
    },
  },
  collections: [
    Articles,
    Photos,
    Projects,
    DataSources,
    Columns,
    WorkflowEvents,
    Notifications,
    SensitiveTerms,
    Officials,
    Typos,
    WordingRules,
    QualityReports,
    Users,
    AuditLog,
    ApiClients,
    Webhooks,
    WebhookDeliveries,
    GraphqlDocuments,
    SetupClaims,
    DeliveryInvalidations,
    PublishedDocuments,
  ],
  // Each public read notes what it depends on, for the cache's targeted invalidation.
  plugins: [trackPublicReads(PUBLIC_CONTENT)],
  endpoints: [
    queueEndpoint,
    dashboardEndpoint,
    siteHealthEndpoint,
    searchEndpoint,
    previewPageEndpoint,
  ],
  email: emailAdapter(),
  // Payload's multipart parser stops at the same size the intake refuses (photodesk/fileCheck.ts):
  // a file of exactly MAX_UPLOAD_MB passes both, one byte more neither. (The parser's limit trips
  // when a file reaches it, so it is one byte past the largest file allowed.)
  upload: {
    limits: { fileSize: maxUploadBytes() + 1 },
    responseOnLimit: `文件过大,上限为 ${Math.round(maxUploadBytes() / 1024 / 1024)} MB (file too large)`,
  },
  jobs: {
    tasks: [
      workflowScheduledTask,
      photoRightsExpiryTask,
      rescanPublishedTask,
      deliverWebhookTask,
      siteHealthTask,
      linkCheckTask,
      refreshReadModelTask,
    ],
    // Scheduled actions, rescans and webhook deliveries run inside the server process, every second.
    autoRun: [
      { cron: '* * * * * *', queue: 'workflow', limit: 20 },
      { cron: '* * * * * *', queue: 'webhooks', limit: 20 },
    ],
    shouldAutoRun: (payload) => claimJobRunner(payload),
    // The queue runs itself in the server; over HTTP only an admin may run, queue or cancel jobs.
    access: { run: isAdminRequest, queue: isAdminRequest, cancel: isAdminRequest },
    jobsCollectionOverrides: ({ defaultJobsCollection }) => ({
      ...defaultJobsCollection,
      admin: { ...defaultJobsCollection.admin, hidden: true },
    }),
  },
  // Relationship population never goes deeper than 3, for anyone (REST and GraphQL).
  maxDepth: MAX_DEPTH,
  graphQL: {
    queries: (GraphQL, info) => ({
      ...columnQueries(GraphQL as never, info),
      ...searchQueries(GraphQL as never),
    }),
    mutations: (GraphQL, schema) => workflowMutations(GraphQL, schema as never),
    disablePlaygroundInProduction: true,
    disableIntrospectionInProduction: true,
    // Payload's estimate is per field, not per row: the README's largest example query costs ~60.
    // Many aliased lists in one request cost far more and are refused.
    maxComplexity: 600,
    // …and counted in documents × fields, with aliases capped (src/delivery/graphqlCost.ts).
    validationRules: (args) => [
      queryCostRule(args.variableValues as Record<string, unknown> | undefined),
    ],
    schemaOutputFile: path.resolve(dirname, 'schema.graphql'),
  },
  typescript: {
    // Type generation is a command (`npm run generate`), never a side effect of booting:
    // in tests it would spawn a child process that keeps jest alive.
    autoGenerate: false,
    outputFile: path.resolve(dirname, 'payload-types.ts'),
  },
  // The search segmenter learns the office's names; MongoDB gets its text indexes.
  onInit: async (payload) => {
    await ensureSearchIndexes(payload)
    await loadSearchDictionary(payload)
  },
  telemetry: false,
  debug: !isProduction(),
}).then((config) => lockPayloadInternals(guardQueries(config)))
