import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * The project's folder (the one with package.json), found from wherever the running code lives: a
 * source file under tsx, Next's compiled chunks, or the production server bundle in dist/. Paths to
 * the importMap, the demo fixture and the default SQLite file are made from it, not from the file
 * that happens to ask.
 */
export function projectRoot(from: string = fileURLToPath(import.meta.url)): string {
  let dir = path.dirname(from)
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir)
    if (parent === dir) return process.cwd()
    dir = parent
  }
  return dir
}
