import type { CollectionBeforeChangeHook } from 'payload'

import { MONEY_UNITS, toWanYuan, type MoneyUnit } from '../../../src/fields/units'

/** Stores the investment in 万元 for comparison, and keeps the figure as the office wrote it. */
export const canonicalInvestment: CollectionBeforeChangeHook = ({ data }) => {
  const investment = data.investment
  if (!investment) return data
  const { amount, unit } = investment
  if (amount === null || amount === undefined || !(unit in MONEY_UNITS)) {
    return { ...data, investment: { ...investment, wanYuan: null, display: null } }
  }
  return {
    ...data,
    investment: {
      ...investment,
      wanYuan: toWanYuan(Number(amount), unit as MoneyUnit),
      display: `${amount}${unit}`,
    },
  }
}
