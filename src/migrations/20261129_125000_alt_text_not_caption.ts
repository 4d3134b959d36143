import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

/**
 * Alt text is a description of the picture, no longer a copy of the caption. Until now an empty
 * alt was filled with the caption on save; those copies are cleared, so the checks flag the photos
 * that still need a description. Alt text anyone wrote (different from the caption) is kept.
 * Data only: the JSON beside this file is the previous schema unchanged.
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.run(sql`UPDATE photos SET alt = NULL WHERE alt = caption`)
  await db.run(sql`UPDATE _photos_v SET version_alt = NULL WHERE version_alt = version_caption`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.run(sql`UPDATE photos SET alt = caption WHERE alt IS NULL`)
  await db.run(sql`UPDATE _photos_v SET version_alt = version_caption WHERE version_alt IS NULL`)
}
