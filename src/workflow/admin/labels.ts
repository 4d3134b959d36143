import { STATE_LABELS, WORKFLOWS, type State } from '../table'

/** Labels for the admin, picked by the admin's language. */
export const pick = (text: { zh: string; en: string } | undefined, language: string) =>
  text ? (language.startsWith('zh') ? text.zh : text.en) : ''

const STAGES = Object.values(WORKFLOWS).flatMap((workflow) => workflow.stages)

export const stateText = (state: string | null | undefined, language: string) =>
  pick(STATE_LABELS[(state ?? 'draft') as State], language)

export const stageText = (stage: string | null | undefined, language: string) =>
  pick(STAGES.find((s) => s.key === stage)?.label, language)

export const STATE_COLOURS: Record<State, string> = {
  draft: '#6b7280',
  in_review: '#b45309',
  approved: '#1d4ed8',
  published: '#15803d',
  withdrawn: '#b91c1c',
}
