import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`workflow_events_actor_roles\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`value\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`workflow_events\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`workflow_events_actor_roles_order_idx\` ON \`workflow_events_actor_roles\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`workflow_events_actor_roles_parent_idx\` ON \`workflow_events_actor_roles\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`setup_claims\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`key\` text NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`setup_claims_key_idx\` ON \`setup_claims\` (\`key\`);`)
  await db.run(sql`CREATE INDEX \`setup_claims_updated_at_idx\` ON \`setup_claims\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`setup_claims_created_at_idx\` ON \`setup_claims\` (\`created_at\`);`)
  await db.run(sql`ALTER TABLE \`workflow_events\` ADD \`actor_name\` text;`)
  await db.run(sql`ALTER TABLE \`webhooks\` ADD \`allow_private_network\` integer DEFAULT false;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`workflow_events_actor_roles\`;`)
  await db.run(sql`DROP TABLE \`setup_claims\`;`)
  await db.run(sql`ALTER TABLE \`workflow_events\` DROP COLUMN \`actor_name\`;`)
  await db.run(sql`ALTER TABLE \`webhooks\` DROP COLUMN \`allow_private_network\`;`)
}
