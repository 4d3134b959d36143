/**
 * `POST /api/articles/import`: the admin's 导入稿件. A form with one or more `file` parts (.txt or
 * .docx). With `dryRun=1` it answers each file's classification (every line, its class, the
 * reason, the guesses) and writes nothing; without, it makes the drafts, all files in one
 * transaction, so a bad file leaves no article (and no photo) behind. Acting for the logged-in
 * user: their access rules apply.
 */
import type { Endpoint } from 'payload'

import { withTransaction } from '../../../src/config/transaction'
import { guarded, json, requireStaff } from '../../../src/http/endpoints'
import { HttpError } from '../../../src/http/errors'
import { importArticle, previewImport, type ImportPreview } from '../../../src/import/importArticle'

const MAX_FILES = 50

function describe(preview: ImportPreview) {
  const { parsed } = preview
  return {
    name: preview.name,
    format: preview.format,
    encoding: preview.encoding,
    title: parsed.title,
    kicker: parsed.kicker ?? null,
    column: parsed.column ?? null,
    originalDate: parsed.originalDate ?? null,
    source: parsed.masthead.source ?? null,
    byline: parsed.byline ?? null,
    images: preview.images.length,
    lines: parsed.report,
    guesses: parsed.report.filter((line) => line.guess).length,
    warnings: parsed.warnings,
  }
}

/** A file's HttpError names the file, so the editor knows which of several to fix. */
async function eachFile<T>(files: File[], run: (file: File, bytes: Uint8Array) => Promise<T>) {
  const results: T[] = []
  for (const file of files) {
    const bytes = new Uint8Array(await file.arrayBuffer())
    try {
      results.push(await run(file, bytes))
    } catch (error) {
      if (error instanceof HttpError && !error.zh.includes(file.name)) {
        throw new HttpError(error.status, error.code, `${file.name}:${error.zh}`, error.en)
      }
      throw error
    }
  }
  return results
}

export const importArticlesEndpoint: Endpoint = {
  path: '/import',
  method: 'post',
  handler: guarded(async (req) => {
    requireStaff(req)
    let form: FormData
    try {
      form = await req.formData!()
    } catch {
      throw new HttpError(
        400,
        'empty-file',
        '请选择要导入的 .txt 或 .docx 文件',
        'send files as multipart/form-data',
      )
    }
    const files = form.getAll('file').filter((part): part is File => typeof part !== 'string')
    if (!files.length)
      throw new HttpError(400, 'empty-file', '请选择要导入的 .txt 或 .docx 文件', 'no file part')
    if (files.length > MAX_FILES) {
      throw new HttpError(
        400,
        'unsupported-import',
        `一次最多导入 ${MAX_FILES} 个文件`,
        `at most ${MAX_FILES} files at once`,
      )
    }
    for (const file of files) {
      if (!/\.(txt|docx|doc)$/i.test(file.name)) {
        throw new HttpError(
          415,
          'unsupported-import',
          `${file.name}:只能导入 .txt 或 .docx 文件`,
          'only .txt and .docx files',
        )
      }
    }
    const dryRun = ['1', 'true'].includes(String(form.get('dryRun') ?? ''))
    if (dryRun) {
      const previews = await eachFile(files, (file, bytes) =>
        previewImport({ bytes, name: file.name }),
      )
      return json({ dryRun: true, files: previews.map(describe) })
    }
    const created = await withTransaction(
      req.payload,
      (txReq) =>
        eachFile(files, (file, bytes) =>
          importArticle(req.payload, { bytes, name: file.name }, { user: req.user!, req: txReq }),
        ),
      { req },
    )
    return json(
      {
        dryRun: false,
        created: created.map((result) => ({
          ...describe(result.preview),
          id: result.id,
          title: result.title,
          photoSlots: result.photoSlots,
          createdPhotos: result.createdPhotos,
        })),
      },
      201,
    )
  }),
}
