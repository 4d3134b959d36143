import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`articles_import_notes\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`line\` numeric,
  	\`kind\` text,
  	\`text\` text,
  	\`reason\` text,
  	\`confirmed\` integer,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`articles\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`articles_import_notes_order_idx\` ON \`articles_import_notes\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`articles_import_notes_parent_id_idx\` ON \`articles_import_notes\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_articles_v_version_import_notes\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`line\` numeric,
  	\`kind\` text,
  	\`text\` text,
  	\`reason\` text,
  	\`confirmed\` integer,
  	\`_uuid\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_articles_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_articles_v_version_import_notes_order_idx\` ON \`_articles_v_version_import_notes\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_import_notes_parent_id_idx\` ON \`_articles_v_version_import_notes\` (\`_parent_id\`);`)
  await db.run(sql`ALTER TABLE \`articles\` ADD \`original_published_at\` text;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` ADD \`version_original_published_at\` text;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`articles_import_notes\`;`)
  await db.run(sql`DROP TABLE \`_articles_v_version_import_notes\`;`)
  await db.run(sql`ALTER TABLE \`articles\` DROP COLUMN \`original_published_at\`;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` DROP COLUMN \`version_original_published_at\`;`)
}
