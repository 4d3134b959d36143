#!/usr/bin/env node
/**
 * `npm test`: the whole suite on SQLite (what CI exercises), then the same suite on MongoDB when a
 * server or a mongod binary is given. Ends with one plain line, "tests: N passed, N failed", that
 * counts every run.
 *
 * The full run starts with the static checks (types, lint, generated files and migrations up to
 * date); extra
 * arguments skip them and go to jest: `npm test -- tests/int/foundation.test.ts`.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

const jestArgs = process.argv.slice(2)
const totals = { passed: 0, failed: 0, skipped: 0 }
let failedRun = false

function runJest(label, env, extraArgs = []) {
  const report = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-jest-')), 'report.json')
  console.log(`\n=== ${label} ===`)
  const result = spawnSync(
    process.execPath,
    [
      '--experimental-vm-modules',
      '--no-deprecation',
      'node_modules/jest/bin/jest.js',
      '--runInBand',
      '--json',
      `--outputFile=${report}`,
      ...extraArgs,
      ...jestArgs,
    ],
    { stdio: 'inherit', env: { ...process.env, ...env } },
  )
  if (result.status !== 0) failedRun = true
  if (!fs.existsSync(report)) {
    console.log(`${label}: jest wrote no report (exit ${result.status})`)
    failedRun = true
    return
  }
  const json = JSON.parse(fs.readFileSync(report, 'utf8'))
  const failed = json.numFailedTests + (json.numRuntimeErrorTestSuites ?? 0)
  totals.passed += json.numPassedTests
  totals.failed += failed
  totals.skipped += json.numPendingTests + (json.numTodoTests ?? 0)
  console.log(`${label}: ${json.numPassedTests} passed, ${failed} failed`)
}

function staticCheck(label, args, env = {}) {
  console.log(`\n=== ${label} ===`)
  const result = spawnSync(args[0], args.slice(1), {
    stdio: 'inherit',
    env: { ...process.env, ...env },
  })
  if (result.status === 0) {
    totals.passed += 1
    console.log(`${label}: ok`)
  } else {
    totals.failed += 1
    failedRun = true
    console.log(`${label}: FAILED (exit ${result.status})`)
  }
}

const started = Date.now()

if (jestArgs.length === 0) {
  staticCheck('typecheck', ['npx', 'tsc', '--noEmit'])
  staticCheck('lint', ['npx', 'eslint', '.'])
  staticCheck('format', [
    'npx',
    'prettier',
    '--check',
    '--log-level',
    'warn',
    'src',
    'collections',
    'scripts',
    'tests',
    'payload.config.ts',
    'next.config.mjs',
  ])
  staticCheck('generated files', ['npm', 'run', '--silent', 'generate', '--', '--check'])
  staticCheck('migrations', ['npm', 'run', '--silent', 'check:migrations'])
  // One production build for the smoke and browser tests (tests/helpers/process.ts).
  staticCheck('production build', ['npm', 'run', '--silent', 'build'], {
    NEXT_DIST_DIR: '.next-test',
  })
  if (!failedRun) process.env.NEWSDESK_PREBUILT = '.next-test'
}

runJest('SQLite', { NEWSDESK_TEST_DB: 'sqlite' })

if (process.env.MONGOMS_SYSTEM_BINARY || process.env.MONGODB_URI) {
  const via = process.env.MONGODB_URI
    ? 'MONGODB_URI'
    : `mongod at ${process.env.MONGOMS_SYSTEM_BINARY}`
  // The production smoke and browser tests exercise the build, not the adapter: they run once.
  runJest(`MongoDB (${via})`, { NEWSDESK_TEST_DB: 'mongodb', MONGOMS_DISABLE_POSTINSTALL: '1' }, [
    '--testPathIgnorePatterns=/tests/(smoke|e2e)/',
  ])
} else {
  console.log(
    '\nMongoDB run skipped: neither MONGOMS_SYSTEM_BINARY (a mongod binary) nor MONGODB_URI ' +
      '(a running server) is set, and mongodb-memory-server cannot download a binary on this machine.',
  )
}

console.log(`\nwall time: ${Math.round((Date.now() - started) / 1000)} s`)
console.log(`tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`)
process.exit(failedRun || totals.failed > 0 ? 1 : 0)
