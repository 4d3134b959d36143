import type { HttpError } from '../../src/http/errors'
import { allowedActions, decide, SCHEDULER, type Revision } from '../../src/workflow/decide'
import { parseRequest } from '../../src/workflow/engine'

const draft: Revision = {
  state: 'draft',
  stage: null,
  createdBy: 1,
  submittedBy: null,
  approvedBy: [],
  contributors: [],
}
const atStage = (stage: string, approvedBy: number[] = []): Revision => ({
  state: 'in_review',
  stage,
  createdBy: 1,
  submittedBy: 1,
  approvedBy,
  contributors: [],
})

describe('decide', () => {
  it('should send a submitted article to 初审 and a photo to its single stage', () => {
    expect(decide('articles', draft, { id: 1, roles: ['editor'] }, 'submit')).toEqual({
      ok: true,
      to: { state: 'in_review', stage: 'first-review' },
    })
    expect(decide('photos', draft, { id: 1, roles: ['photographer'] }, 'submit')).toEqual({
      ok: true,
      to: { state: 'in_review', stage: 'review' },
    })
  })

  it('should let the creator submit whatever their role', () => {
    expect(decide('articles', draft, { id: 1, roles: ['reviewer'] }, 'submit').ok).toBe(true)
    expect(decide('articles', draft, { id: 2, roles: ['reviewer'] }, 'submit')).toMatchObject({
      ok: false,
      status: 403,
    })
  })

  it('should walk the three stages to approved', () => {
    const chief = { id: 9, roles: ['chief-editor' as const] }
    expect(decide('articles', atStage('first-review'), chief, 'approve')).toMatchObject({
      to: { stage: 'second-review' },
    })
    expect(decide('articles', atStage('second-review'), chief, 'approve')).toMatchObject({
      to: { stage: 'final-review' },
    })
    expect(decide('articles', atStage('final-review'), chief, 'approve')).toMatchObject({
      to: { state: 'approved', stage: null },
    })
  })

  it('should refuse self-approval and a second stage by the same person, saying which', () => {
    const own = decide('articles', atStage('first-review'), { id: 1, roles: ['admin'] }, 'approve')
    expect(own).toMatchObject({
      ok: false,
      status: 403,
      code: 'self-approval',
      zh: expect.stringMatching(/自己的稿件/),
    })
    const twice = decide(
      'articles',
      atStage('second-review', [5]),
      { id: 5, roles: ['reviewer'] },
      'approve',
    )
    expect(twice).toMatchObject({
      ok: false,
      status: 403,
      code: 'same-reviewer',
      zh: expect.stringMatching(/不同的人/),
    })
  })

  it('should refuse anyone who changed the revision, at every stage, admins included, saying why', () => {
    const changed = (stage: string): Revision => ({ ...atStage(stage), contributors: [1, 7] })
    for (const stage of ['first-review', 'second-review', 'final-review']) {
      for (const action of ['approve', 'reject'] as const) {
        expect(
          decide('articles', changed(stage), { id: 7, roles: ['admin'] }, action),
        ).toMatchObject({
          ok: false,
          status: 403,
          code: 'contributor',
          zh: expect.stringMatching(/修改过本稿/),
        })
      }
    }
    // Someone who did not change it may.
    expect(
      decide('articles', changed('first-review'), { id: 8, roles: ['admin'] }, 'approve').ok,
    ).toBe(true)
  })

  it('should let the creator of a published item review a revision others made', () => {
    const revisedByOthers: Revision = {
      ...atStage('first-review'),
      submittedBy: 9,
      contributors: [9],
    }
    expect(decide('articles', revisedByOthers, { id: 1, roles: ['editor'] }, 'approve').ok).toBe(
      true,
    )
  })

  it('should let the scheduler take exactly the timed actions the table gives it', () => {
    const approved: Revision = { ...draft, state: 'approved' }
    const live: Revision = { ...draft, state: 'published' }
    expect(decide('articles', approved, SCHEDULER, 'publish')).toMatchObject({
      ok: true,
      to: { state: 'published' },
    })
    expect(decide('photos', live, SCHEDULER, 'withdraw')).toMatchObject({
      ok: true,
      to: { state: 'withdrawn' },
    })
    expect(allowedActions('articles', atStage('final-review'), SCHEDULER)).toEqual([])
    expect(allowedActions('articles', draft, SCHEDULER)).toEqual([])
    expect(decide('articles', live, SCHEDULER, 'publish')).toMatchObject({
      ok: false,
      status: 409,
      code: 'wrong-state',
    })
  })

  it('should answer 409 for an action the state does not allow, before looking at the role', () => {
    expect(decide('articles', draft, { id: 3, roles: ['photographer'] }, 'publish')).toMatchObject({
      status: 409,
    })
  })

  it('should list what a user may do now', () => {
    expect(
      allowedActions('articles', atStage('second-review'), { id: 4, roles: ['reviewer'] }),
    ).toEqual(['approve', 'reject'])
    expect(
      allowedActions('articles', atStage('final-review'), { id: 4, roles: ['reviewer'] }),
    ).toEqual([])
    expect(
      allowedActions(
        'articles',
        { ...draft, state: 'published' },
        { id: 4, roles: ['chief-editor'] },
      ),
    ).toEqual(['withdraw'])
  })
})

describe('parseRequest', () => {
  const now = new Date('2026-11-28T00:00:00Z')
  it('should refuse unknown actions, missing comments and past or invalid dates with 400', () => {
    const status = (input: object) => {
      try {
        parseRequest({ collection: 'articles', id: 1, ...input } as never, now)
        return 200
      } catch (error) {
        return (error as HttpError).status
      }
    }
    expect(status({ action: 'delete' })).toBe(400)
    expect(status({ action: 'reject' })).toBe(400)
    expect(status({ action: 'reject', comment: '   ' })).toBe(400)
    expect(status({ action: 'publish', publishAt: '2026-11-27T00:00:00Z' })).toBe(400)
    expect(status({ action: 'publish', publishAt: 'tomorrow' })).toBe(400)
    expect(status({ action: 'publish', publishAt: '2026-11-29T00:00:00Z' })).toBe(200)
  })
})
