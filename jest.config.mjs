/** Jest runs TypeScript through swc as native ESM, so Payload's own ESM loads untransformed. */
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', tsx: true },
      target: 'es2022',
      transform: { react: { runtime: 'automatic' } },
    },
    module: { type: 'es6' },
  },
]

const config = {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts', '.tsx'],
  transform: { '^.+\\.(t|j)sx?$': swc },
  transformIgnorePatterns: ['/node_modules/'],
  moduleNameMapper: {
    '^@payload-config$': '<rootDir>/payload.config.ts',
    '\\.(css|scss)$': '<rootDir>/tests/helpers/styleStub.cjs',
  },
  testMatch: ['<rootDir>/tests/**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/.next/'],
  // Booting Payload and hashing the first passwords takes seconds on two cores.
  testTimeout: 60_000,
  maxWorkers: 1,
}

export default config
