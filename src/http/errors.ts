/**
 * The one error type a request can end in. Each carries its HTTP status, a stable machine code
 * that clients and the admin switch on (never on the wording), and the message in Chinese and
 * English; `message` is both, as every answer shows it: `中文 (English)`.
 */
export type ErrorCode =
  // who and what
  | 'not-logged-in'
  | 'forbidden'
  | 'not-found'
  | 'not-a-workflow-collection'
  // the workflow table
  | 'unknown-action'
  | 'comment-required'
  | 'invalid-date'
  | 'date-in-past'
  | 'wrong-state'
  | 'unknown-stage'
  | 'role-forbidden'
  | 'self-approval'
  | 'contributor'
  | 'same-reviewer'
  | 'missing-fields'
  | 'photos-not-approved'
  | 'concurrent-change'
  | 'stale-version'
  | 'nothing-to-correct'
  // quality gates
  | 'blocked-terms'
  | 'missing-data-source'
  | 'figures-contradict'
  | 'override-needs-comment'
  | 'proofreading'
  // uploads
  | 'file-too-large'
  | 'unsupported-file'
  | 'extension-mismatch'
  | 'corrupt-image'
  | 'too-many-pixels'
  // imports
  | 'empty-file'
  | 'binary-file'
  | 'unknown-encoding'
  | 'no-title'
  | 'no-body'
  | 'bad-docx'
  | 'unsupported-import'
  // columns
  | 'column-loop'
  | 'column-in-use'
  // search
  | 'search-query'

export type HttpStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415

export class HttpError extends Error {
  constructor(
    readonly status: HttpStatus,
    readonly code: ErrorCode,
    readonly zh: string,
    readonly en: string,
  ) {
    super(`${zh} (${en})`)
    this.name = 'HttpError'
  }

  /** As it appears in an answer's `errors` list. */
  toJSON() {
    return { message: this.message, code: this.code }
  }
}

export const isHttpError = (error: unknown): error is HttpError => error instanceof HttpError
