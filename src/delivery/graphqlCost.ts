/**
 * What a GraphQL query costs to answer, counted in documents × fields rather than fields alone.
 * Payload's own complexity estimate counts each field once, whatever its list returns: about 190
 * aliased lists of a hundred documents fitted under it. Here a list multiplies what it selects by
 * the documents it may return (its `limit`, at most a public page), and aliases are capped, so one
 * request cannot ask for the whole database many times over.
 */
import {
  getNamedType,
  getNullableType,
  GraphQLError,
  isListType,
  isObjectType,
  isInterfaceType,
  Kind,
  type FragmentDefinitionNode,
  type GraphQLNamedType,
  type GraphQLSchema,
  type SelectionSetNode,
  type ValidationRule,
  type ValueNode,
} from 'graphql'

import { PUBLIC_DEFAULT_LIMIT, PUBLIC_MAX_LIMIT } from './limits'

/** Fields × documents: a page of 100 articles with 30 fields each costs 3,000; a README example, under 1,000. */
export const MAX_QUERY_COST = 5_000
/** Aliased fields in one document: a page may ask for a few lists under names of its own. */
export const MAX_ALIASES = 30
/** A list inside a document (an array, a hasMany relationship) counts as this many items. */
const NESTED_LIST_FACTOR = 3
const MAX_NESTING = 30

type Variables = Record<string, unknown> | null | undefined

function argumentValue(value: ValueNode | undefined, variables: Variables): unknown {
  if (!value) return undefined
  if (value.kind === Kind.VARIABLE) return variables?.[value.name.value]
  if (value.kind === Kind.INT) return Number(value.value)
  if (value.kind === Kind.BOOLEAN) return value.value
  return undefined
}

/** How many documents a paginated list field may return, as publicReadLimits will clamp it. */
function pageSize(
  args: readonly { name: { value: string }; value: ValueNode }[],
  variables: Variables,
): number {
  const arg = (name: string) =>
    argumentValue(args.find((a) => a.name.value === name)?.value, variables)
  if (arg('pagination') === false) return PUBLIC_MAX_LIMIT
  const limit = Number(arg('limit'))
  if (!Number.isFinite(limit) || limit <= 0)
    return arg('limit') === undefined ? PUBLIC_DEFAULT_LIMIT : PUBLIC_MAX_LIMIT
  return Math.min(limit, PUBLIC_MAX_LIMIT)
}

export function queryCost(
  schema: GraphQLSchema,
  selectionSet: SelectionSetNode,
  parent: GraphQLNamedType,
  fragments: Record<string, FragmentDefinitionNode>,
  variables: Variables,
  counts = { aliases: 0 },
  multiplier = 1,
  nesting = 0,
): number {
  if (nesting > MAX_NESTING) return Infinity
  let cost = 0
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FRAGMENT_SPREAD) {
      const fragment = fragments[selection.name.value]
      if (!fragment) continue
      const type = schema.getType(fragment.typeCondition.name.value) ?? parent
      cost += queryCost(
        schema,
        fragment.selectionSet,
        type,
        fragments,
        variables,
        counts,
        multiplier,
        nesting + 1,
      )
      continue
    }
    if (selection.kind === Kind.INLINE_FRAGMENT) {
      const type = selection.typeCondition
        ? (schema.getType(selection.typeCondition.name.value) ?? parent)
        : parent
      cost += queryCost(
        schema,
        selection.selectionSet,
        type,
        fragments,
        variables,
        counts,
        multiplier,
        nesting + 1,
      )
      continue
    }
    if (selection.alias) counts.aliases += 1
    if (selection.name.value.startsWith('__')) continue
    cost += multiplier
    if (!selection.selectionSet) continue
    const field =
      isObjectType(parent) || isInterfaceType(parent)
        ? parent.getFields()[selection.name.value]
        : undefined
    let factor = 1
    if (field?.args.some((arg) => arg.name === 'limit'))
      factor = pageSize(selection.arguments ?? [], variables)
    else if (field && isListType(getNullableType(field.type)) && selection.name.value !== 'docs')
      factor = NESTED_LIST_FACTOR
    const child = field ? getNamedType(field.type) : parent
    cost += queryCost(
      schema,
      selection.selectionSet,
      child,
      fragments,
      variables,
      counts,
      multiplier * factor,
      nesting + 1,
    )
  }
  return cost
}

/** A validation rule: refuses an operation over MAX_QUERY_COST or with more than MAX_ALIASES aliases. */
/** The longest query document accepted (GRAPHQL_MAX_QUERY_CHARS, default 100,000 characters). */
const MAX_DOCUMENT_CHARS = Number(process.env.GRAPHQL_MAX_QUERY_CHARS || 100_000)

export const queryCostRule =
  (variables: Variables): ValidationRule =>
  (context) => ({
    Document(document) {
      // A query document is a few hundred bytes; an enormous one is refused whatever it asks.
      const length = document.loc?.source.body.length ?? 0
      if (length > MAX_DOCUMENT_CHARS) {
        context.reportError(
          new GraphQLError(
            `查询文本过长:${length} 个字符,上限 ${MAX_DOCUMENT_CHARS}。请把长的值放在 variables 中 (query document too long)`,
          ),
        )
      }
    },
    OperationDefinition(operation) {
      const schema = context.getSchema()
      const fragments = Object.fromEntries(
        context
          .getDocument()
          .definitions.filter(
            (d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION,
          )
          .map((d) => [d.name.value, d]),
      )
      const root =
        operation.operation === 'query' ? schema.getQueryType() : schema.getMutationType()
      if (!root) return
      const counts = { aliases: 0 }
      const cost = queryCost(schema, operation.selectionSet, root, fragments, variables, counts)
      if (counts.aliases > MAX_ALIASES) {
        context.reportError(
          new GraphQLError(
            `查询使用的别名过多:${counts.aliases} 个,上限 ${MAX_ALIASES} (too many aliases)`,
            { nodes: [operation] },
          ),
        )
      }
      if (cost > MAX_QUERY_COST) {
        const shown = Number.isFinite(cost) ? String(cost) : '∞'
        context.reportError(
          new GraphQLError(
            `查询过于复杂:估计读取 ${shown} 个字段,上限 ${MAX_QUERY_COST}。请减少列表数量或每页条数 (query too costly: fields × documents)`,
            { nodes: [operation] },
          ),
        )
      }
    },
  })
