/**
 * The house rules a reader relies on, checked on the source: features plug into the workflow
 * engine (it imports none of them), src/ never reaches into collections/, and no two folders of
 * src/ import each other.
 */
import fs from 'node:fs'
import path from 'node:path'

const root = path.resolve(import.meta.dirname, '../..')
const src = path.join(root, 'src')

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) return sourceFiles(full)
    return /\.tsx?$/.test(entry.name) ? [full] : []
  })
}

/** The top folder of src/ a file is in (`workflow`, `http`…), or the file itself at the top. */
const folderOf = (file: string) =>
  path
    .relative(src, file)
    .split(path.sep)[0]!
    .replace(/\.tsx?$/, '')

/** Relative imports, as [from folder, to folder, from file]. */
function folderImports(): [string, string, string][] {
  return sourceFiles(src).flatMap((file) => {
    const text = fs.readFileSync(file, 'utf8')
    return [...text.matchAll(/from\s+['"](\.{1,2}\/[^'"]+)['"]/g)].flatMap((match) => {
      const target = path.resolve(path.dirname(file), match[1]!)
      if (!target.startsWith(src + path.sep))
        return [[folderOf(file), path.relative(root, target).split(path.sep)[0]!, file]]
      const to = folderOf(target)
      return to === folderOf(file) ? [] : [[folderOf(file), to, file]]
    }) as [string, string, string][]
  })
}

describe('the shape of src/', () => {
  const imports = folderImports()

  it('should have no two folders importing each other', () => {
    const pairs = new Set(imports.map(([from, to]) => `${from}→${to}`))
    const cycles = [...pairs].filter((pair) => {
      const [from, to] = pair.split('→')
      return pairs.has(`${to}→${from}`)
    })
    expect(cycles).toEqual([])
  })

  it('should keep the workflow engine free of the features that plug into it', () => {
    const upward = imports.filter(
      ([from, to]) => from === 'workflow' && ['quality', 'delivery', 'photodesk'].includes(to),
    )
    expect(upward.map(([, to, file]) => `${path.relative(root, file)} → ${to}`)).toEqual([])
  })

  it('should never import a collection file from src/', () => {
    const reaching = imports.filter(([, to]) => to === 'collections' || to === 'payload.config.ts')
    expect(reaching.map(([, to, file]) => `${path.relative(root, file)} → ${to}`)).toEqual([])
  })
})
