/**
 * GraphQL for downstream sites: `columnTree` (the tree with counts and last-updated times) and
 * `columnArticles(column, limit, page)` (published articles in a column and its descendants), both
 * read as the caller may read, like their REST twins.
 */
import type { GraphQLInfo } from 'payload'

import { columnTree, findColumn, inColumns, readableColumns, withDescendants } from './tree'

type GraphQL = typeof import('graphql')

export function columnQueries(GraphQL: GraphQL, info: GraphQLInfo) {
  const { GraphQLInt, GraphQLList, GraphQLNonNull, GraphQLObjectType, GraphQLString } = GraphQL
  const ColumnNode: InstanceType<typeof GraphQLObjectType<any>> = new GraphQLObjectType<any>({
    name: 'ColumnNode',
    fields: () => ({
      id: {
        type: new GraphQLNonNull(GraphQLString),
        resolve: (node: { id: unknown }) => String(node.id),
      },
      name: { type: new GraphQLNonNull(GraphQLString) },
      slug: { type: GraphQLString },
      kind: { type: GraphQLString },
      order: { type: GraphQLInt },
      cadenceDays: { type: GraphQLInt },
      count: { type: new GraphQLNonNull(GraphQLInt) },
      lastUpdated: { type: GraphQLString },
      children: { type: new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(ColumnNode))) },
    }),
  })
  // The list type the schema already has: Payload builds `paginatedType` a second time for the
  // `Articles` query, and two types of one name break the schema.
  const articles = info.Query.fields.Articles?.type
  return {
    columnTree: {
      type: new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(ColumnNode))),
      resolve: (_: unknown, __: unknown, context: { req: any }) => columnTree(context.req),
    },
    ...(articles
      ? {
          columnArticles: {
            type: articles,
            args: {
              column: { type: new GraphQLNonNull(GraphQLString) },
              limit: { type: GraphQLInt },
              page: { type: GraphQLInt },
            },
            resolve: async (
              _: unknown,
              args: { column: string; limit?: number; page?: number },
              context: { req: any },
            ) => {
              const req = context.req
              const rows = await readableColumns(req)
              const column = findColumn(rows, args.column)
              return req.payload.find({
                collection: 'articles',
                where: column ? inColumns(withDescendants(rows, column.id)) : { id: { in: [] } },
                limit: Math.min(Math.max(args.limit ?? 10, 1), 100),
                page: Math.max(args.page ?? 1, 1),
                sort: '-publishedDate',
                depth: 0,
                req,
                overrideAccess: false,
                user: req.user,
              })
            },
          },
        }
      : {}),
  }
}
