import { HttpError } from '../http/errors'
import type { Gate } from '../workflow/steps'
import { describeFigure, describeTerm, runChecks } from './checks'
import { blocking } from './proof'

/**
 * The articles' quality gate, before submit and approve:
 * - a blocking proofreading finding (officials, typos, wording, leftovers, links) stops both;
 * - a `block` term stops submit and approve, naming the term and where it stands;
 * - figures without any linked data source stop submit;
 * - a figure that contradicts a record stops final approval, unless the final reviewer overrides
 *   it (`override: true`) with a comment; the override is noted, and the engine records it as an
 *   `override-figures` event.
 */
export const qualityGate: Gate = async ({ req, action, doc, finalStage, input, comment }) => {
  if (action !== 'submit' && action !== 'approve') return
  // Links are fetched afresh at submit; approval reads what submit found (ten minutes' cache).
  const checks = await runChecks(req, doc, { links: action === 'submit' ? 'fresh' : 'cached' })
  const proofBlocks = blocking(checks)
  if (proofBlocks.length) {
    const verb = action === 'submit' ? '送审' : '通过'
    throw new HttpError(
      400,
      'proofreading',
      `审读发现 ${proofBlocks.length} 处必须修改的问题,不能${verb}:${proofBlocks
        .slice(0, 5)
        .map((f) => `${f.place}第${f.offset}字:${f.message}`)
        .join(';')}${proofBlocks.length > 5 ? ' 等' : ''}`,
      'proofreading found blocking problems',
    )
  }
  if (checks.terms.block.length) {
    const verb = action === 'submit' ? '送审' : '通过'
    throw new HttpError(
      400,
      'blocked-terms',
      `含有禁用词,不能${verb}:${checks.terms.block.map(describeTerm).join('、')}`,
      'blocked terms',
    )
  }
  if (action === 'submit' && checks.missingDataSource) {
    throw new HttpError(
      400,
      'missing-data-source',
      `文章含有 ${checks.figures.all.length} 个数据,但没有关联数据来源,不能送审`,
      'figures need a data source',
    )
  }
  if (action === 'approve' && finalStage && checks.figures.contradictions.length) {
    const list = checks.figures.contradictions.map(describeFigure)
    const override = input.override === true || input.override === 'true'
    if (!override) {
      throw new HttpError(
        409,
        'figures-contradict',
        `数据与记录不符,终审不能通过:${list.join(';')}。如确认无误,请填写意见并选择「仍然通过」`,
        'figures contradict the records; override with a comment',
      )
    }
    if (!comment)
      throw new HttpError(
        400,
        'override-needs-comment',
        '覆盖数据核对须填写意见',
        'an override needs a comment',
      )
    return [{ action: 'override-figures', comment: `${comment}\n${list.join('\n')}` }]
  }
}
