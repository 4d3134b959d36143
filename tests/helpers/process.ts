import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import path from 'node:path'

/** A port the OS says is free right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.unref()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
  })
}

export type Started = { child: ChildProcess; output: () => string; stop: () => Promise<void> }

/** Starts a command in its own process group, so stop() ends npm and everything under it. */
export function startProcess(command: string, args: string[], env: NodeJS.ProcessEnv): Started {
  let output = ''
  const child = spawn(command, args, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] })
  child.stdout!.on('data', (chunk) => (output += chunk))
  child.stderr!.on('data', (chunk) => (output += chunk))
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  return {
    child,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        try {
          process.kill(-child.pid!, 'SIGTERM')
        } catch {
          // already gone
        }
        const timer = setTimeout(() => {
          try {
            process.kill(-child.pid!, 'SIGKILL')
          } catch {
            // already gone
          }
        }, 5000)
        await exited
        clearTimeout(timer)
      }
    },
  }
}

/** Runs a command to the end and returns its exit code and output. */
export function runToEnd(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  timeoutMs: number,
) {
  return new Promise<{ code: number | null; output: string }>((resolve) => {
    const started = startProcess(command, args, env)
    const timer = setTimeout(() => void started.stop(), timeoutMs)
    started.child.once('exit', (code) => {
      clearTimeout(timer)
      resolve({ code, output: started.output() })
    })
  })
}

/** Polls a URL until it answers (any status) or the time runs out. */
export async function waitForHttp(
  url: string,
  timeoutMs: number,
  alive: () => boolean,
): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (!alive()) throw new Error('the server process exited before it answered')
    try {
      await fetch(url, { redirect: 'manual' })
      return
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 250))
    }
  }
  throw new Error(`no answer from ${url} within ${timeoutMs} ms`)
}

/** Where the smoke and browser tests' production build lives (NEXT_DIST_DIR). */
export const TEST_BUILD_DIR = '.next-test'

/**
 * The production build the smoke and browser tests start. `npm test` builds it once before jest
 * and says so in NEWSDESK_PREBUILT; a test file run on its own builds it here.
 */
export async function productionBuild(env: NodeJS.ProcessEnv): Promise<string> {
  const root = path.resolve(import.meta.dirname, '../..')
  if (
    process.env.NEWSDESK_PREBUILT === TEST_BUILD_DIR &&
    fs.existsSync(path.join(root, TEST_BUILD_DIR, 'BUILD_ID'))
  ) {
    return TEST_BUILD_DIR
  }
  const build = await runToEnd(
    'npm',
    ['run', 'build'],
    { ...env, NEXT_DIST_DIR: TEST_BUILD_DIR },
    600_000,
  )
  if (build.code !== 0) throw new Error(`npm run build failed:\n${build.output.slice(-4000)}`)
  return TEST_BUILD_DIR
}
