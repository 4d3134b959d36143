import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`workflow_events\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`collection\` text NOT NULL,
  	\`document_id\` text NOT NULL,
  	\`document_title\` text,
  	\`version_id\` text,
  	\`action\` text NOT NULL,
  	\`from_state\` text,
  	\`from_stage\` text,
  	\`to_state\` text,
  	\`to_stage\` text,
  	\`actor_id\` integer,
  	\`actor_type\` text DEFAULT 'user',
  	\`comment\` text,
  	\`scheduled_for\` text,
  	\`at\` text NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`actor_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`workflow_events_collection_idx\` ON \`workflow_events\` (\`collection\`);`)
  await db.run(sql`CREATE INDEX \`workflow_events_document_id_idx\` ON \`workflow_events\` (\`document_id\`);`)
  await db.run(sql`CREATE INDEX \`workflow_events_action_idx\` ON \`workflow_events\` (\`action\`);`)
  await db.run(sql`CREATE INDEX \`workflow_events_actor_idx\` ON \`workflow_events\` (\`actor_id\`);`)
  await db.run(sql`CREATE INDEX \`workflow_events_at_idx\` ON \`workflow_events\` (\`at\`);`)
  await db.run(sql`CREATE INDEX \`workflow_events_updated_at_idx\` ON \`workflow_events\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`workflow_events_created_at_idx\` ON \`workflow_events\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`notifications\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`recipient_id\` integer NOT NULL,
  	\`kind\` text NOT NULL,
  	\`title\` text NOT NULL,
  	\`message\` text,
  	\`collection_slug\` text,
  	\`document_id\` text,
  	\`read\` integer DEFAULT false,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`recipient_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`notifications_recipient_idx\` ON \`notifications\` (\`recipient_id\`);`)
  await db.run(sql`CREATE INDEX \`notifications_read_idx\` ON \`notifications\` (\`read\`);`)
  await db.run(sql`CREATE INDEX \`notifications_updated_at_idx\` ON \`notifications\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`notifications_created_at_idx\` ON \`notifications\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`payload_jobs_log\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`executed_at\` text NOT NULL,
  	\`completed_at\` text NOT NULL,
  	\`task_slug\` text NOT NULL,
  	\`task_i_d\` text NOT NULL,
  	\`input\` text,
  	\`output\` text,
  	\`state\` text NOT NULL,
  	\`error\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`payload_jobs\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_jobs_log_order_idx\` ON \`payload_jobs_log\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_log_parent_id_idx\` ON \`payload_jobs_log\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`payload_jobs\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`input\` text,
  	\`completed_at\` text,
  	\`total_tried\` numeric DEFAULT 0,
  	\`has_error\` integer DEFAULT false,
  	\`error\` text,
  	\`task_slug\` text,
  	\`queue\` text DEFAULT 'default',
  	\`wait_until\` text,
  	\`processing\` integer DEFAULT false,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_jobs_completed_at_idx\` ON \`payload_jobs\` (\`completed_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_total_tried_idx\` ON \`payload_jobs\` (\`total_tried\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_has_error_idx\` ON \`payload_jobs\` (\`has_error\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_task_slug_idx\` ON \`payload_jobs\` (\`task_slug\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_queue_idx\` ON \`payload_jobs\` (\`queue\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_wait_until_idx\` ON \`payload_jobs\` (\`wait_until\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_processing_idx\` ON \`payload_jobs\` (\`processing\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_updated_at_idx\` ON \`payload_jobs\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_created_at_idx\` ON \`payload_jobs\` (\`created_at\`);`)
  await db.run(sql`ALTER TABLE \`articles\` ADD \`workflow_state\` text DEFAULT 'draft';`)
  await db.run(sql`ALTER TABLE \`articles\` ADD \`review_stage\` text;`)
  await db.run(sql`ALTER TABLE \`articles\` ADD \`publish_at\` text;`)
  await db.run(sql`ALTER TABLE \`articles\` ADD \`withdraw_at\` text;`)
  await db.run(sql`CREATE INDEX \`articles_workflow_state_idx\` ON \`articles\` (\`workflow_state\`);`)
  await db.run(sql`CREATE INDEX \`articles_review_stage_idx\` ON \`articles\` (\`review_stage\`);`)
  await db.run(sql`ALTER TABLE \`_articles_v\` ADD \`version_workflow_state\` text DEFAULT 'draft';`)
  await db.run(sql`ALTER TABLE \`_articles_v\` ADD \`version_review_stage\` text;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` ADD \`version_publish_at\` text;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` ADD \`version_withdraw_at\` text;`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_workflow_state_idx\` ON \`_articles_v\` (\`version_workflow_state\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_review_stage_idx\` ON \`_articles_v\` (\`version_review_stage\`);`)
  await db.run(sql`ALTER TABLE \`photos\` ADD \`workflow_state\` text DEFAULT 'draft';`)
  await db.run(sql`ALTER TABLE \`photos\` ADD \`review_stage\` text;`)
  await db.run(sql`ALTER TABLE \`photos\` ADD \`publish_at\` text;`)
  await db.run(sql`ALTER TABLE \`photos\` ADD \`withdraw_at\` text;`)
  await db.run(sql`CREATE INDEX \`photos_workflow_state_idx\` ON \`photos\` (\`workflow_state\`);`)
  await db.run(sql`CREATE INDEX \`photos_review_stage_idx\` ON \`photos\` (\`review_stage\`);`)
  await db.run(sql`ALTER TABLE \`_photos_v\` ADD \`version_workflow_state\` text DEFAULT 'draft';`)
  await db.run(sql`ALTER TABLE \`_photos_v\` ADD \`version_review_stage\` text;`)
  await db.run(sql`ALTER TABLE \`_photos_v\` ADD \`version_publish_at\` text;`)
  await db.run(sql`ALTER TABLE \`_photos_v\` ADD \`version_withdraw_at\` text;`)
  await db.run(sql`CREATE INDEX \`_photos_v_version_version_workflow_state_idx\` ON \`_photos_v\` (\`version_workflow_state\`);`)
  await db.run(sql`CREATE INDEX \`_photos_v_version_version_review_stage_idx\` ON \`_photos_v\` (\`version_review_stage\`);`)
  await db.run(sql`ALTER TABLE \`projects\` ADD \`workflow_state\` text DEFAULT 'draft';`)
  await db.run(sql`ALTER TABLE \`projects\` ADD \`review_stage\` text;`)
  await db.run(sql`ALTER TABLE \`projects\` ADD \`publish_at\` text;`)
  await db.run(sql`ALTER TABLE \`projects\` ADD \`withdraw_at\` text;`)
  await db.run(sql`CREATE INDEX \`projects_workflow_state_idx\` ON \`projects\` (\`workflow_state\`);`)
  await db.run(sql`CREATE INDEX \`projects_review_stage_idx\` ON \`projects\` (\`review_stage\`);`)
  await db.run(sql`ALTER TABLE \`_projects_v\` ADD \`version_workflow_state\` text DEFAULT 'draft';`)
  await db.run(sql`ALTER TABLE \`_projects_v\` ADD \`version_review_stage\` text;`)
  await db.run(sql`ALTER TABLE \`_projects_v\` ADD \`version_publish_at\` text;`)
  await db.run(sql`ALTER TABLE \`_projects_v\` ADD \`version_withdraw_at\` text;`)
  await db.run(sql`CREATE INDEX \`_projects_v_version_version_workflow_state_idx\` ON \`_projects_v\` (\`version_workflow_state\`);`)
  await db.run(sql`CREATE INDEX \`_projects_v_version_version_review_stage_idx\` ON \`_projects_v\` (\`version_review_stage\`);`)
  await db.run(sql`ALTER TABLE \`data_sources\` ADD \`workflow_state\` text DEFAULT 'draft';`)
  await db.run(sql`ALTER TABLE \`data_sources\` ADD \`review_stage\` text;`)
  await db.run(sql`ALTER TABLE \`data_sources\` ADD \`publish_at\` text;`)
  await db.run(sql`ALTER TABLE \`data_sources\` ADD \`withdraw_at\` text;`)
  await db.run(sql`CREATE INDEX \`data_sources_workflow_state_idx\` ON \`data_sources\` (\`workflow_state\`);`)
  await db.run(sql`CREATE INDEX \`data_sources_review_stage_idx\` ON \`data_sources\` (\`review_stage\`);`)
  await db.run(sql`ALTER TABLE \`_data_sources_v\` ADD \`version_workflow_state\` text DEFAULT 'draft';`)
  await db.run(sql`ALTER TABLE \`_data_sources_v\` ADD \`version_review_stage\` text;`)
  await db.run(sql`ALTER TABLE \`_data_sources_v\` ADD \`version_publish_at\` text;`)
  await db.run(sql`ALTER TABLE \`_data_sources_v\` ADD \`version_withdraw_at\` text;`)
  await db.run(sql`CREATE INDEX \`_data_sources_v_version_version_workflow_state_idx\` ON \`_data_sources_v\` (\`version_workflow_state\`);`)
  await db.run(sql`CREATE INDEX \`_data_sources_v_version_version_review_stage_idx\` ON \`_data_sources_v\` (\`version_review_stage\`);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`workflow_events_id\` integer REFERENCES workflow_events(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`notifications_id\` integer REFERENCES notifications(id);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_workflow_events_id_idx\` ON \`payload_locked_documents_rels\` (\`workflow_events_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_notifications_id_idx\` ON \`payload_locked_documents_rels\` (\`notifications_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`workflow_events\`;`)
  await db.run(sql`DROP TABLE \`notifications\`;`)
  await db.run(sql`DROP TABLE \`payload_jobs_log\`;`)
  await db.run(sql`DROP TABLE \`payload_jobs\`;`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_payload_locked_documents_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`articles_id\` integer,
  	\`photos_id\` integer,
  	\`projects_id\` integer,
  	\`data_sources_id\` integer,
  	\`users_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_locked_documents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`articles_id\`) REFERENCES \`articles\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`photos_id\`) REFERENCES \`photos\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`projects_id\`) REFERENCES \`projects\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`data_sources_id\`) REFERENCES \`data_sources\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "articles_id", "photos_id", "projects_id", "data_sources_id", "users_id") SELECT "id", "order", "parent_id", "path", "articles_id", "photos_id", "projects_id", "data_sources_id", "users_id" FROM \`payload_locked_documents_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_payload_locked_documents_rels\` RENAME TO \`payload_locked_documents_rels\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_order_idx\` ON \`payload_locked_documents_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_parent_idx\` ON \`payload_locked_documents_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_path_idx\` ON \`payload_locked_documents_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_articles_id_idx\` ON \`payload_locked_documents_rels\` (\`articles_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_photos_id_idx\` ON \`payload_locked_documents_rels\` (\`photos_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_projects_id_idx\` ON \`payload_locked_documents_rels\` (\`projects_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_data_sources_id_idx\` ON \`payload_locked_documents_rels\` (\`data_sources_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_users_id_idx\` ON \`payload_locked_documents_rels\` (\`users_id\`);`)
  await db.run(sql`DROP INDEX \`articles_workflow_state_idx\`;`)
  await db.run(sql`DROP INDEX \`articles_review_stage_idx\`;`)
  await db.run(sql`ALTER TABLE \`articles\` DROP COLUMN \`workflow_state\`;`)
  await db.run(sql`ALTER TABLE \`articles\` DROP COLUMN \`review_stage\`;`)
  await db.run(sql`ALTER TABLE \`articles\` DROP COLUMN \`publish_at\`;`)
  await db.run(sql`ALTER TABLE \`articles\` DROP COLUMN \`withdraw_at\`;`)
  await db.run(sql`DROP INDEX \`_articles_v_version_version_workflow_state_idx\`;`)
  await db.run(sql`DROP INDEX \`_articles_v_version_version_review_stage_idx\`;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` DROP COLUMN \`version_workflow_state\`;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` DROP COLUMN \`version_review_stage\`;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` DROP COLUMN \`version_publish_at\`;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` DROP COLUMN \`version_withdraw_at\`;`)
  await db.run(sql`DROP INDEX \`photos_workflow_state_idx\`;`)
  await db.run(sql`DROP INDEX \`photos_review_stage_idx\`;`)
  await db.run(sql`ALTER TABLE \`photos\` DROP COLUMN \`workflow_state\`;`)
  await db.run(sql`ALTER TABLE \`photos\` DROP COLUMN \`review_stage\`;`)
  await db.run(sql`ALTER TABLE \`photos\` DROP COLUMN \`publish_at\`;`)
  await db.run(sql`ALTER TABLE \`photos\` DROP COLUMN \`withdraw_at\`;`)
  await db.run(sql`DROP INDEX \`_photos_v_version_version_workflow_state_idx\`;`)
  await db.run(sql`DROP INDEX \`_photos_v_version_version_review_stage_idx\`;`)
  await db.run(sql`ALTER TABLE \`_photos_v\` DROP COLUMN \`version_workflow_state\`;`)
  await db.run(sql`ALTER TABLE \`_photos_v\` DROP COLUMN \`version_review_stage\`;`)
  await db.run(sql`ALTER TABLE \`_photos_v\` DROP COLUMN \`version_publish_at\`;`)
  await db.run(sql`ALTER TABLE \`_photos_v\` DROP COLUMN \`version_withdraw_at\`;`)
  await db.run(sql`DROP INDEX \`projects_workflow_state_idx\`;`)
  await db.run(sql`DROP INDEX \`projects_review_stage_idx\`;`)
  await db.run(sql`ALTER TABLE \`projects\` DROP COLUMN \`workflow_state\`;`)
  await db.run(sql`ALTER TABLE \`projects\` DROP COLUMN \`review_stage\`;`)
  await db.run(sql`ALTER TABLE \`projects\` DROP COLUMN \`publish_at\`;`)
  await db.run(sql`ALTER TABLE \`projects\` DROP COLUMN \`withdraw_at\`;`)
  await db.run(sql`DROP INDEX \`_projects_v_version_version_workflow_state_idx\`;`)
  await db.run(sql`DROP INDEX \`_projects_v_version_version_review_stage_idx\`;`)
  await db.run(sql`ALTER TABLE \`_projects_v\` DROP COLUMN \`version_workflow_state\`;`)
  await db.run(sql`ALTER TABLE \`_projects_v\` DROP COLUMN \`version_review_stage\`;`)
  await db.run(sql`ALTER TABLE \`_projects_v\` DROP COLUMN \`version_publish_at\`;`)
  await db.run(sql`ALTER TABLE \`_projects_v\` DROP COLUMN \`version_withdraw_at\`;`)
  await db.run(sql`DROP INDEX \`data_sources_workflow_state_idx\`;`)
  await db.run(sql`DROP INDEX \`data_sources_review_stage_idx\`;`)
  await db.run(sql`ALTER TABLE \`data_sources\` DROP COLUMN \`workflow_state\`;`)
  await db.run(sql`ALTER TABLE \`data_sources\` DROP COLUMN \`review_stage\`;`)
  await db.run(sql`ALTER TABLE \`data_sources\` DROP COLUMN \`publish_at\`;`)
  await db.run(sql`ALTER TABLE \`data_sources\` DROP COLUMN \`withdraw_at\`;`)
  await db.run(sql`DROP INDEX \`_data_sources_v_version_version_workflow_state_idx\`;`)
  await db.run(sql`DROP INDEX \`_data_sources_v_version_version_review_stage_idx\`;`)
  await db.run(sql`ALTER TABLE \`_data_sources_v\` DROP COLUMN \`version_workflow_state\`;`)
  await db.run(sql`ALTER TABLE \`_data_sources_v\` DROP COLUMN \`version_review_stage\`;`)
  await db.run(sql`ALTER TABLE \`_data_sources_v\` DROP COLUMN \`version_publish_at\`;`)
  await db.run(sql`ALTER TABLE \`_data_sources_v\` DROP COLUMN \`version_withdraw_at\`;`)
}
