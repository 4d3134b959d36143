import type { GraphQLInfo } from 'payload'

import { APIError } from 'payload'

import { runTransition } from './endpoints'
import { WorkflowError } from './engine'
import { isWorkflowCollection } from './table'

type GraphQL = typeof import('graphql')

/** workflowTransition(collection, id, action, comment, publishAt, withdrawAt): the REST action, in GraphQL. */
export function workflowMutations(GraphQL: GraphQL) {
  const { GraphQLBoolean, GraphQLNonNull, GraphQLObjectType, GraphQLString } = GraphQL
  const result = new GraphQLObjectType({
    name: 'WorkflowTransitionResult',
    fields: {
      id: { type: new GraphQLNonNull(GraphQLString) },
      collection: { type: new GraphQLNonNull(GraphQLString) },
      state: { type: new GraphQLNonNull(GraphQLString) },
      stage: { type: GraphQLString },
      publishAt: { type: GraphQLString },
      withdrawAt: { type: GraphQLString },
    },
  })
  return {
    workflowTransition: {
      type: result,
      args: {
        collection: { type: new GraphQLNonNull(GraphQLString) },
        id: { type: new GraphQLNonNull(GraphQLString) },
        action: { type: new GraphQLNonNull(GraphQLString) },
        comment: { type: GraphQLString },
        publishAt: { type: GraphQLString },
        withdrawAt: { type: GraphQLString },
        override: { type: GraphQLBoolean },
      },
      resolve: async (_: unknown, args: Record<string, string | boolean | undefined>, context: { req: any }) => {
        const { collection, id, ...rest } = args
        try {
          if (typeof collection !== 'string' || !isWorkflowCollection(collection)) {
            throw new WorkflowError(400, `「${collection}」不走审核流程 (not a workflow collection)`)
          }
          const done = await runTransition(context.req, { ...rest, collection, id: String(id), action: rest.action })
          return { ...done, id: String(done.id) }
        } catch (error) {
          if (error instanceof WorkflowError) throw new APIError(error.message, error.status, undefined, true)
          throw error
        }
      },
    },
  }
}

export type { GraphQLInfo }
