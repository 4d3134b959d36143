/**
 * The password policy (等保 2.0 asks for complexity): at least PASSWORD_MIN_LENGTH characters (10)
 * from at least PASSWORD_MIN_CLASSES of four classes (3): lower case, upper case, digits, others.
 */
const CLASSES: [RegExp, string][] = [
  [/[a-z]/, '小写字母'],
  [/[A-Z]/, '大写字母'],
  [/[0-9]/, '数字'],
  [/[^A-Za-z0-9]/, '符号'],
]

const setting = (name: string, fallback: number, max: number) => {
  const value = Number(process.env[name])
  return Number.isInteger(value) && value > 0 ? Math.min(value, max) : fallback
}

export const passwordPolicy = () => ({
  minLength: setting('PASSWORD_MIN_LENGTH', 10, 128),
  minClasses: setting('PASSWORD_MIN_CLASSES', 3, 4),
})

/** What is wrong with a password, as a person reads it, or null when it meets the policy. */
export function passwordProblem(password: string): string | null {
  const { minLength, minClasses } = passwordPolicy()
  const classes = CLASSES.filter(([pattern]) => pattern.test(password)).length
  if ([...password].length >= minLength && classes >= minClasses) return null
  const kinds = CLASSES.map(([, name]) => name).join('、')
  return (
    `密码至少 ${minLength} 个字符,并包含${kinds}中的至少 ${minClasses} 类 ` +
    `(a password needs at least ${minLength} characters from at least ${minClasses} of: lower case, upper case, digits, symbols)`
  )
}
