import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`officials\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text NOT NULL,
  	\`post\` text NOT NULL,
  	\`organisation\` text,
  	\`rank\` numeric,
  	\`term_start\` text,
  	\`term_end\` text,
  	\`status\` text DEFAULT 'serving' NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`officials_name_idx\` ON \`officials\` (\`name\`);`)
  await db.run(sql`CREATE INDEX \`officials_updated_at_idx\` ON \`officials\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`officials_created_at_idx\` ON \`officials\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`_officials_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_name\` text NOT NULL,
  	\`version_post\` text NOT NULL,
  	\`version_organisation\` text,
  	\`version_rank\` numeric,
  	\`version_term_start\` text,
  	\`version_term_end\` text,
  	\`version_status\` text DEFAULT 'serving' NOT NULL,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`officials\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`_officials_v_parent_idx\` ON \`_officials_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_officials_v_version_version_name_idx\` ON \`_officials_v\` (\`version_name\`);`)
  await db.run(sql`CREATE INDEX \`_officials_v_version_version_updated_at_idx\` ON \`_officials_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_officials_v_version_version_created_at_idx\` ON \`_officials_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_officials_v_created_at_idx\` ON \`_officials_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_officials_v_updated_at_idx\` ON \`_officials_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE TABLE \`typos\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`wrong\` text NOT NULL,
  	\`right\` text NOT NULL,
  	\`severity\` text DEFAULT 'warn' NOT NULL,
  	\`note\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`typos_wrong_idx\` ON \`typos\` (\`wrong\`);`)
  await db.run(sql`CREATE INDEX \`typos_updated_at_idx\` ON \`typos\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`typos_created_at_idx\` ON \`typos\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`wording_rules\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`term\` text NOT NULL,
  	\`replacement\` text,
  	\`is_pattern\` integer,
  	\`severity\` text DEFAULT 'block' NOT NULL,
  	\`valid_from\` text,
  	\`valid_to\` text,
  	\`note\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`wording_rules_updated_at_idx\` ON \`wording_rules\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`wording_rules_created_at_idx\` ON \`wording_rules\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`_wording_rules_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_term\` text NOT NULL,
  	\`version_replacement\` text,
  	\`version_is_pattern\` integer,
  	\`version_severity\` text DEFAULT 'block' NOT NULL,
  	\`version_valid_from\` text,
  	\`version_valid_to\` text,
  	\`version_note\` text,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`wording_rules\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`_wording_rules_v_parent_idx\` ON \`_wording_rules_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_wording_rules_v_version_version_updated_at_idx\` ON \`_wording_rules_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_wording_rules_v_version_version_created_at_idx\` ON \`_wording_rules_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_wording_rules_v_created_at_idx\` ON \`_wording_rules_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_wording_rules_v_updated_at_idx\` ON \`_wording_rules_v\` (\`updated_at\`);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`officials_id\` integer REFERENCES officials(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`typos_id\` integer REFERENCES typos(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`wording_rules_id\` integer REFERENCES wording_rules(id);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_officials_id_idx\` ON \`payload_locked_documents_rels\` (\`officials_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_typos_id_idx\` ON \`payload_locked_documents_rels\` (\`typos_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_wording_rules_id_idx\` ON \`payload_locked_documents_rels\` (\`wording_rules_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`officials\`;`)
  await db.run(sql`DROP TABLE \`_officials_v\`;`)
  await db.run(sql`DROP TABLE \`typos\`;`)
  await db.run(sql`DROP TABLE \`wording_rules\`;`)
  await db.run(sql`DROP TABLE \`_wording_rules_v\`;`)
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
  	\`columns_id\` integer,
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
  	FOREIGN KEY (\`columns_id\`) REFERENCES \`columns\`(\`id\`) ON UPDATE no action ON DELETE cascade,
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
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "articles_id", "photos_id", "projects_id", "data_sources_id", "columns_id", "workflow_events_id", "notifications_id", "sensitive_terms_id", "quality_reports_id", "users_id", "api_clients_id", "webhooks_id", "webhook_deliveries_id", "graphql_documents_id") SELECT "id", "order", "parent_id", "path", "articles_id", "photos_id", "projects_id", "data_sources_id", "columns_id", "workflow_events_id", "notifications_id", "sensitive_terms_id", "quality_reports_id", "users_id", "api_clients_id", "webhooks_id", "webhook_deliveries_id", "graphql_documents_id" FROM \`payload_locked_documents_rels\`;`)
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
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_columns_id_idx\` ON \`payload_locked_documents_rels\` (\`columns_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_workflow_events_id_idx\` ON \`payload_locked_documents_rels\` (\`workflow_events_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_notifications_id_idx\` ON \`payload_locked_documents_rels\` (\`notifications_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_sensitive_terms_id_idx\` ON \`payload_locked_documents_rels\` (\`sensitive_terms_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_quality_reports_id_idx\` ON \`payload_locked_documents_rels\` (\`quality_reports_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_users_id_idx\` ON \`payload_locked_documents_rels\` (\`users_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_api_clients_id_idx\` ON \`payload_locked_documents_rels\` (\`api_clients_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_webhooks_id_idx\` ON \`payload_locked_documents_rels\` (\`webhooks_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_webhook_deliveries_id_idx\` ON \`payload_locked_documents_rels\` (\`webhook_deliveries_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_graphql_documents_id_idx\` ON \`payload_locked_documents_rels\` (\`graphql_documents_id\`);`)
}
