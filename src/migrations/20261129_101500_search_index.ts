import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

/**
 * The full-text search indexes (src/search/store.ts): FTS5 tables of jieba tokens, one for what the
 * public may find and one for staff. Written by hand: drizzle's snapshot has no virtual tables, so
 * the JSON beside this file is the previous schema unchanged.
 */
const columns = `collection UNINDEXED, doc_id UNINDEXED, title, body, tgrams, bgrams, title_text UNINDEXED,
  body_text UNINDEXED, slug UNINDEXED, date UNINDEXED, tokenize = 'unicode61 remove_diacritics 0'`

export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.run(sql.raw(`CREATE VIRTUAL TABLE IF NOT EXISTS search_public USING fts5(${columns})`))
  await db.run(sql.raw(`CREATE VIRTUAL TABLE IF NOT EXISTS search_staff USING fts5(${columns})`))
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE IF EXISTS search_public`)
  await db.run(sql`DROP TABLE IF EXISTS search_staff`)
}
