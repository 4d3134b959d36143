import type { CollectionBeforeOperationHook, SelectType } from 'payload'

import { getSelectMode } from 'payload/shared'

/**
 * Computed fields read other fields: `bodyHtml` is rendered from `body`. When a read names only
 * what it wants (REST `?select=`, or the delivery front's GraphQL, which always does), the fields a
 * named computed field is made from are read too, or it would come back empty. `dependsOn` maps a
 * computed field to the top-level fields it needs.
 */
export function selectDependencies(
  dependsOn: Record<string, string[]>,
): CollectionBeforeOperationHook {
  return ({ args, operation }) => {
    const select = (args as { select?: SelectType }).select
    if (operation !== 'read' || !select || typeof select !== 'object') return args
    // Decided as Payload decides it when it applies the select.
    const excluding = getSelectMode(select) === 'exclude'
    const next = { ...select }
    for (const [computed, sources] of Object.entries(dependsOn)) {
      const wanted = excluding ? select[computed] !== false : Boolean(select[computed])
      if (!wanted) continue
      for (const source of sources) {
        if (excluding) delete next[source]
        else next[source] = true
      }
    }
    return { ...args, select: next }
  }
}
