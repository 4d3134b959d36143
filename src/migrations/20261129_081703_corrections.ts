import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`articles_corrections\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`at\` text,
  	\`note\` text,
  	\`approved_by\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`articles\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`articles_corrections_order_idx\` ON \`articles_corrections\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`articles_corrections_parent_id_idx\` ON \`articles_corrections\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_articles_v_version_corrections\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`at\` text,
  	\`note\` text,
  	\`approved_by\` text,
  	\`_uuid\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_articles_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_articles_v_version_corrections_order_idx\` ON \`_articles_v_version_corrections\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_corrections_parent_id_idx\` ON \`_articles_v_version_corrections\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`photos_corrections\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`at\` text,
  	\`note\` text,
  	\`approved_by\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`photos\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`photos_corrections_order_idx\` ON \`photos_corrections\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`photos_corrections_parent_id_idx\` ON \`photos_corrections\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_photos_v_version_corrections\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`at\` text,
  	\`note\` text,
  	\`approved_by\` text,
  	\`_uuid\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_photos_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_photos_v_version_corrections_order_idx\` ON \`_photos_v_version_corrections\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_photos_v_version_corrections_parent_id_idx\` ON \`_photos_v_version_corrections\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`projects_corrections\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`at\` text,
  	\`note\` text,
  	\`approved_by\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`projects\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`projects_corrections_order_idx\` ON \`projects_corrections\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`projects_corrections_parent_id_idx\` ON \`projects_corrections\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_projects_v_version_corrections\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`at\` text,
  	\`note\` text,
  	\`approved_by\` text,
  	\`_uuid\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_projects_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_projects_v_version_corrections_order_idx\` ON \`_projects_v_version_corrections\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_projects_v_version_corrections_parent_id_idx\` ON \`_projects_v_version_corrections\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`data_sources_corrections\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`at\` text,
  	\`note\` text,
  	\`approved_by\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`data_sources\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`data_sources_corrections_order_idx\` ON \`data_sources_corrections\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`data_sources_corrections_parent_id_idx\` ON \`data_sources_corrections\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_data_sources_v_version_corrections\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`at\` text,
  	\`note\` text,
  	\`approved_by\` text,
  	\`_uuid\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_data_sources_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_data_sources_v_version_corrections_order_idx\` ON \`_data_sources_v_version_corrections\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_data_sources_v_version_corrections_parent_id_idx\` ON \`_data_sources_v_version_corrections\` (\`_parent_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`articles_corrections\`;`)
  await db.run(sql`DROP TABLE \`_articles_v_version_corrections\`;`)
  await db.run(sql`DROP TABLE \`photos_corrections\`;`)
  await db.run(sql`DROP TABLE \`_photos_v_version_corrections\`;`)
  await db.run(sql`DROP TABLE \`projects_corrections\`;`)
  await db.run(sql`DROP TABLE \`_projects_v_version_corrections\`;`)
  await db.run(sql`DROP TABLE \`data_sources_corrections\`;`)
  await db.run(sql`DROP TABLE \`_data_sources_v_version_corrections\`;`)
}
