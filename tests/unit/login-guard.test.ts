/** The failed-login limits as pure counters: backoff per address+account, a window per address. */
import {
  clearAccount,
  loginFailed,
  loginSucceeded,
  loginWait,
  resetLoginGuard,
} from '../../src/security/loginGuard'

const T0 = Date.UTC(2026, 10, 29, 8)

beforeEach(() => {
  resetLoginGuard()
  delete process.env.LOGIN_FAILURES_PER_IP
})

describe('failed logins', () => {
  it('should let four failures pass, then make each further try wait, doubling up to 30 minutes', () => {
    const waits: number[] = []
    for (let i = 1; i <= 12; i++) {
      loginFailed('10.0.0.9', 'editor@office.gov.cn', T0)
      waits.push(loginWait('10.0.0.9', 'editor@office.gov.cn', T0))
    }
    expect(waits).toEqual([0, 0, 0, 0, 60, 120, 240, 480, 960, 1800, 1800, 1800])
  })

  it('should count per address: the same account from another address is untouched', () => {
    for (let i = 0; i < 8; i++) loginFailed('203.0.113.7', 'chief@office.gov.cn', T0)
    expect(loginWait('203.0.113.7', 'chief@office.gov.cn', T0)).toBeGreaterThan(0)
    expect(loginWait('10.1.2.3', 'chief@office.gov.cn', T0)).toBe(0)
    // The e-mail is matched whatever its case and spaces.
    expect(loginWait('203.0.113.7', ' Chief@Office.gov.cn ', T0)).toBeGreaterThan(0)
  })

  it('should clear the backoff on success and on an admin unlock, and end it when the wait is over', () => {
    for (let i = 0; i < 6; i++) loginFailed('10.0.0.1', 'a@office.gov.cn', T0)
    expect(loginWait('10.0.0.1', 'a@office.gov.cn', T0 + 119_000)).toBeGreaterThan(0)
    expect(loginWait('10.0.0.1', 'a@office.gov.cn', T0 + 121_000)).toBe(0)
    loginSucceeded('10.0.0.1', 'a@office.gov.cn')
    loginFailed('10.0.0.1', 'a@office.gov.cn', T0)
    expect(loginWait('10.0.0.1', 'a@office.gov.cn', T0)).toBe(0)
    for (let i = 0; i < 6; i++) loginFailed('10.0.0.2', 'a@office.gov.cn', T0)
    clearAccount('A@office.gov.cn')
    expect(loginWait('10.0.0.2', 'a@office.gov.cn', T0)).toBe(0)
  })

  it('should block an address that fails across many accounts for the rest of its 15-minute window', () => {
    process.env.LOGIN_FAILURES_PER_IP = '10'
    for (let i = 0; i < 10; i++) loginFailed('198.51.100.1', `user${i}@office.gov.cn`, T0 + i)
    expect(loginWait('198.51.100.1', 'someone-else@office.gov.cn', T0 + 60_000)).toBe(840)
    expect(loginWait('198.51.100.1', 'someone-else@office.gov.cn', T0 + 15 * 60_000 + 1)).toBe(0)
    expect(loginWait('198.51.100.2', 'someone-else@office.gov.cn', T0 + 60_000)).toBe(0)
  })
})
