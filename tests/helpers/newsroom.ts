import type { Role } from '../../src/access/roles'
import { blocksToLexical } from '../../src/import/lexical'
import { WORKFLOW_CONTEXT } from '../../src/workflow/context'
import type { TestApp } from './boot'

export type Person = { id: number; token: string; email: string }

/** Staff for workflow tests: one login per key, with the given roles. */
export async function hireStaff(app: TestApp, people: Record<string, Role[]>) {
  const staff: Record<string, Person> = {}
  for (const [key, roles] of Object.entries(people)) {
    const email = `${key}@newsroom.test`
    const user = await app.payload.create({
      collection: 'users',
      data: { email, password: `Pw-${key}-2026!`, name: key, roles },
    })
    staff[key] = { id: user.id as number, email, token: await app.login(email, `Pw-${key}-2026!`) }
  }
  return staff
}

export const simpleBody = (text = '兰州新区全力推动战略性新兴产业高质量发展。') =>
  blocksToLexical([{ type: 'paragraph', text }]) as any

/** Takes a workflow action over REST, as the admin and downstream tools do. */
export async function act(
  app: TestApp,
  who: Person | undefined,
  collection: string,
  id: number | string,
  action: string,
  extra: Record<string, unknown> = {},
) {
  return app.rest('POST', `${collection}/${id}/workflow`, {
    token: who?.token,
    body: { action, ...extra },
  })
}

/** The same action through the GraphQL mutation. */
export async function actGraphQL(
  app: TestApp,
  who: Person | undefined,
  collection: string,
  id: number | string,
  action: string,
  extra: Record<string, string> = {},
) {
  const args = Object.entries({ collection, id: String(id), action, ...extra })
    .map(([k, v]) => `${k}: ${JSON.stringify(v)}`)
    .join(', ')
  return app.graphql(
    `mutation { workflowTransition(${args}) { id collection state stage publishAt withdrawAt } }`,
    {},
    { token: who?.token },
  )
}

/** An article by `author`, put straight into a state (fixture setup, not the thing under test). */
export async function articleIn(
  app: TestApp,
  author: Person,
  state: string,
  stage: string | null = null,
  title = `稿件 ${state} ${stage ?? ''}`,
) {
  const doc = await app.payload.create({
    collection: 'articles',
    data: { title, body: simpleBody(), createdBy: author.id },
    draft: true,
  })
  return putInState(app, 'articles', doc, state, stage)
}

/** Moves a fresh draft straight into a workflow state, as the engine would have left it. */
export async function putInState<T extends { id: number | string }>(
  app: TestApp,
  collection: 'articles' | 'photos',
  doc: T,
  state: string,
  stage: string | null,
) {
  if (state === 'draft') return doc
  const published = state === 'published'
  return app.payload.update({
    collection,
    id: doc.id,
    data: {
      workflowState: state as never,
      reviewStage: stage,
      ...(published ? { _status: 'published' } : {}),
    },
    draft: !published,
    context: { [WORKFLOW_CONTEXT]: true },
  })
}
