import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE INDEX \`_status_publishedDate_createdAt_workflowState_idx\` ON \`articles\` (\`_status\`,\`published_date\`,\`created_at\`,\`workflow_state\`);`)
  await db.run(sql`CREATE INDEX \`compound_index_idx\` ON \`_articles_v\` (\`version__status\`,\`version_published_date\`,\`version_created_at\`,\`version_workflow_state\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`_status_publishedDate_createdAt_workflowState_idx\`;`)
  await db.run(sql`DROP INDEX \`compound_index_idx\`;`)
}
