/** `search(q, collections, limit, page, scope)`: the REST search, in GraphQL. */
import { isStaffUser } from '../access/roles'
import { asPayloadError } from '../http/endpoints'
import { HttpError } from '../http/errors'
import { checkParams, search } from './query'

type GraphQL = typeof import('graphql')

export function searchQueries(GraphQL: GraphQL) {
  const {
    GraphQLFloat,
    GraphQLInt,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLString,
  } = GraphQL
  const hit = new GraphQLObjectType({
    name: 'SearchHit',
    fields: {
      collection: { type: new GraphQLNonNull(GraphQLString) },
      type: { type: new GraphQLNonNull(GraphQLString) },
      id: { type: new GraphQLNonNull(GraphQLString) },
      title: { type: new GraphQLNonNull(GraphQLString) },
      titleHtml: { type: new GraphQLNonNull(GraphQLString) },
      snippet: { type: new GraphQLNonNull(GraphQLString) },
      slug: { type: GraphQLString },
      date: { type: GraphQLString },
      score: { type: GraphQLFloat },
    },
  })
  const results = new GraphQLObjectType({
    name: 'SearchResults',
    fields: {
      totalDocs: { type: new GraphQLNonNull(GraphQLInt) },
      totalPages: { type: new GraphQLNonNull(GraphQLInt) },
      limit: { type: new GraphQLNonNull(GraphQLInt) },
      page: { type: new GraphQLNonNull(GraphQLInt) },
      docs: { type: new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(hit))) },
    },
  })
  return {
    search: {
      type: new GraphQLNonNull(results),
      args: {
        q: { type: new GraphQLNonNull(GraphQLString) },
        collections: { type: new GraphQLList(new GraphQLNonNull(GraphQLString)) },
        limit: { type: GraphQLInt },
        page: { type: GraphQLInt },
        scope: { type: GraphQLString },
      },
      resolve: async (
        _: unknown,
        args: { q: string; collections?: string[]; limit?: number; page?: number; scope?: string },
        context: { req: any },
      ) => {
        try {
          const params = checkParams({ ...args, collection: args.collections })
          const staff = args.scope === 'staff'
          if (staff && !isStaffUser(context.req.user)) {
            throw new HttpError(401, 'not-logged-in', '请先登录后再搜索全部稿件', 'log in first')
          }
          return await search(context.req, { ...params, scope: staff ? 'staff' : 'public' })
        } catch (error) {
          throw asPayloadError(error)
        }
      },
    },
  }
}
