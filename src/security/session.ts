/** Minutes without activity after which a login ends (SESSION_TIMEOUT_MINUTES, default 30). */
export function sessionTimeoutSeconds(): number {
  const minutes = Number(process.env.SESSION_TIMEOUT_MINUTES || 30)
  return Math.round((Number.isFinite(minutes) && minutes >= 1 ? minutes : 30) * 60)
}
