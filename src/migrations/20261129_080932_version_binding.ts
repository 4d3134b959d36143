import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`articles\` ADD \`last_changed_by_id\` integer REFERENCES users(id);`)
  await db.run(sql`CREATE INDEX \`articles_last_changed_by_idx\` ON \`articles\` (\`last_changed_by_id\`);`)
  await db.run(sql`ALTER TABLE \`_articles_v\` ADD \`version_last_changed_by_id\` integer REFERENCES users(id);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_last_changed_by_idx\` ON \`_articles_v\` (\`version_last_changed_by_id\`);`)
  await db.run(sql`ALTER TABLE \`photos\` ADD \`last_changed_by_id\` integer REFERENCES users(id);`)
  await db.run(sql`CREATE INDEX \`photos_last_changed_by_idx\` ON \`photos\` (\`last_changed_by_id\`);`)
  await db.run(sql`ALTER TABLE \`_photos_v\` ADD \`version_last_changed_by_id\` integer REFERENCES users(id);`)
  await db.run(sql`CREATE INDEX \`_photos_v_version_version_last_changed_by_idx\` ON \`_photos_v\` (\`version_last_changed_by_id\`);`)
  await db.run(sql`ALTER TABLE \`projects\` ADD \`last_changed_by_id\` integer REFERENCES users(id);`)
  await db.run(sql`CREATE INDEX \`projects_last_changed_by_idx\` ON \`projects\` (\`last_changed_by_id\`);`)
  await db.run(sql`ALTER TABLE \`_projects_v\` ADD \`version_last_changed_by_id\` integer REFERENCES users(id);`)
  await db.run(sql`CREATE INDEX \`_projects_v_version_version_last_changed_by_idx\` ON \`_projects_v\` (\`version_last_changed_by_id\`);`)
  await db.run(sql`ALTER TABLE \`data_sources\` ADD \`last_changed_by_id\` integer REFERENCES users(id);`)
  await db.run(sql`CREATE INDEX \`data_sources_last_changed_by_idx\` ON \`data_sources\` (\`last_changed_by_id\`);`)
  await db.run(sql`ALTER TABLE \`_data_sources_v\` ADD \`version_last_changed_by_id\` integer REFERENCES users(id);`)
  await db.run(sql`CREATE INDEX \`_data_sources_v_version_version_last_changed_by_idx\` ON \`_data_sources_v\` (\`version_last_changed_by_id\`);`)
  await db.run(sql`ALTER TABLE \`workflow_events\` ADD \`reviewed_version_id\` text;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
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
  	\`excerpt\` text,
  	\`created_by_id\` integer,
  	\`workflow_state\` text DEFAULT 'draft',
  	\`review_stage\` text,
  	\`publish_at\` text,
  	\`withdraw_at\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`cover_photo_id\`) REFERENCES \`photos\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`author_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`created_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_articles\`("id", "kicker", "title", "subtitle", "slogan", "lead", "body", "cover_photo_id", "author_id", "byline", "masthead_responsible_editor", "masthead_editor", "masthead_source", "data_source_line", "slug", "published_date", "excerpt", "created_by_id", "workflow_state", "review_stage", "publish_at", "withdraw_at", "updated_at", "created_at", "_status") SELECT "id", "kicker", "title", "subtitle", "slogan", "lead", "body", "cover_photo_id", "author_id", "byline", "masthead_responsible_editor", "masthead_editor", "masthead_source", "data_source_line", "slug", "published_date", "excerpt", "created_by_id", "workflow_state", "review_stage", "publish_at", "withdraw_at", "updated_at", "created_at", "_status" FROM \`articles\`;`)
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
  await db.run(sql`CREATE INDEX \`articles_updated_at_idx\` ON \`articles\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`articles_created_at_idx\` ON \`articles\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`articles__status_idx\` ON \`articles\` (\`_status\`);`)
  await db.run(sql`CREATE INDEX \`_status_publishedDate_createdAt_workflowState_idx\` ON \`articles\` (\`_status\`,\`published_date\`,\`created_at\`,\`workflow_state\`);`)
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
  	\`version_excerpt\` text,
  	\`version_created_by_id\` integer,
  	\`version_workflow_state\` text DEFAULT 'draft',
  	\`version_review_stage\` text,
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
  	FOREIGN KEY (\`version_created_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new__articles_v\`("id", "parent_id", "version_kicker", "version_title", "version_subtitle", "version_slogan", "version_lead", "version_body", "version_cover_photo_id", "version_author_id", "version_byline", "version_masthead_responsible_editor", "version_masthead_editor", "version_masthead_source", "version_data_source_line", "version_slug", "version_published_date", "version_excerpt", "version_created_by_id", "version_workflow_state", "version_review_stage", "version_publish_at", "version_withdraw_at", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest") SELECT "id", "parent_id", "version_kicker", "version_title", "version_subtitle", "version_slogan", "version_lead", "version_body", "version_cover_photo_id", "version_author_id", "version_byline", "version_masthead_responsible_editor", "version_masthead_editor", "version_masthead_source", "version_data_source_line", "version_slug", "version_published_date", "version_excerpt", "version_created_by_id", "version_workflow_state", "version_review_stage", "version_publish_at", "version_withdraw_at", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest" FROM \`_articles_v\`;`)
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
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_updated_at_idx\` ON \`_articles_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_created_at_idx\` ON \`_articles_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version__status_idx\` ON \`_articles_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_created_at_idx\` ON \`_articles_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_updated_at_idx\` ON \`_articles_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_latest_idx\` ON \`_articles_v\` (\`latest\`);`)
  await db.run(sql`CREATE INDEX \`compound_index_idx\` ON \`_articles_v\` (\`version__status\`,\`version_published_date\`,\`version_created_at\`,\`version_workflow_state\`);`)
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
  	FOREIGN KEY (\`created_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_photos\`("id", "caption", "credit", "date_taken", "place", "alt", "camera", "camera_serial", "copyright", "gps_latitude", "gps_longitude", "rights_expire_at", "created_by_id", "workflow_state", "review_stage", "publish_at", "withdraw_at", "updated_at", "created_at", "_status", "url", "thumbnail_u_r_l", "filename", "mime_type", "filesize", "width", "height", "focal_x", "focal_y", "sizes_thumbnail_url", "sizes_thumbnail_width", "sizes_thumbnail_height", "sizes_thumbnail_mime_type", "sizes_thumbnail_filesize", "sizes_thumbnail_filename", "sizes_thumbnail_webp_url", "sizes_thumbnail_webp_width", "sizes_thumbnail_webp_height", "sizes_thumbnail_webp_mime_type", "sizes_thumbnail_webp_filesize", "sizes_thumbnail_webp_filename", "sizes_card_url", "sizes_card_width", "sizes_card_height", "sizes_card_mime_type", "sizes_card_filesize", "sizes_card_filename", "sizes_card_webp_url", "sizes_card_webp_width", "sizes_card_webp_height", "sizes_card_webp_mime_type", "sizes_card_webp_filesize", "sizes_card_webp_filename", "sizes_hero_url", "sizes_hero_width", "sizes_hero_height", "sizes_hero_mime_type", "sizes_hero_filesize", "sizes_hero_filename", "sizes_hero_webp_url", "sizes_hero_webp_width", "sizes_hero_webp_height", "sizes_hero_webp_mime_type", "sizes_hero_webp_filesize", "sizes_hero_webp_filename") SELECT "id", "caption", "credit", "date_taken", "place", "alt", "camera", "camera_serial", "copyright", "gps_latitude", "gps_longitude", "rights_expire_at", "created_by_id", "workflow_state", "review_stage", "publish_at", "withdraw_at", "updated_at", "created_at", "_status", "url", "thumbnail_u_r_l", "filename", "mime_type", "filesize", "width", "height", "focal_x", "focal_y", "sizes_thumbnail_url", "sizes_thumbnail_width", "sizes_thumbnail_height", "sizes_thumbnail_mime_type", "sizes_thumbnail_filesize", "sizes_thumbnail_filename", "sizes_thumbnail_webp_url", "sizes_thumbnail_webp_width", "sizes_thumbnail_webp_height", "sizes_thumbnail_webp_mime_type", "sizes_thumbnail_webp_filesize", "sizes_thumbnail_webp_filename", "sizes_card_url", "sizes_card_width", "sizes_card_height", "sizes_card_mime_type", "sizes_card_filesize", "sizes_card_filename", "sizes_card_webp_url", "sizes_card_webp_width", "sizes_card_webp_height", "sizes_card_webp_mime_type", "sizes_card_webp_filesize", "sizes_card_webp_filename", "sizes_hero_url", "sizes_hero_width", "sizes_hero_height", "sizes_hero_mime_type", "sizes_hero_filesize", "sizes_hero_filename", "sizes_hero_webp_url", "sizes_hero_webp_width", "sizes_hero_webp_height", "sizes_hero_webp_mime_type", "sizes_hero_webp_filesize", "sizes_hero_webp_filename" FROM \`photos\`;`)
  await db.run(sql`DROP TABLE \`photos\`;`)
  await db.run(sql`ALTER TABLE \`__new_photos\` RENAME TO \`photos\`;`)
  await db.run(sql`CREATE INDEX \`photos_rights_expire_at_idx\` ON \`photos\` (\`rights_expire_at\`);`)
  await db.run(sql`CREATE INDEX \`photos_created_by_idx\` ON \`photos\` (\`created_by_id\`);`)
  await db.run(sql`CREATE INDEX \`photos_workflow_state_idx\` ON \`photos\` (\`workflow_state\`);`)
  await db.run(sql`CREATE INDEX \`photos_review_stage_idx\` ON \`photos\` (\`review_stage\`);`)
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
  	FOREIGN KEY (\`version_created_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new__photos_v\`("id", "parent_id", "version_caption", "version_credit", "version_date_taken", "version_place", "version_alt", "version_camera", "version_camera_serial", "version_copyright", "version_gps_latitude", "version_gps_longitude", "version_rights_expire_at", "version_created_by_id", "version_workflow_state", "version_review_stage", "version_publish_at", "version_withdraw_at", "version_updated_at", "version_created_at", "version__status", "version_url", "version_thumbnail_u_r_l", "version_filename", "version_mime_type", "version_filesize", "version_width", "version_height", "version_focal_x", "version_focal_y", "version_sizes_thumbnail_url", "version_sizes_thumbnail_width", "version_sizes_thumbnail_height", "version_sizes_thumbnail_mime_type", "version_sizes_thumbnail_filesize", "version_sizes_thumbnail_filename", "version_sizes_thumbnail_webp_url", "version_sizes_thumbnail_webp_width", "version_sizes_thumbnail_webp_height", "version_sizes_thumbnail_webp_mime_type", "version_sizes_thumbnail_webp_filesize", "version_sizes_thumbnail_webp_filename", "version_sizes_card_url", "version_sizes_card_width", "version_sizes_card_height", "version_sizes_card_mime_type", "version_sizes_card_filesize", "version_sizes_card_filename", "version_sizes_card_webp_url", "version_sizes_card_webp_width", "version_sizes_card_webp_height", "version_sizes_card_webp_mime_type", "version_sizes_card_webp_filesize", "version_sizes_card_webp_filename", "version_sizes_hero_url", "version_sizes_hero_width", "version_sizes_hero_height", "version_sizes_hero_mime_type", "version_sizes_hero_filesize", "version_sizes_hero_filename", "version_sizes_hero_webp_url", "version_sizes_hero_webp_width", "version_sizes_hero_webp_height", "version_sizes_hero_webp_mime_type", "version_sizes_hero_webp_filesize", "version_sizes_hero_webp_filename", "created_at", "updated_at", "latest") SELECT "id", "parent_id", "version_caption", "version_credit", "version_date_taken", "version_place", "version_alt", "version_camera", "version_camera_serial", "version_copyright", "version_gps_latitude", "version_gps_longitude", "version_rights_expire_at", "version_created_by_id", "version_workflow_state", "version_review_stage", "version_publish_at", "version_withdraw_at", "version_updated_at", "version_created_at", "version__status", "version_url", "version_thumbnail_u_r_l", "version_filename", "version_mime_type", "version_filesize", "version_width", "version_height", "version_focal_x", "version_focal_y", "version_sizes_thumbnail_url", "version_sizes_thumbnail_width", "version_sizes_thumbnail_height", "version_sizes_thumbnail_mime_type", "version_sizes_thumbnail_filesize", "version_sizes_thumbnail_filename", "version_sizes_thumbnail_webp_url", "version_sizes_thumbnail_webp_width", "version_sizes_thumbnail_webp_height", "version_sizes_thumbnail_webp_mime_type", "version_sizes_thumbnail_webp_filesize", "version_sizes_thumbnail_webp_filename", "version_sizes_card_url", "version_sizes_card_width", "version_sizes_card_height", "version_sizes_card_mime_type", "version_sizes_card_filesize", "version_sizes_card_filename", "version_sizes_card_webp_url", "version_sizes_card_webp_width", "version_sizes_card_webp_height", "version_sizes_card_webp_mime_type", "version_sizes_card_webp_filesize", "version_sizes_card_webp_filename", "version_sizes_hero_url", "version_sizes_hero_width", "version_sizes_hero_height", "version_sizes_hero_mime_type", "version_sizes_hero_filesize", "version_sizes_hero_filename", "version_sizes_hero_webp_url", "version_sizes_hero_webp_width", "version_sizes_hero_webp_height", "version_sizes_hero_webp_mime_type", "version_sizes_hero_webp_filesize", "version_sizes_hero_webp_filename", "created_at", "updated_at", "latest" FROM \`_photos_v\`;`)
  await db.run(sql`DROP TABLE \`_photos_v\`;`)
  await db.run(sql`ALTER TABLE \`__new__photos_v\` RENAME TO \`_photos_v\`;`)
  await db.run(sql`CREATE INDEX \`_photos_v_parent_idx\` ON \`_photos_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_photos_v_version_version_rights_expire_at_idx\` ON \`_photos_v\` (\`version_rights_expire_at\`);`)
  await db.run(sql`CREATE INDEX \`_photos_v_version_version_created_by_idx\` ON \`_photos_v\` (\`version_created_by_id\`);`)
  await db.run(sql`CREATE INDEX \`_photos_v_version_version_workflow_state_idx\` ON \`_photos_v\` (\`version_workflow_state\`);`)
  await db.run(sql`CREATE INDEX \`_photos_v_version_version_review_stage_idx\` ON \`_photos_v\` (\`version_review_stage\`);`)
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
  await db.run(sql`CREATE TABLE \`__new_projects\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text,
  	\`company\` text,
  	\`park\` text,
  	\`investment_amount\` numeric,
  	\`investment_unit\` text DEFAULT '亿元',
  	\`investment_wan_yuan\` numeric,
  	\`investment_display\` text,
  	\`status\` text DEFAULT 'signed',
  	\`milestones_signed_on\` text,
  	\`milestones_started_on\` text,
  	\`milestones_building_since\` text,
  	\`milestones_operating_since\` text,
  	\`location\` text,
  	\`created_by_id\` integer,
  	\`workflow_state\` text DEFAULT 'draft',
  	\`review_stage\` text,
  	\`publish_at\` text,
  	\`withdraw_at\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`created_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_projects\`("id", "name", "company", "park", "investment_amount", "investment_unit", "investment_wan_yuan", "investment_display", "status", "milestones_signed_on", "milestones_started_on", "milestones_building_since", "milestones_operating_since", "location", "created_by_id", "workflow_state", "review_stage", "publish_at", "withdraw_at", "updated_at", "created_at", "_status") SELECT "id", "name", "company", "park", "investment_amount", "investment_unit", "investment_wan_yuan", "investment_display", "status", "milestones_signed_on", "milestones_started_on", "milestones_building_since", "milestones_operating_since", "location", "created_by_id", "workflow_state", "review_stage", "publish_at", "withdraw_at", "updated_at", "created_at", "_status" FROM \`projects\`;`)
  await db.run(sql`DROP TABLE \`projects\`;`)
  await db.run(sql`ALTER TABLE \`__new_projects\` RENAME TO \`projects\`;`)
  await db.run(sql`CREATE INDEX \`projects_park_idx\` ON \`projects\` (\`park\`);`)
  await db.run(sql`CREATE INDEX \`projects_investment_investment_wan_yuan_idx\` ON \`projects\` (\`investment_wan_yuan\`);`)
  await db.run(sql`CREATE INDEX \`projects_status_idx\` ON \`projects\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`projects_created_by_idx\` ON \`projects\` (\`created_by_id\`);`)
  await db.run(sql`CREATE INDEX \`projects_workflow_state_idx\` ON \`projects\` (\`workflow_state\`);`)
  await db.run(sql`CREATE INDEX \`projects_review_stage_idx\` ON \`projects\` (\`review_stage\`);`)
  await db.run(sql`CREATE INDEX \`projects_updated_at_idx\` ON \`projects\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`projects_created_at_idx\` ON \`projects\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`projects__status_idx\` ON \`projects\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`__new__projects_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_name\` text,
  	\`version_company\` text,
  	\`version_park\` text,
  	\`version_investment_amount\` numeric,
  	\`version_investment_unit\` text DEFAULT '亿元',
  	\`version_investment_wan_yuan\` numeric,
  	\`version_investment_display\` text,
  	\`version_status\` text DEFAULT 'signed',
  	\`version_milestones_signed_on\` text,
  	\`version_milestones_started_on\` text,
  	\`version_milestones_building_since\` text,
  	\`version_milestones_operating_since\` text,
  	\`version_location\` text,
  	\`version_created_by_id\` integer,
  	\`version_workflow_state\` text DEFAULT 'draft',
  	\`version_review_stage\` text,
  	\`version_publish_at\` text,
  	\`version_withdraw_at\` text,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`latest\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`projects\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_created_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new__projects_v\`("id", "parent_id", "version_name", "version_company", "version_park", "version_investment_amount", "version_investment_unit", "version_investment_wan_yuan", "version_investment_display", "version_status", "version_milestones_signed_on", "version_milestones_started_on", "version_milestones_building_since", "version_milestones_operating_since", "version_location", "version_created_by_id", "version_workflow_state", "version_review_stage", "version_publish_at", "version_withdraw_at", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest") SELECT "id", "parent_id", "version_name", "version_company", "version_park", "version_investment_amount", "version_investment_unit", "version_investment_wan_yuan", "version_investment_display", "version_status", "version_milestones_signed_on", "version_milestones_started_on", "version_milestones_building_since", "version_milestones_operating_since", "version_location", "version_created_by_id", "version_workflow_state", "version_review_stage", "version_publish_at", "version_withdraw_at", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest" FROM \`_projects_v\`;`)
  await db.run(sql`DROP TABLE \`_projects_v\`;`)
  await db.run(sql`ALTER TABLE \`__new__projects_v\` RENAME TO \`_projects_v\`;`)
  await db.run(sql`CREATE INDEX \`_projects_v_parent_idx\` ON \`_projects_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_projects_v_version_version_park_idx\` ON \`_projects_v\` (\`version_park\`);`)
  await db.run(sql`CREATE INDEX \`_projects_v_version_investment_version_investment_wan_yu_idx\` ON \`_projects_v\` (\`version_investment_wan_yuan\`);`)
  await db.run(sql`CREATE INDEX \`_projects_v_version_version_status_idx\` ON \`_projects_v\` (\`version_status\`);`)
  await db.run(sql`CREATE INDEX \`_projects_v_version_version_created_by_idx\` ON \`_projects_v\` (\`version_created_by_id\`);`)
  await db.run(sql`CREATE INDEX \`_projects_v_version_version_workflow_state_idx\` ON \`_projects_v\` (\`version_workflow_state\`);`)
  await db.run(sql`CREATE INDEX \`_projects_v_version_version_review_stage_idx\` ON \`_projects_v\` (\`version_review_stage\`);`)
  await db.run(sql`CREATE INDEX \`_projects_v_version_version_updated_at_idx\` ON \`_projects_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_projects_v_version_version_created_at_idx\` ON \`_projects_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_projects_v_version_version__status_idx\` ON \`_projects_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_projects_v_created_at_idx\` ON \`_projects_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_projects_v_updated_at_idx\` ON \`_projects_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_projects_v_latest_idx\` ON \`_projects_v\` (\`latest\`);`)
  await db.run(sql`CREATE TABLE \`__new_data_sources\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`office\` text,
  	\`contact\` text,
  	\`created_by_id\` integer,
  	\`workflow_state\` text DEFAULT 'draft',
  	\`review_stage\` text,
  	\`publish_at\` text,
  	\`withdraw_at\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`created_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_data_sources\`("id", "office", "contact", "created_by_id", "workflow_state", "review_stage", "publish_at", "withdraw_at", "updated_at", "created_at", "_status") SELECT "id", "office", "contact", "created_by_id", "workflow_state", "review_stage", "publish_at", "withdraw_at", "updated_at", "created_at", "_status" FROM \`data_sources\`;`)
  await db.run(sql`DROP TABLE \`data_sources\`;`)
  await db.run(sql`ALTER TABLE \`__new_data_sources\` RENAME TO \`data_sources\`;`)
  await db.run(sql`CREATE UNIQUE INDEX \`data_sources_office_idx\` ON \`data_sources\` (\`office\`);`)
  await db.run(sql`CREATE INDEX \`data_sources_created_by_idx\` ON \`data_sources\` (\`created_by_id\`);`)
  await db.run(sql`CREATE INDEX \`data_sources_workflow_state_idx\` ON \`data_sources\` (\`workflow_state\`);`)
  await db.run(sql`CREATE INDEX \`data_sources_review_stage_idx\` ON \`data_sources\` (\`review_stage\`);`)
  await db.run(sql`CREATE INDEX \`data_sources_updated_at_idx\` ON \`data_sources\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`data_sources_created_at_idx\` ON \`data_sources\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`data_sources__status_idx\` ON \`data_sources\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`__new__data_sources_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_office\` text,
  	\`version_contact\` text,
  	\`version_created_by_id\` integer,
  	\`version_workflow_state\` text DEFAULT 'draft',
  	\`version_review_stage\` text,
  	\`version_publish_at\` text,
  	\`version_withdraw_at\` text,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`latest\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`data_sources\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_created_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new__data_sources_v\`("id", "parent_id", "version_office", "version_contact", "version_created_by_id", "version_workflow_state", "version_review_stage", "version_publish_at", "version_withdraw_at", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest") SELECT "id", "parent_id", "version_office", "version_contact", "version_created_by_id", "version_workflow_state", "version_review_stage", "version_publish_at", "version_withdraw_at", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest" FROM \`_data_sources_v\`;`)
  await db.run(sql`DROP TABLE \`_data_sources_v\`;`)
  await db.run(sql`ALTER TABLE \`__new__data_sources_v\` RENAME TO \`_data_sources_v\`;`)
  await db.run(sql`CREATE INDEX \`_data_sources_v_parent_idx\` ON \`_data_sources_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_data_sources_v_version_version_office_idx\` ON \`_data_sources_v\` (\`version_office\`);`)
  await db.run(sql`CREATE INDEX \`_data_sources_v_version_version_created_by_idx\` ON \`_data_sources_v\` (\`version_created_by_id\`);`)
  await db.run(sql`CREATE INDEX \`_data_sources_v_version_version_workflow_state_idx\` ON \`_data_sources_v\` (\`version_workflow_state\`);`)
  await db.run(sql`CREATE INDEX \`_data_sources_v_version_version_review_stage_idx\` ON \`_data_sources_v\` (\`version_review_stage\`);`)
  await db.run(sql`CREATE INDEX \`_data_sources_v_version_version_updated_at_idx\` ON \`_data_sources_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_data_sources_v_version_version_created_at_idx\` ON \`_data_sources_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_data_sources_v_version_version__status_idx\` ON \`_data_sources_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_data_sources_v_created_at_idx\` ON \`_data_sources_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_data_sources_v_updated_at_idx\` ON \`_data_sources_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_data_sources_v_latest_idx\` ON \`_data_sources_v\` (\`latest\`);`)
  await db.run(sql`ALTER TABLE \`workflow_events\` DROP COLUMN \`reviewed_version_id\`;`)
}
