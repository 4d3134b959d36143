import type { GraphQLInfo } from 'payload'

import { withTransaction } from '../config/transaction'
import { runTransition } from './endpoints'
import { restoreAsRevision } from './restore'
import { asPayloadError } from '../http/endpoints'
import { HttpError } from '../http/errors'
import { isWorkflowCollection } from './table'

type GraphQL = typeof import('graphql')

/** workflowTransition(collection, id, action, comment, publishAt, withdrawAt): the REST action, in GraphQL. */
/** What Payload hands the custom mutations: the schema built so far. */
type GraphqlSchemaParts = {
  Mutation: { fields: Record<string, any> }
  collections?: Record<string, { graphQL?: { type?: unknown } }>
}

export function workflowMutations(GraphQL: GraphQL, schema?: GraphqlSchemaParts) {
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
    ...restoreMutations(schema),
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
        versionId: { type: GraphQLString },
      },
      resolve: async (
        _: unknown,
        args: Record<string, string | boolean | undefined>,
        context: { req: any },
      ) => {
        const { collection, id, ...rest } = args
        try {
          if (typeof collection !== 'string' || !isWorkflowCollection(collection)) {
            throw new HttpError(
              400,
              'not-a-workflow-collection',
              `「${collection}」不走审核流程`,
              'not a workflow collection',
            )
          }
          const done = await runTransition(context.req, {
            ...rest,
            collection,
            id: String(id),
            action: rest.action,
          })
          return { ...done, id: String(done.id) }
        } catch (error) {
          throw asPayloadError(error)
        }
      },
    },
  }
}

/**
 * Payload's `restoreVersion…` mutations, answered by restoreAsRevision: a restore is a new draft
 * revision, never a write over what is live (see workflow/restore.ts).
 */
function restoreMutations(schema?: GraphqlSchemaParts) {
  const replaced: Record<string, unknown> = {}
  for (const [slug, collection] of Object.entries(schema?.collections ?? {})) {
    if (!isWorkflowCollection(slug)) continue
    const name = Object.keys(schema!.Mutation.fields).find(
      (field) =>
        field.startsWith('restoreVersion') &&
        schema!.Mutation.fields[field].type === collection.graphQL?.type,
    )
    if (!name) continue
    replaced[name] = {
      ...schema!.Mutation.fields[name],
      resolve: async (_: unknown, args: { id: string }, context: { req: any }) => {
        const { req } = context
        try {
          return await withTransaction(
            req.payload,
            () => restoreAsRevision(req, slug, String(args.id)),
            { req },
          )
        } catch (error) {
          throw asPayloadError(error)
        }
      },
    }
  }
  return replaced
}

export type { GraphQLInfo }
