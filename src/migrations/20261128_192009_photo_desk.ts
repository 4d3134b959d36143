import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`photos_texts\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`text\` text,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`photos\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`photos_texts_order_parent\` ON \`photos_texts\` (\`order\`,\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_photos_v_texts\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`text\` text,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_photos_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_photos_v_texts_order_parent\` ON \`_photos_v_texts\` (\`order\`,\`parent_id\`);`)
  await db.run(sql`ALTER TABLE \`articles_rels\` ADD \`photos_id\` integer REFERENCES photos(id);`)
  await db.run(sql`CREATE INDEX \`articles_rels_photos_id_idx\` ON \`articles_rels\` (\`photos_id\`);`)
  await db.run(sql`ALTER TABLE \`_articles_v_rels\` ADD \`photos_id\` integer REFERENCES photos(id);`)
  await db.run(sql`CREATE INDEX \`_articles_v_rels_photos_id_idx\` ON \`_articles_v_rels\` (\`photos_id\`);`)
  await db.run(sql`ALTER TABLE \`photos\` ADD \`camera\` text;`)
  await db.run(sql`ALTER TABLE \`photos\` ADD \`camera_serial\` text;`)
  await db.run(sql`ALTER TABLE \`photos\` ADD \`copyright\` text;`)
  await db.run(sql`ALTER TABLE \`photos\` ADD \`gps_latitude\` numeric;`)
  await db.run(sql`ALTER TABLE \`photos\` ADD \`gps_longitude\` numeric;`)
  await db.run(sql`ALTER TABLE \`photos\` ADD \`rights_expire_at\` text;`)
  await db.run(sql`CREATE INDEX \`photos_rights_expire_at_idx\` ON \`photos\` (\`rights_expire_at\`);`)
  await db.run(sql`ALTER TABLE \`_photos_v\` ADD \`version_camera\` text;`)
  await db.run(sql`ALTER TABLE \`_photos_v\` ADD \`version_camera_serial\` text;`)
  await db.run(sql`ALTER TABLE \`_photos_v\` ADD \`version_copyright\` text;`)
  await db.run(sql`ALTER TABLE \`_photos_v\` ADD \`version_gps_latitude\` numeric;`)
  await db.run(sql`ALTER TABLE \`_photos_v\` ADD \`version_gps_longitude\` numeric;`)
  await db.run(sql`ALTER TABLE \`_photos_v\` ADD \`version_rights_expire_at\` text;`)
  await db.run(sql`CREATE INDEX \`_photos_v_version_version_rights_expire_at_idx\` ON \`_photos_v\` (\`version_rights_expire_at\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`photos_texts\`;`)
  await db.run(sql`DROP TABLE \`_photos_v_texts\`;`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_articles_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`projects_id\` integer,
  	\`data_sources_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`articles\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`projects_id\`) REFERENCES \`projects\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`data_sources_id\`) REFERENCES \`data_sources\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_articles_rels\`("id", "order", "parent_id", "path", "projects_id", "data_sources_id") SELECT "id", "order", "parent_id", "path", "projects_id", "data_sources_id" FROM \`articles_rels\`;`)
  await db.run(sql`DROP TABLE \`articles_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_articles_rels\` RENAME TO \`articles_rels\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`articles_rels_order_idx\` ON \`articles_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`articles_rels_parent_idx\` ON \`articles_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`articles_rels_path_idx\` ON \`articles_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`articles_rels_projects_id_idx\` ON \`articles_rels\` (\`projects_id\`);`)
  await db.run(sql`CREATE INDEX \`articles_rels_data_sources_id_idx\` ON \`articles_rels\` (\`data_sources_id\`);`)
  await db.run(sql`CREATE TABLE \`__new__articles_v_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`projects_id\` integer,
  	\`data_sources_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_articles_v\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`projects_id\`) REFERENCES \`projects\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`data_sources_id\`) REFERENCES \`data_sources\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new__articles_v_rels\`("id", "order", "parent_id", "path", "projects_id", "data_sources_id") SELECT "id", "order", "parent_id", "path", "projects_id", "data_sources_id" FROM \`_articles_v_rels\`;`)
  await db.run(sql`DROP TABLE \`_articles_v_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new__articles_v_rels\` RENAME TO \`_articles_v_rels\`;`)
  await db.run(sql`CREATE INDEX \`_articles_v_rels_order_idx\` ON \`_articles_v_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_rels_parent_idx\` ON \`_articles_v_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_rels_path_idx\` ON \`_articles_v_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_rels_projects_id_idx\` ON \`_articles_v_rels\` (\`projects_id\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_rels_data_sources_id_idx\` ON \`_articles_v_rels\` (\`data_sources_id\`);`)
  await db.run(sql`DROP INDEX \`photos_rights_expire_at_idx\`;`)
  await db.run(sql`ALTER TABLE \`photos\` DROP COLUMN \`camera\`;`)
  await db.run(sql`ALTER TABLE \`photos\` DROP COLUMN \`camera_serial\`;`)
  await db.run(sql`ALTER TABLE \`photos\` DROP COLUMN \`copyright\`;`)
  await db.run(sql`ALTER TABLE \`photos\` DROP COLUMN \`gps_latitude\`;`)
  await db.run(sql`ALTER TABLE \`photos\` DROP COLUMN \`gps_longitude\`;`)
  await db.run(sql`ALTER TABLE \`photos\` DROP COLUMN \`rights_expire_at\`;`)
  await db.run(sql`DROP INDEX \`_photos_v_version_version_rights_expire_at_idx\`;`)
  await db.run(sql`ALTER TABLE \`_photos_v\` DROP COLUMN \`version_camera\`;`)
  await db.run(sql`ALTER TABLE \`_photos_v\` DROP COLUMN \`version_camera_serial\`;`)
  await db.run(sql`ALTER TABLE \`_photos_v\` DROP COLUMN \`version_copyright\`;`)
  await db.run(sql`ALTER TABLE \`_photos_v\` DROP COLUMN \`version_gps_latitude\`;`)
  await db.run(sql`ALTER TABLE \`_photos_v\` DROP COLUMN \`version_gps_longitude\`;`)
  await db.run(sql`ALTER TABLE \`_photos_v\` DROP COLUMN \`version_rights_expire_at\`;`)
}
