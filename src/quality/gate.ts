import type { PayloadRequest } from 'payload'

import type { Action, WorkflowCollection } from '../workflow/table'
import { describeFigure, describeTerm, runChecks } from './checks'

export class QualityBlock extends Error {
  constructor(
    readonly status: 400 | 409,
    message: string,
  ) {
    super(message)
    this.name = 'QualityBlock'
  }
}

/**
 * What the checks stop, before a transition is applied. Only articles are checked:
 * - a `block` term stops submit and approve, naming the term and where it stands;
 * - figures without any linked data source stop submit;
 * - a figure that contradicts a record stops final approval, unless the final reviewer overrides
 *   it with a comment (the engine records the override as a workflow event).
 * Returns the contradictions that the override covered, for the engine to record.
 */
export async function qualityGate(
  req: PayloadRequest,
  args: { collection: WorkflowCollection; doc: Record<string, any>; action: Action; finalStage: boolean; override: boolean; comment: string | null },
): Promise<string[]> {
  if (args.collection !== 'articles' || (args.action !== 'submit' && args.action !== 'approve')) return []
  const checks = await runChecks(req, args.doc)
  if (checks.terms.block.length) {
    throw new QualityBlock(400, `含有禁用词,不能${args.action === 'submit' ? '送审' : '通过'}:${checks.terms.block.map(describeTerm).join('、')} (blocked terms)`)
  }
  if (args.action === 'submit' && checks.missingDataSource) {
    throw new QualityBlock(400, `文章含有 ${checks.figures.all.length} 个数据,但没有关联数据来源,不能送审 (figures need a data source)`)
  }
  if (args.action === 'approve' && args.finalStage && checks.figures.contradictions.length) {
    const list = checks.figures.contradictions.map(describeFigure)
    if (!args.override) {
      throw new QualityBlock(409, `数据与记录不符,终审不能通过:${list.join(';')}。如确认无误,请填写意见并选择「仍然通过」(override)`)
    }
    if (!args.comment) throw new QualityBlock(400, '覆盖数据核对须填写意见 (an override needs a comment)')
    return list
  }
  return []
}
