import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`columns_corrections\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`at\` text,
  	\`note\` text,
  	\`approved_by\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`columns\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`columns_corrections_order_idx\` ON \`columns_corrections\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`columns_corrections_parent_id_idx\` ON \`columns_corrections\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`columns\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text,
  	\`kind\` text DEFAULT 'news',
  	\`slug\` text,
  	\`parent_id\` integer,
  	\`description\` text,
  	\`order\` numeric DEFAULT 0,
  	\`cadence_days\` numeric,
  	\`is_public\` integer DEFAULT true,
  	\`created_by_id\` integer,
  	\`workflow_state\` text DEFAULT 'draft',
  	\`review_stage\` text,
  	\`last_changed_by_id\` integer,
  	\`publish_at\` text,
  	\`withdraw_at\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`columns\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`created_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`last_changed_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`columns_slug_idx\` ON \`columns\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`columns_parent_idx\` ON \`columns\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`columns_created_by_idx\` ON \`columns\` (\`created_by_id\`);`)
  await db.run(sql`CREATE INDEX \`columns_workflow_state_idx\` ON \`columns\` (\`workflow_state\`);`)
  await db.run(sql`CREATE INDEX \`columns_review_stage_idx\` ON \`columns\` (\`review_stage\`);`)
  await db.run(sql`CREATE INDEX \`columns_last_changed_by_idx\` ON \`columns\` (\`last_changed_by_id\`);`)
  await db.run(sql`CREATE INDEX \`columns_updated_at_idx\` ON \`columns\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`columns_created_at_idx\` ON \`columns\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`columns__status_idx\` ON \`columns\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`columns_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`users_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`columns\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`columns_rels_order_idx\` ON \`columns_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`columns_rels_parent_idx\` ON \`columns_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`columns_rels_path_idx\` ON \`columns_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`columns_rels_users_id_idx\` ON \`columns_rels\` (\`users_id\`);`)
  await db.run(sql`CREATE TABLE \`_columns_v_version_corrections\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`at\` text,
  	\`note\` text,
  	\`approved_by\` text,
  	\`_uuid\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_columns_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_columns_v_version_corrections_order_idx\` ON \`_columns_v_version_corrections\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_columns_v_version_corrections_parent_id_idx\` ON \`_columns_v_version_corrections\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_columns_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_name\` text,
  	\`version_kind\` text DEFAULT 'news',
  	\`version_slug\` text,
  	\`version_parent_id\` integer,
  	\`version_description\` text,
  	\`version_order\` numeric DEFAULT 0,
  	\`version_cadence_days\` numeric,
  	\`version_is_public\` integer DEFAULT true,
  	\`version_created_by_id\` integer,
  	\`version_workflow_state\` text DEFAULT 'draft',
  	\`version_review_stage\` text,
  	\`version_last_changed_by_id\` integer,
  	\`version_publish_at\` text,
  	\`version_withdraw_at\` text,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`latest\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`columns\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_parent_id\`) REFERENCES \`columns\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_created_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_last_changed_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`_columns_v_parent_idx\` ON \`_columns_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_columns_v_version_version_slug_idx\` ON \`_columns_v\` (\`version_slug\`);`)
  await db.run(sql`CREATE INDEX \`_columns_v_version_version_parent_idx\` ON \`_columns_v\` (\`version_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_columns_v_version_version_created_by_idx\` ON \`_columns_v\` (\`version_created_by_id\`);`)
  await db.run(sql`CREATE INDEX \`_columns_v_version_version_workflow_state_idx\` ON \`_columns_v\` (\`version_workflow_state\`);`)
  await db.run(sql`CREATE INDEX \`_columns_v_version_version_review_stage_idx\` ON \`_columns_v\` (\`version_review_stage\`);`)
  await db.run(sql`CREATE INDEX \`_columns_v_version_version_last_changed_by_idx\` ON \`_columns_v\` (\`version_last_changed_by_id\`);`)
  await db.run(sql`CREATE INDEX \`_columns_v_version_version_updated_at_idx\` ON \`_columns_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_columns_v_version_version_created_at_idx\` ON \`_columns_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_columns_v_version_version__status_idx\` ON \`_columns_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_columns_v_created_at_idx\` ON \`_columns_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_columns_v_updated_at_idx\` ON \`_columns_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_columns_v_latest_idx\` ON \`_columns_v\` (\`latest\`);`)
  await db.run(sql`CREATE TABLE \`_columns_v_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`users_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_columns_v\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_columns_v_rels_order_idx\` ON \`_columns_v_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`_columns_v_rels_parent_idx\` ON \`_columns_v_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_columns_v_rels_path_idx\` ON \`_columns_v_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`_columns_v_rels_users_id_idx\` ON \`_columns_v_rels\` (\`users_id\`);`)
  await db.run(sql`ALTER TABLE \`articles\` ADD \`primary_column_id\` integer REFERENCES columns(id);`)
  await db.run(sql`ALTER TABLE \`articles\` ADD \`interprets_id\` integer REFERENCES articles(id);`)
  await db.run(sql`CREATE INDEX \`articles_primary_column_idx\` ON \`articles\` (\`primary_column_id\`);`)
  await db.run(sql`CREATE INDEX \`articles_interprets_idx\` ON \`articles\` (\`interprets_id\`);`)
  await db.run(sql`ALTER TABLE \`articles_rels\` ADD \`columns_id\` integer REFERENCES columns(id);`)
  await db.run(sql`CREATE INDEX \`articles_rels_columns_id_idx\` ON \`articles_rels\` (\`columns_id\`);`)
  await db.run(sql`ALTER TABLE \`_articles_v\` ADD \`version_primary_column_id\` integer REFERENCES columns(id);`)
  await db.run(sql`ALTER TABLE \`_articles_v\` ADD \`version_interprets_id\` integer REFERENCES articles(id);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_primary_column_idx\` ON \`_articles_v\` (\`version_primary_column_id\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_interprets_idx\` ON \`_articles_v\` (\`version_interprets_id\`);`)
  await db.run(sql`ALTER TABLE \`_articles_v_rels\` ADD \`columns_id\` integer REFERENCES columns(id);`)
  await db.run(sql`CREATE INDEX \`_articles_v_rels_columns_id_idx\` ON \`_articles_v_rels\` (\`columns_id\`);`)
  await db.run(sql`ALTER TABLE \`photos\` ADD \`primary_column_id\` integer REFERENCES columns(id);`)
  await db.run(sql`CREATE INDEX \`photos_primary_column_idx\` ON \`photos\` (\`primary_column_id\`);`)
  await db.run(sql`ALTER TABLE \`photos_rels\` ADD \`columns_id\` integer REFERENCES columns(id);`)
  await db.run(sql`CREATE INDEX \`photos_rels_columns_id_idx\` ON \`photos_rels\` (\`columns_id\`);`)
  await db.run(sql`ALTER TABLE \`_photos_v\` ADD \`version_primary_column_id\` integer REFERENCES columns(id);`)
  await db.run(sql`CREATE INDEX \`_photos_v_version_version_primary_column_idx\` ON \`_photos_v\` (\`version_primary_column_id\`);`)
  await db.run(sql`ALTER TABLE \`_photos_v_rels\` ADD \`columns_id\` integer REFERENCES columns(id);`)
  await db.run(sql`CREATE INDEX \`_photos_v_rels_columns_id_idx\` ON \`_photos_v_rels\` (\`columns_id\`);`)
  await db.run(sql`ALTER TABLE \`quality_reports\` ADD \`kind\` text DEFAULT 'rescan';`)
  await db.run(sql`CREATE INDEX \`quality_reports_kind_idx\` ON \`quality_reports\` (\`kind\`);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`columns_id\` integer REFERENCES columns(id);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_columns_id_idx\` ON \`payload_locked_documents_rels\` (\`columns_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`columns_corrections\`;`)
  await db.run(sql`DROP TABLE \`columns\`;`)
  await db.run(sql`DROP TABLE \`columns_rels\`;`)
  await db.run(sql`DROP TABLE \`_columns_v_version_corrections\`;`)
  await db.run(sql`DROP TABLE \`_columns_v\`;`)
  await db.run(sql`DROP TABLE \`_columns_v_rels\`;`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_articles\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`kicker\` text,
  	\`title\` text,
  	\`subtitle\` text,
  	\`slogan\` text,
  	\`lead\` text,
  	\`body\` text,
  	\`cover_photo_id\` integer,
  	\`author_id\` integer,
  	\`byline\` text,
  	\`masthead_responsible_editor\` text,
  	\`masthead_editor\` text,
  	\`masthead_source\` text,
  	\`data_source_line\` text,
  	\`slug\` text,
  	\`published_date\` text,
  	\`first_published_at\` text,
  	\`excerpt\` text,
  	\`original_published_at\` text,
  	\`created_by_id\` integer,
  	\`workflow_state\` text DEFAULT 'draft',
  	\`review_stage\` text,
  	\`last_changed_by_id\` integer,
  	\`publish_at\` text,
  	\`withdraw_at\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`cover_photo_id\`) REFERENCES \`photos\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`author_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`created_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`last_changed_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_articles\`("id", "kicker", "title", "subtitle", "slogan", "lead", "body", "cover_photo_id", "author_id", "byline", "masthead_responsible_editor", "masthead_editor", "masthead_source", "data_source_line", "slug", "published_date", "first_published_at", "excerpt", "original_published_at", "created_by_id", "workflow_state", "review_stage", "last_changed_by_id", "publish_at", "withdraw_at", "updated_at", "created_at", "_status") SELECT "id", "kicker", "title", "subtitle", "slogan", "lead", "body", "cover_photo_id", "author_id", "byline", "masthead_responsible_editor", "masthead_editor", "masthead_source", "data_source_line", "slug", "published_date", "first_published_at", "excerpt", "original_published_at", "created_by_id", "workflow_state", "review_stage", "last_changed_by_id", "publish_at", "withdraw_at", "updated_at", "created_at", "_status" FROM \`articles\`;`)
  await db.run(sql`DROP TABLE \`articles\`;`)
  await db.run(sql`ALTER TABLE \`__new_articles\` RENAME TO \`articles\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`articles_cover_photo_idx\` ON \`articles\` (\`cover_photo_id\`);`)
  await db.run(sql`CREATE INDEX \`articles_author_idx\` ON \`articles\` (\`author_id\`);`)
  await db.run(sql`CREATE INDEX \`articles_slug_idx\` ON \`articles\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`articles_published_date_idx\` ON \`articles\` (\`published_date\`);`)
  await db.run(sql`CREATE INDEX \`articles_created_by_idx\` ON \`articles\` (\`created_by_id\`);`)
  await db.run(sql`CREATE INDEX \`articles_workflow_state_idx\` ON \`articles\` (\`workflow_state\`);`)
  await db.run(sql`CREATE INDEX \`articles_review_stage_idx\` ON \`articles\` (\`review_stage\`);`)
  await db.run(sql`CREATE INDEX \`articles_last_changed_by_idx\` ON \`articles\` (\`last_changed_by_id\`);`)
  await db.run(sql`CREATE INDEX \`articles_updated_at_idx\` ON \`articles\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`articles_created_at_idx\` ON \`articles\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`articles__status_idx\` ON \`articles\` (\`_status\`);`)
  await db.run(sql`CREATE INDEX \`_status_publishedDate_createdAt_workflowState_idx\` ON \`articles\` (\`_status\`,\`published_date\`,\`created_at\`,\`workflow_state\`);`)
  await db.run(sql`CREATE TABLE \`__new_articles_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`projects_id\` integer,
  	\`data_sources_id\` integer,
  	\`photos_id\` integer,
  	\`users_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`articles\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`projects_id\`) REFERENCES \`projects\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`data_sources_id\`) REFERENCES \`data_sources\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`photos_id\`) REFERENCES \`photos\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_articles_rels\`("id", "order", "parent_id", "path", "projects_id", "data_sources_id", "photos_id", "users_id") SELECT "id", "order", "parent_id", "path", "projects_id", "data_sources_id", "photos_id", "users_id" FROM \`articles_rels\`;`)
  await db.run(sql`DROP TABLE \`articles_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_articles_rels\` RENAME TO \`articles_rels\`;`)
  await db.run(sql`CREATE INDEX \`articles_rels_order_idx\` ON \`articles_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`articles_rels_parent_idx\` ON \`articles_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`articles_rels_path_idx\` ON \`articles_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`articles_rels_projects_id_idx\` ON \`articles_rels\` (\`projects_id\`);`)
  await db.run(sql`CREATE INDEX \`articles_rels_data_sources_id_idx\` ON \`articles_rels\` (\`data_sources_id\`);`)
  await db.run(sql`CREATE INDEX \`articles_rels_photos_id_idx\` ON \`articles_rels\` (\`photos_id\`);`)
  await db.run(sql`CREATE INDEX \`articles_rels_users_id_idx\` ON \`articles_rels\` (\`users_id\`);`)
  await db.run(sql`CREATE TABLE \`__new__articles_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_kicker\` text,
  	\`version_title\` text,
  	\`version_subtitle\` text,
  	\`version_slogan\` text,
  	\`version_lead\` text,
  	\`version_body\` text,
  	\`version_cover_photo_id\` integer,
  	\`version_author_id\` integer,
  	\`version_byline\` text,
  	\`version_masthead_responsible_editor\` text,
  	\`version_masthead_editor\` text,
  	\`version_masthead_source\` text,
  	\`version_data_source_line\` text,
  	\`version_slug\` text,
  	\`version_published_date\` text,
  	\`version_first_published_at\` text,
  	\`version_excerpt\` text,
  	\`version_original_published_at\` text,
  	\`version_created_by_id\` integer,
  	\`version_workflow_state\` text DEFAULT 'draft',
  	\`version_review_stage\` text,
  	\`version_last_changed_by_id\` integer,
  	\`version_publish_at\` text,
  	\`version_withdraw_at\` text,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`latest\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`articles\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_cover_photo_id\`) REFERENCES \`photos\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_author_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_created_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_last_changed_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new__articles_v\`("id", "parent_id", "version_kicker", "version_title", "version_subtitle", "version_slogan", "version_lead", "version_body", "version_cover_photo_id", "version_author_id", "version_byline", "version_masthead_responsible_editor", "version_masthead_editor", "version_masthead_source", "version_data_source_line", "version_slug", "version_published_date", "version_first_published_at", "version_excerpt", "version_original_published_at", "version_created_by_id", "version_workflow_state", "version_review_stage", "version_last_changed_by_id", "version_publish_at", "version_withdraw_at", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest") SELECT "id", "parent_id", "version_kicker", "version_title", "version_subtitle", "version_slogan", "version_lead", "version_body", "version_cover_photo_id", "version_author_id", "version_byline", "version_masthead_responsible_editor", "version_masthead_editor", "version_masthead_source", "version_data_source_line", "version_slug", "version_published_date", "version_first_published_at", "version_excerpt", "version_original_published_at", "version_created_by_id", "version_workflow_state", "version_review_stage", "version_last_changed_by_id", "version_publish_at", "version_withdraw_at", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest" FROM \`_articles_v\`;`)
  await db.run(sql`DROP TABLE \`_articles_v\`;`)
  await db.run(sql`ALTER TABLE \`__new__articles_v\` RENAME TO \`_articles_v\`;`)
  await db.run(sql`CREATE INDEX \`_articles_v_parent_idx\` ON \`_articles_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_cover_photo_idx\` ON \`_articles_v\` (\`version_cover_photo_id\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_author_idx\` ON \`_articles_v\` (\`version_author_id\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_slug_idx\` ON \`_articles_v\` (\`version_slug\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_published_date_idx\` ON \`_articles_v\` (\`version_published_date\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_created_by_idx\` ON \`_articles_v\` (\`version_created_by_id\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_workflow_state_idx\` ON \`_articles_v\` (\`version_workflow_state\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_review_stage_idx\` ON \`_articles_v\` (\`version_review_stage\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_last_changed_by_idx\` ON \`_articles_v\` (\`version_last_changed_by_id\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_updated_at_idx\` ON \`_articles_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_created_at_idx\` ON \`_articles_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version__status_idx\` ON \`_articles_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_created_at_idx\` ON \`_articles_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_updated_at_idx\` ON \`_articles_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_latest_idx\` ON \`_articles_v\` (\`latest\`);`)
  await db.run(sql`CREATE INDEX \`compound_index_idx\` ON \`_articles_v\` (\`version__status\`,\`version_published_date\`,\`version_created_at\`,\`version_workflow_state\`);`)
  await db.run(sql`CREATE TABLE \`__new__articles_v_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`projects_id\` integer,
  	\`data_sources_id\` integer,
  	\`photos_id\` integer,
  	\`users_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_articles_v\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`projects_id\`) REFERENCES \`projects\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`data_sources_id\`) REFERENCES \`data_sources\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`photos_id\`) REFERENCES \`photos\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new__articles_v_rels\`("id", "order", "parent_id", "path", "projects_id", "data_sources_id", "photos_id", "users_id") SELECT "id", "order", "parent_id", "path", "projects_id", "data_sources_id", "photos_id", "users_id" FROM \`_articles_v_rels\`;`)
  await db.run(sql`DROP TABLE \`_articles_v_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new__articles_v_rels\` RENAME TO \`_articles_v_rels\`;`)
  await db.run(sql`CREATE INDEX \`_articles_v_rels_order_idx\` ON \`_articles_v_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_rels_parent_idx\` ON \`_articles_v_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_rels_path_idx\` ON \`_articles_v_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_rels_projects_id_idx\` ON \`_articles_v_rels\` (\`projects_id\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_rels_data_sources_id_idx\` ON \`_articles_v_rels\` (\`data_sources_id\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_rels_photos_id_idx\` ON \`_articles_v_rels\` (\`photos_id\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_rels_users_id_idx\` ON \`_articles_v_rels\` (\`users_id\`);`)
  await db.run(sql`CREATE TABLE \`__new_photos\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`caption\` text,
  	\`credit\` text,
  	\`date_taken\` text,
  	\`place\` text,
  	\`alt\` text,
  	\`camera\` text,
  	\`camera_serial\` text,
  	\`copyright\` text,
  	\`gps_latitude\` numeric,
  	\`gps_longitude\` numeric,
  	\`rights_expire_at\` text,
  	\`created_by_id\` integer,
  	\`workflow_state\` text DEFAULT 'draft',
  	\`review_stage\` text,
  	\`last_changed_by_id\` integer,
  	\`publish_at\` text,
  	\`withdraw_at\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	\`url\` text,
  	\`thumbnail_u_r_l\` text,
  	\`filename\` text,
  	\`mime_type\` text,
  	\`filesize\` numeric,
  	\`width\` numeric,
  	\`height\` numeric,
  	\`focal_x\` numeric,
  	\`focal_y\` numeric,
  	\`sizes_thumbnail_url\` text,
  	\`sizes_thumbnail_width\` numeric,
  	\`sizes_thumbnail_height\` numeric,
  	\`sizes_thumbnail_mime_type\` text,
  	\`sizes_thumbnail_filesize\` numeric,
  	\`sizes_thumbnail_filename\` text,
  	\`sizes_thumbnail_webp_url\` text,
  	\`sizes_thumbnail_webp_width\` numeric,
  	\`sizes_thumbnail_webp_height\` numeric,
  	\`sizes_thumbnail_webp_mime_type\` text,
  	\`sizes_thumbnail_webp_filesize\` numeric,
  	\`sizes_thumbnail_webp_filename\` text,
  	\`sizes_card_url\` text,
  	\`sizes_card_width\` numeric,
  	\`sizes_card_height\` numeric,
  	\`sizes_card_mime_type\` text,
  	\`sizes_card_filesize\` numeric,
  	\`sizes_card_filename\` text,
  	\`sizes_card_webp_url\` text,
  	\`sizes_card_webp_width\` numeric,
  	\`sizes_card_webp_height\` numeric,
  	\`sizes_card_webp_mime_type\` text,
  	\`sizes_card_webp_filesize\` numeric,
  	\`sizes_card_webp_filename\` text,
  	\`sizes_hero_url\` text,
  	\`sizes_hero_width\` numeric,
  	\`sizes_hero_height\` numeric,
  	\`sizes_hero_mime_type\` text,
  	\`sizes_hero_filesize\` numeric,
  	\`sizes_hero_filename\` text,
  	\`sizes_hero_webp_url\` text,
  	\`sizes_hero_webp_width\` numeric,
  	\`sizes_hero_webp_height\` numeric,
  	\`sizes_hero_webp_mime_type\` text,
  	\`sizes_hero_webp_filesize\` numeric,
  	\`sizes_hero_webp_filename\` text,
  	FOREIGN KEY (\`created_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`last_changed_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_photos\`("id", "caption", "credit", "date_taken", "place", "alt", "camera", "camera_serial", "copyright", "gps_latitude", "gps_longitude", "rights_expire_at", "created_by_id", "workflow_state", "review_stage", "last_changed_by_id", "publish_at", "withdraw_at", "updated_at", "created_at", "_status", "url", "thumbnail_u_r_l", "filename", "mime_type", "filesize", "width", "height", "focal_x", "focal_y", "sizes_thumbnail_url", "sizes_thumbnail_width", "sizes_thumbnail_height", "sizes_thumbnail_mime_type", "sizes_thumbnail_filesize", "sizes_thumbnail_filename", "sizes_thumbnail_webp_url", "sizes_thumbnail_webp_width", "sizes_thumbnail_webp_height", "sizes_thumbnail_webp_mime_type", "sizes_thumbnail_webp_filesize", "sizes_thumbnail_webp_filename", "sizes_card_url", "sizes_card_width", "sizes_card_height", "sizes_card_mime_type", "sizes_card_filesize", "sizes_card_filename", "sizes_card_webp_url", "sizes_card_webp_width", "sizes_card_webp_height", "sizes_card_webp_mime_type", "sizes_card_webp_filesize", "sizes_card_webp_filename", "sizes_hero_url", "sizes_hero_width", "sizes_hero_height", "sizes_hero_mime_type", "sizes_hero_filesize", "sizes_hero_filename", "sizes_hero_webp_url", "sizes_hero_webp_width", "sizes_hero_webp_height", "sizes_hero_webp_mime_type", "sizes_hero_webp_filesize", "sizes_hero_webp_filename") SELECT "id", "caption", "credit", "date_taken", "place", "alt", "camera", "camera_serial", "copyright", "gps_latitude", "gps_longitude", "rights_expire_at", "created_by_id", "workflow_state", "review_stage", "last_changed_by_id", "publish_at", "withdraw_at", "updated_at", "created_at", "_status", "url", "thumbnail_u_r_l", "filename", "mime_type", "filesize", "width", "height", "focal_x", "focal_y", "sizes_thumbnail_url", "sizes_thumbnail_width", "sizes_thumbnail_height", "sizes_thumbnail_mime_type", "sizes_thumbnail_filesize", "sizes_thumbnail_filename", "sizes_thumbnail_webp_url", "sizes_thumbnail_webp_width", "sizes_thumbnail_webp_height", "sizes_thumbnail_webp_mime_type", "sizes_thumbnail_webp_filesize", "sizes_thumbnail_webp_filename", "sizes_card_url", "sizes_card_width", "sizes_card_height", "sizes_card_mime_type", "sizes_card_filesize", "sizes_card_filename", "sizes_card_webp_url", "sizes_card_webp_width", "sizes_card_webp_height", "sizes_card_webp_mime_type", "sizes_card_webp_filesize", "sizes_card_webp_filename", "sizes_hero_url", "sizes_hero_width", "sizes_hero_height", "sizes_hero_mime_type", "sizes_hero_filesize", "sizes_hero_filename", "sizes_hero_webp_url", "sizes_hero_webp_width", "sizes_hero_webp_height", "sizes_hero_webp_mime_type", "sizes_hero_webp_filesize", "sizes_hero_webp_filename" FROM \`photos\`;`)
  await db.run(sql`DROP TABLE \`photos\`;`)
  await db.run(sql`ALTER TABLE \`__new_photos\` RENAME TO \`photos\`;`)
  await db.run(sql`CREATE INDEX \`photos_rights_expire_at_idx\` ON \`photos\` (\`rights_expire_at\`);`)
  await db.run(sql`CREATE INDEX \`photos_created_by_idx\` ON \`photos\` (\`created_by_id\`);`)
  await db.run(sql`CREATE INDEX \`photos_workflow_state_idx\` ON \`photos\` (\`workflow_state\`);`)
  await db.run(sql`CREATE INDEX \`photos_review_stage_idx\` ON \`photos\` (\`review_stage\`);`)
  await db.run(sql`CREATE INDEX \`photos_last_changed_by_idx\` ON \`photos\` (\`last_changed_by_id\`);`)
  await db.run(sql`CREATE INDEX \`photos_updated_at_idx\` ON \`photos\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`photos_created_at_idx\` ON \`photos\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`photos__status_idx\` ON \`photos\` (\`_status\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`photos_filename_idx\` ON \`photos\` (\`filename\`);`)
  await db.run(sql`CREATE INDEX \`photos_sizes_thumbnail_sizes_thumbnail_filename_idx\` ON \`photos\` (\`sizes_thumbnail_filename\`);`)
  await db.run(sql`CREATE INDEX \`photos_sizes_thumbnail_webp_sizes_thumbnail_webp_filenam_idx\` ON \`photos\` (\`sizes_thumbnail_webp_filename\`);`)
  await db.run(sql`CREATE INDEX \`photos_sizes_card_sizes_card_filename_idx\` ON \`photos\` (\`sizes_card_filename\`);`)
  await db.run(sql`CREATE INDEX \`photos_sizes_card_webp_sizes_card_webp_filename_idx\` ON \`photos\` (\`sizes_card_webp_filename\`);`)
  await db.run(sql`CREATE INDEX \`photos_sizes_hero_sizes_hero_filename_idx\` ON \`photos\` (\`sizes_hero_filename\`);`)
  await db.run(sql`CREATE INDEX \`photos_sizes_hero_webp_sizes_hero_webp_filename_idx\` ON \`photos\` (\`sizes_hero_webp_filename\`);`)
  await db.run(sql`CREATE TABLE \`__new_photos_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`users_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`photos\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_photos_rels\`("id", "order", "parent_id", "path", "users_id") SELECT "id", "order", "parent_id", "path", "users_id" FROM \`photos_rels\`;`)
  await db.run(sql`DROP TABLE \`photos_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_photos_rels\` RENAME TO \`photos_rels\`;`)
  await db.run(sql`CREATE INDEX \`photos_rels_order_idx\` ON \`photos_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`photos_rels_parent_idx\` ON \`photos_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`photos_rels_path_idx\` ON \`photos_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`photos_rels_users_id_idx\` ON \`photos_rels\` (\`users_id\`);`)
  await db.run(sql`CREATE TABLE \`__new__photos_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_caption\` text,
  	\`version_credit\` text,
  	\`version_date_taken\` text,
  	\`version_place\` text,
  	\`version_alt\` text,
  	\`version_camera\` text,
  	\`version_camera_serial\` text,
  	\`version_copyright\` text,
  	\`version_gps_latitude\` numeric,
  	\`version_gps_longitude\` numeric,
  	\`version_rights_expire_at\` text,
  	\`version_created_by_id\` integer,
  	\`version_workflow_state\` text DEFAULT 'draft',
  	\`version_review_stage\` text,
  	\`version_last_changed_by_id\` integer,
  	\`version_publish_at\` text,
  	\`version_withdraw_at\` text,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`version_url\` text,
  	\`version_thumbnail_u_r_l\` text,
  	\`version_filename\` text,
  	\`version_mime_type\` text,
  	\`version_filesize\` numeric,
  	\`version_width\` numeric,
  	\`version_height\` numeric,
  	\`version_focal_x\` numeric,
  	\`version_focal_y\` numeric,
  	\`version_sizes_thumbnail_url\` text,
  	\`version_sizes_thumbnail_width\` numeric,
  	\`version_sizes_thumbnail_height\` numeric,
  	\`version_sizes_thumbnail_mime_type\` text,
  	\`version_sizes_thumbnail_filesize\` numeric,
  	\`version_sizes_thumbnail_filename\` text,
  	\`version_sizes_thumbnail_webp_url\` text,
  	\`version_sizes_thumbnail_webp_width\` numeric,
  	\`version_sizes_thumbnail_webp_height\` numeric,
  	\`version_sizes_thumbnail_webp_mime_type\` text,
  	\`version_sizes_thumbnail_webp_filesize\` numeric,
  	\`version_sizes_thumbnail_webp_filename\` text,
  	\`version_sizes_card_url\` text,
  	\`version_sizes_card_width\` numeric,
  	\`version_sizes_card_height\` numeric,
  	\`version_sizes_card_mime_type\` text,
  	\`version_sizes_card_filesize\` numeric,
  	\`version_sizes_card_filename\` text,
  	\`version_sizes_card_webp_url\` text,
  	\`version_sizes_card_webp_width\` numeric,
  	\`version_sizes_card_webp_height\` numeric,
  	\`version_sizes_card_webp_mime_type\` text,
  	\`version_sizes_card_webp_filesize\` numeric,
  	\`version_sizes_card_webp_filename\` text,
  	\`version_sizes_hero_url\` text,
  	\`version_sizes_hero_width\` numeric,
  	\`version_sizes_hero_height\` numeric,
  	\`version_sizes_hero_mime_type\` text,
  	\`version_sizes_hero_filesize\` numeric,
  	\`version_sizes_hero_filename\` text,
  	\`version_sizes_hero_webp_url\` text,
  	\`version_sizes_hero_webp_width\` numeric,
  	\`version_sizes_hero_webp_height\` numeric,
  	\`version_sizes_hero_webp_mime_type\` text,
  	\`version_sizes_hero_webp_filesize\` numeric,
  	\`version_sizes_hero_webp_filename\` text,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`latest\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`photos\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_created_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_last_changed_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new__photos_v\`("id", "parent_id", "version_caption", "version_credit", "version_date_taken", "version_place", "version_alt", "version_camera", "version_camera_serial", "version_copyright", "version_gps_latitude", "version_gps_longitude", "version_rights_expire_at", "version_created_by_id", "version_workflow_state", "version_review_stage", "version_last_changed_by_id", "version_publish_at", "version_withdraw_at", "version_updated_at", "version_created_at", "version__status", "version_url", "version_thumbnail_u_r_l", "version_filename", "version_mime_type", "version_filesize", "version_width", "version_height", "version_focal_x", "version_focal_y", "version_sizes_thumbnail_url", "version_sizes_thumbnail_width", "version_sizes_thumbnail_height", "version_sizes_thumbnail_mime_type", "version_sizes_thumbnail_filesize", "version_sizes_thumbnail_filename", "version_sizes_thumbnail_webp_url", "version_sizes_thumbnail_webp_width", "version_sizes_thumbnail_webp_height", "version_sizes_thumbnail_webp_mime_type", "version_sizes_thumbnail_webp_filesize", "version_sizes_thumbnail_webp_filename", "version_sizes_card_url", "version_sizes_card_width", "version_sizes_card_height", "version_sizes_card_mime_type", "version_sizes_card_filesize", "version_sizes_card_filename", "version_sizes_card_webp_url", "version_sizes_card_webp_width", "version_sizes_card_webp_height", "version_sizes_card_webp_mime_type", "version_sizes_card_webp_filesize", "version_sizes_card_webp_filename", "version_sizes_hero_url", "version_sizes_hero_width", "version_sizes_hero_height", "version_sizes_hero_mime_type", "version_sizes_hero_filesize", "version_sizes_hero_filename", "version_sizes_hero_webp_url", "version_sizes_hero_webp_width", "version_sizes_hero_webp_height", "version_sizes_hero_webp_mime_type", "version_sizes_hero_webp_filesize", "version_sizes_hero_webp_filename", "created_at", "updated_at", "latest") SELECT "id", "parent_id", "version_caption", "version_credit", "version_date_taken", "version_place", "version_alt", "version_camera", "version_camera_serial", "version_copyright", "version_gps_latitude", "version_gps_longitude", "version_rights_expire_at", "version_created_by_id", "version_workflow_state", "version_review_stage", "version_last_changed_by_id", "version_publish_at", "version_withdraw_at", "version_updated_at", "version_created_at", "version__status", "version_url", "version_thumbnail_u_r_l", "version_filename", "version_mime_type", "version_filesize", "version_width", "version_height", "version_focal_x", "version_focal_y", "version_sizes_thumbnail_url", "version_sizes_thumbnail_width", "version_sizes_thumbnail_height", "version_sizes_thumbnail_mime_type", "version_sizes_thumbnail_filesize", "version_sizes_thumbnail_filename", "version_sizes_thumbnail_webp_url", "version_sizes_thumbnail_webp_width", "version_sizes_thumbnail_webp_height", "version_sizes_thumbnail_webp_mime_type", "version_sizes_thumbnail_webp_filesize", "version_sizes_thumbnail_webp_filename", "version_sizes_card_url", "version_sizes_card_width", "version_sizes_card_height", "version_sizes_card_mime_type", "version_sizes_card_filesize", "version_sizes_card_filename", "version_sizes_card_webp_url", "version_sizes_card_webp_width", "version_sizes_card_webp_height", "version_sizes_card_webp_mime_type", "version_sizes_card_webp_filesize", "version_sizes_card_webp_filename", "version_sizes_hero_url", "version_sizes_hero_width", "version_sizes_hero_height", "version_sizes_hero_mime_type", "version_sizes_hero_filesize", "version_sizes_hero_filename", "version_sizes_hero_webp_url", "version_sizes_hero_webp_width", "version_sizes_hero_webp_height", "version_sizes_hero_webp_mime_type", "version_sizes_hero_webp_filesize", "version_sizes_hero_webp_filename", "created_at", "updated_at", "latest" FROM \`_photos_v\`;`)
  await db.run(sql`DROP TABLE \`_photos_v\`;`)
  await db.run(sql`ALTER TABLE \`__new__photos_v\` RENAME TO \`_photos_v\`;`)
  await db.run(sql`CREATE INDEX \`_photos_v_parent_idx\` ON \`_photos_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_photos_v_version_version_rights_expire_at_idx\` ON \`_photos_v\` (\`version_rights_expire_at\`);`)
  await db.run(sql`CREATE INDEX \`_photos_v_version_version_created_by_idx\` ON \`_photos_v\` (\`version_created_by_id\`);`)
  await db.run(sql`CREATE INDEX \`_photos_v_version_version_workflow_state_idx\` ON \`_photos_v\` (\`version_workflow_state\`);`)
  await db.run(sql`CREATE INDEX \`_photos_v_version_version_review_stage_idx\` ON \`_photos_v\` (\`version_review_stage\`);`)
  await db.run(sql`CREATE INDEX \`_photos_v_version_version_last_changed_by_idx\` ON \`_photos_v\` (\`version_last_changed_by_id\`);`)
  await db.run(sql`CREATE INDEX \`_photos_v_version_version_updated_at_idx\` ON \`_photos_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_photos_v_version_version_created_at_idx\` ON \`_photos_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_photos_v_version_version__status_idx\` ON \`_photos_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_photos_v_version_version_filename_idx\` ON \`_photos_v\` (\`version_filename\`);`)
  await db.run(sql`CREATE INDEX \`_photos_v_version_sizes_thumbnail_version_sizes_thumbnai_idx\` ON \`_photos_v\` (\`version_sizes_thumbnail_filename\`);`)
  await db.run(sql`CREATE INDEX \`_photos_v_version_sizes_thumbnail_webp_version_sizes_thu_idx\` ON \`_photos_v\` (\`version_sizes_thumbnail_webp_filename\`);`)
  await db.run(sql`CREATE INDEX \`_photos_v_version_sizes_card_version_sizes_card_filename_idx\` ON \`_photos_v\` (\`version_sizes_card_filename\`);`)
  await db.run(sql`CREATE INDEX \`_photos_v_version_sizes_card_webp_version_sizes_card_web_idx\` ON \`_photos_v\` (\`version_sizes_card_webp_filename\`);`)
  await db.run(sql`CREATE INDEX \`_photos_v_version_sizes_hero_version_sizes_hero_filename_idx\` ON \`_photos_v\` (\`version_sizes_hero_filename\`);`)
  await db.run(sql`CREATE INDEX \`_photos_v_version_sizes_hero_webp_version_sizes_hero_web_idx\` ON \`_photos_v\` (\`version_sizes_hero_webp_filename\`);`)
  await db.run(sql`CREATE INDEX \`_photos_v_created_at_idx\` ON \`_photos_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_photos_v_updated_at_idx\` ON \`_photos_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_photos_v_latest_idx\` ON \`_photos_v\` (\`latest\`);`)
  await db.run(sql`CREATE TABLE \`__new__photos_v_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`users_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_photos_v\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new__photos_v_rels\`("id", "order", "parent_id", "path", "users_id") SELECT "id", "order", "parent_id", "path", "users_id" FROM \`_photos_v_rels\`;`)
  await db.run(sql`DROP TABLE \`_photos_v_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new__photos_v_rels\` RENAME TO \`_photos_v_rels\`;`)
  await db.run(sql`CREATE INDEX \`_photos_v_rels_order_idx\` ON \`_photos_v_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`_photos_v_rels_parent_idx\` ON \`_photos_v_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_photos_v_rels_path_idx\` ON \`_photos_v_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`_photos_v_rels_users_id_idx\` ON \`_photos_v_rels\` (\`users_id\`);`)
  await db.run(sql`CREATE TABLE \`__new_payload_locked_documents_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`articles_id\` integer,
  	\`photos_id\` integer,
  	\`projects_id\` integer,
  	\`data_sources_id\` integer,
  	\`workflow_events_id\` integer,
  	\`notifications_id\` integer,
  	\`sensitive_terms_id\` integer,
  	\`quality_reports_id\` integer,
  	\`users_id\` integer,
  	\`api_clients_id\` integer,
  	\`webhooks_id\` integer,
  	\`webhook_deliveries_id\` integer,
  	\`graphql_documents_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_locked_documents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`articles_id\`) REFERENCES \`articles\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`photos_id\`) REFERENCES \`photos\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`projects_id\`) REFERENCES \`projects\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`data_sources_id\`) REFERENCES \`data_sources\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`workflow_events_id\`) REFERENCES \`workflow_events\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`notifications_id\`) REFERENCES \`notifications\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`sensitive_terms_id\`) REFERENCES \`sensitive_terms\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`quality_reports_id\`) REFERENCES \`quality_reports\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`api_clients_id\`) REFERENCES \`api_clients\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`webhooks_id\`) REFERENCES \`webhooks\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`webhook_deliveries_id\`) REFERENCES \`webhook_deliveries\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`graphql_documents_id\`) REFERENCES \`graphql_documents\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "articles_id", "photos_id", "projects_id", "data_sources_id", "workflow_events_id", "notifications_id", "sensitive_terms_id", "quality_reports_id", "users_id", "api_clients_id", "webhooks_id", "webhook_deliveries_id", "graphql_documents_id") SELECT "id", "order", "parent_id", "path", "articles_id", "photos_id", "projects_id", "data_sources_id", "workflow_events_id", "notifications_id", "sensitive_terms_id", "quality_reports_id", "users_id", "api_clients_id", "webhooks_id", "webhook_deliveries_id", "graphql_documents_id" FROM \`payload_locked_documents_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_payload_locked_documents_rels\` RENAME TO \`payload_locked_documents_rels\`;`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_order_idx\` ON \`payload_locked_documents_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_parent_idx\` ON \`payload_locked_documents_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_path_idx\` ON \`payload_locked_documents_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_articles_id_idx\` ON \`payload_locked_documents_rels\` (\`articles_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_photos_id_idx\` ON \`payload_locked_documents_rels\` (\`photos_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_projects_id_idx\` ON \`payload_locked_documents_rels\` (\`projects_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_data_sources_id_idx\` ON \`payload_locked_documents_rels\` (\`data_sources_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_workflow_events_id_idx\` ON \`payload_locked_documents_rels\` (\`workflow_events_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_notifications_id_idx\` ON \`payload_locked_documents_rels\` (\`notifications_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_sensitive_terms_id_idx\` ON \`payload_locked_documents_rels\` (\`sensitive_terms_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_quality_reports_id_idx\` ON \`payload_locked_documents_rels\` (\`quality_reports_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_users_id_idx\` ON \`payload_locked_documents_rels\` (\`users_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_api_clients_id_idx\` ON \`payload_locked_documents_rels\` (\`api_clients_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_webhooks_id_idx\` ON \`payload_locked_documents_rels\` (\`webhooks_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_webhook_deliveries_id_idx\` ON \`payload_locked_documents_rels\` (\`webhook_deliveries_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_graphql_documents_id_idx\` ON \`payload_locked_documents_rels\` (\`graphql_documents_id\`);`)
  await db.run(sql`DROP INDEX \`quality_reports_kind_idx\`;`)
  await db.run(sql`ALTER TABLE \`quality_reports\` DROP COLUMN \`kind\`;`)
}
