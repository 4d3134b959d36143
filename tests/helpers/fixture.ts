import fs from 'node:fs'
import path from 'node:path'

export const FIXTURE_PATH = path.resolve(
  import.meta.dirname,
  '../../src/seed/content/lanzhou-xinqu-feature-2023.txt',
)
export const fixtureText = fs.readFileSync(FIXTURE_PATH, 'utf8')

/** The eight captions of the fixture, in the order they stand in the text. */
export const FIXTURE_CAPTIONS = [
  '建设中的兰州中川国际机场三期工程',
  '兰州新区临港花海',
  '2023年2月23日,全省招商引资大会在兰州新区召开',
  '兰州新区绿色化工园区',
  '兰州新区中川北站铁路口岸',
  '兰州宏彬年产20万吨负极材料项目生产车间',
  '位于兰州新区的甘肃海亮新材料公司年产15万吨高性能铜箔材料项目生产车间',
  '兰州新区栖霞湖全景',
]

/**
 * Every non-blank line of the fixture that is not a caption, heading, slogan or source line: what a
 * reader calls the paragraphs. Computed from the file, independently of the importer.
 */
export function fixtureParagraphs(): string[] {
  const special = new Set([
    ...FIXTURE_CAPTIONS,
    '“学”字当头 “实”字为要 “闯”字为先',
    '# 兰州新区',
    '## 全力推动战略性新兴产业高质量发展',
    '数据来源:兰州新区党工委办公室',
  ])
  return fixtureText
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !special.has(line))
}
