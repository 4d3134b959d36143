import iconv from 'iconv-lite'

import { decodeText } from '../../src/import/decode'
import { HttpError } from '../../src/http/errors'
import { mastheadOf, normalizeWhitespace, parseArticleText } from '../../src/import/parse'
import { creditOf, datelineOf, isFurniture, readDate, splitCredit } from '../../src/import/lines'
import { FIXTURE_CAPTIONS, fixtureParagraphs, fixtureText } from '../helpers/fixture'

describe('parseArticleText on the fixture', () => {
  const parsed = parseArticleText(fixtureText)

  it('should recognise kicker, title and slogan', () => {
    expect(parsed.kicker).toBe('兰州新区')
    expect(parsed.title).toBe('全力推动战略性新兴产业高质量发展')
    expect(parsed.slogan).toBe('“学”字当头 “实”字为要 “闯”字为先')
  })

  it('should keep every paragraph exactly, in order', () => {
    const paragraphs = parsed.blocks.flatMap((b) => (b.type === 'paragraph' ? [b.text] : []))
    expect(paragraphs).toEqual(fixtureParagraphs())
    expect(paragraphs).toHaveLength(13)
  })

  it('should make the eight captions photo slots, in place', () => {
    const captions = parsed.blocks.flatMap((b) => (b.type === 'photoSlot' ? [b.caption] : []))
    expect(captions).toEqual(FIXTURE_CAPTIONS)
    // In place: the two captions before the headline open the body; the third follows paragraph 11.
    expect(parsed.blocks.slice(0, 2).map((b) => b.type)).toEqual(['photoSlot', 'photoSlot'])
    const third = parsed.blocks.findIndex(
      (b) => b.type === 'photoSlot' && b.caption.startsWith('2023年2月23日'),
    )
    expect(parsed.blocks[third - 1]).toMatchObject({
      type: 'paragraph',
      text: expect.stringMatching(/^产业项目的快速引进/),
    })
  })

  it('should take the 数据来源 line as a data source, not a paragraph', () => {
    expect(parsed.dataSourceOffices).toEqual(['兰州新区党工委办公室'])
  })
})

describe('parseArticleText on print-layout texts', () => {
  it('should turn byline and masthead lines into fields', () => {
    const text = [
      '## 新区新材料产业园再添新项目',
      '本报记者\u00a0张敏 刘洋',
      '文/图:孙悦',
      '',
      '记者从兰州新区获悉,又一个新材料项目签约落地。该项目总投资12亿元。',
      '',
      '责任编辑:李华',
      '编辑:赵磊',
      '来源:兰州新区融媒体中心',
    ].join('\r\n')
    const parsed = parseArticleText(text)
    expect(parsed.title).toBe('新区新材料产业园再添新项目')
    expect(parsed.byline).toBe('本报记者 张敏 刘洋 文/图:孙悦')
    expect(parsed.masthead).toEqual({
      responsibleEditor: '李华',
      editor: '赵磊',
      source: '兰州新区融媒体中心',
    })
    // A paragraph that merely starts with 记者 stays a paragraph.
    expect(parsed.blocks).toEqual([
      {
        type: 'paragraph',
        text: '记者从兰州新区获悉,又一个新材料项目签约落地。该项目总投资12亿元。',
      },
    ])
  })

  it('should normalise odd whitespace without changing the words', () => {
    expect(normalizeWhitespace('\u3000\u3000兰州新区\u00a0\u00a0新材料\u200b产业园 \r\n')).toBe(
      '兰州新区 新材料产业园\n',
    )
  })

  it('should join a paragraph broken across lines by the layout', () => {
    const parsed = parseArticleText('## 标题\n\n兰州新区坚持谋变破局,\n谋变求新。\n')
    expect(parsed.blocks).toEqual([{ type: 'paragraph', text: '兰州新区坚持谋变破局,谋变求新。' }])
  })

  it('should recognise several data-source offices on one line', () => {
    const parsed = parseArticleText(
      '## 标题\n\n正文第一段,内容充实。\n\n数据来源:兰州新区统计局、兰州新区经济发展局',
    )
    expect(parsed.dataSourceOffices).toEqual(['兰州新区统计局', '兰州新区经济发展局'])
  })

  it('should refuse a text with no title or no paragraphs, saying which', () => {
    expect(() => parseArticleText('只有一行')).toThrow(/没有正文段落|找不到标题/)
    expect(() => parseArticleText('## 标题\n\n图片说明')).toThrow(/没有正文段落/)
  })

  it('should not mistake long or punctuated lines for masthead lines', () => {
    expect(mastheadOf('编辑:王五')).toEqual({ field: 'editor', value: '王五' })
    expect(mastheadOf('记者了解到,项目进展顺利。')).toBeUndefined()
  })
})

describe('decodeText', () => {
  it('should read GBK and UTF-8 alike, detected from the bytes', () => {
    const gbk = iconv.encode(fixtureText, 'gbk')
    expect(Buffer.from(gbk).equals(Buffer.from(fixtureText, 'utf8'))).toBe(false)
    const fromGbk = decodeText(gbk)
    expect(fromGbk).toEqual({ text: fixtureText, encoding: 'gb18030' })
    expect(decodeText(Buffer.from('\uFEFF' + fixtureText, 'utf8'))).toEqual({
      text: fixtureText,
      encoding: 'utf-8',
    })
  })

  it('should refuse empty and binary files with a clear message', () => {
    expect(() => decodeText(new Uint8Array(), 'a.txt')).toThrow(
      new HttpError(400, 'empty-file', 'a.txt 是空文件,没有可导入的内容', 'empty file'),
    )
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3])
    expect(() => decodeText(png, 'photo.txt')).toThrow(/photo\.txt 不是文本文件/)
    expect(() => decodeText(Uint8Array.from([0xff, 0xfe, 0xfd, 0x80, 0x81]), 'x.txt')).toThrow(
      HttpError,
    )
  })
})

describe('line recognisers', () => {
  const china = (text: string) => new Date(`${text}+08:00`).toISOString()

  it('should read every dateline layout, with the source beside it', () => {
    expect(datelineOf('2024-03-18 09:30')).toEqual({ date: china('2024-03-18T09:30:00') })
    expect(datelineOf('2024/03/18/ 09:30')).toEqual({ date: china('2024-03-18T09:30:00') })
    expect(datelineOf('2024年3月18日 09:30')).toEqual({ date: china('2024-03-18T09:30:00') })
    expect(datelineOf('发布时间:2024-03-18')).toEqual({ date: china('2024-03-18T00:00:00') })
    expect(datelineOf('2018-12-07 16:48 来源 : 兰州新区融媒体中心')).toEqual({
      date: china('2018-12-07T16:48:00'),
      source: '兰州新区融媒体中心',
    })
    expect(datelineOf('来源:兰州日报 2024-03-18')).toEqual({
      date: china('2024-03-18T00:00:00'),
      source: '兰州日报',
    })
  })

  it('should not take a dated caption or sentence, or an impossible date, for a dateline', () => {
    expect(datelineOf('2023年2月23日,全省招商引资大会在兰州新区召开')).toBeUndefined()
    expect(datelineOf('2024年3月18日,新区召开推进会。')).toBeUndefined()
    expect(datelineOf('来源:兰州新区管委会')).toBeUndefined()
    expect(readDate('2023-02-30')).toBeUndefined()
    expect(readDate('2023-13-01')).toBeUndefined()
  })

  it('should find photo credits, and leave captions that merely mention a photo alone', () => {
    expect(creditOf('张小军 摄')).toBe('张小军')
    expect(creditOf('(摄影 王丽)')).toBe('王丽')
    expect(creditOf('新华社记者 陈某某 摄')).toBe('陈某某')
    expect(creditOf('游客在花丛中拍照留念')).toBeUndefined()
    expect(splitCredit('新材料产业园一角(摄影 李明远)')).toEqual({
      text: '新材料产业园一角',
      credit: '李明远',
    })
    expect(splitCredit('摄影爱好者在湖边拍摄')).toEqual({ text: '摄影爱好者在湖边拍摄' })
  })

  it('should drop web-page furniture but not a column tag or a short line of text', () => {
    expect(isFurniture('【打印】【关闭】')).toBe(true)
    expect(isFurniture('字号:大 中 小')).toBe(true)
    expect(isFurniture('当前位置:首页 > 新闻中心')).toBe(true)
    expect(isFurniture('【强工业·园区在行动】')).toBe(false)
    expect(isFurniture('建设正酣')).toBe(false)
  })
})
