/**
 * Units the office writes figures in. Money is stored canonically in 万元 and shown as entered.
 * Validation messages are Chinese first: they reach editors in the admin and API clients alike.
 */
export const MONEY_UNITS = { 亿元: 10_000, 万元: 1 } as const
export type MoneyUnit = keyof typeof MONEY_UNITS

export const CAPACITY_UNITS = [
  '万吨/年',
  '吨/年',
  '万吨',
  '吨',
  '万平方米/年',
  '万平方米',
  '万台/年',
  '台/年',
  '万套/年',
  '套/年',
  '万件/年',
  '亿只/年',
  '万千瓦',
  '千瓦',
  '兆瓦',
  '吉瓦时',
  '万千瓦时/年',
  '亿千瓦时/年',
  '万立方米/年',
  '万辆/年',
  '个',
  '台',
  '架',
] as const

/** Units a data-source figure may carry: money, capacities, counts, shares and areas. */
export const FIGURE_UNITS = [
  ...Object.keys(MONEY_UNITS),
  '元',
  ...CAPACITY_UNITS,
  '%',
  '平方公里',
  '亩',
  '公顷',
  '人',
  '万人',
  '家',
  '项',
  '次',
  '万亩',
  '立方米',
  '万立方米',
  '条',
  '座',
] as const

/** Units the office writes in running text but never records a figure in (a size, a distance). */
const TEXT_ONLY_UNITS = ['平方米', '微米', '公里', '辆'] as const

/** A per-year capacity's unit without its 年: 年产5万台 is written 万台, recorded 万台/年. */
export const perYearBase = (unit: string) => (unit.endsWith('/年') ? unit.slice(0, -2) : undefined)

/**
 * Every unit a figure in an article's text may carry: what records hold, the per-year units'
 * bases as text writes them, and the text-only units. Longest first, so a scan takes 万吨/年
 * before 万吨 and 平方公里 before 公里. The figures check reads this list and no other.
 */
export const TEXT_UNITS: readonly string[] = [
  ...new Set([
    ...FIGURE_UNITS,
    ...FIGURE_UNITS.map(perYearBase).filter((u): u is string => Boolean(u)),
    ...TEXT_ONLY_UNITS,
  ]),
].sort((a, b) => b.length - a.length)

export const toWanYuan = (amount: number, unit: MoneyUnit): number =>
  Math.round(amount * MONEY_UNITS[unit] * 10_000) / 10_000

/**
 * Units are stored as the text the office writes (亿元, 万吨/年): GraphQL enum names cannot be
 * Chinese, so they are text fields checked against these lists, with the list shown as a hint.
 */
export const unitHint = (units: readonly string[]) => ({
  zh: `可选:${units.join('、')}`,
  en: `One of: ${units.join(', ')}`,
})

/** Refuses negative and non-finite numbers with a message a person understands. */
export function nonNegative(what: string) {
  return (value: unknown): true | string => {
    if (value === null || value === undefined || value === '') return true
    const number = Number(value)
    if (!Number.isFinite(number)) return `${what}必须是数字 (${what} must be a number)`
    if (number < 0) return `${what}不能为负数 (${what} cannot be negative)`
    return true
  }
}

/** Refuses a value that is not in the list, naming the accepted ones. */
export function oneOf(what: string, values: readonly string[]) {
  return (value: unknown): true | string => {
    if (value === null || value === undefined || value === '') return true
    if (values.includes(String(value))) return true
    return `未知的${what}「${String(value)}」,可选:${values.join('、')} (unknown ${what})`
  }
}

export const knownUnit = (what: string, units: readonly string[]) => oneOf(`${what}单位`, units)
