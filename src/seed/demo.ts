/** The demo newsroom's records, with every figure exactly as the fixture article gives it. */
export const FEATURE_FILE = 'lanzhou-xinqu-feature-2023.txt'

export const DEMO_OFFICE = '兰州新区党工委办公室'

export const DEMO_PROJECTS = [
  {
    key: 'hongbin',
    name: '兰州宏彬电池石墨化项目',
    company: '兰州宏彬新能源科技有限公司',
    park: '新材料产业园',
    investment: { amount: 53, unit: '亿元' },
    capacities: [
      { value: 20, unit: '万吨/年', product: '石墨化材料' },
      { value: 20, unit: '万吨/年', product: '负极材料' },
    ],
    status: 'operating',
    location: '兰州新区新材料产业园',
  },
  {
    key: 'hailiang',
    name: '甘肃海亮年产15万吨高性能铜箔材料项目',
    company: '甘肃海亮新材料公司',
    park: '新材料产业园',
    capacities: [{ value: 15, unit: '万吨/年', product: '高性能铜箔材料' }],
    status: 'operating',
    location: '兰州新区新材料产业园',
  },
  {
    key: 'zhongke',
    name: '甘肃中科年产10万吨锂电池负极材料一体化建设项目',
    company: '甘肃中科',
    park: '新材料产业园',
    capacities: [{ value: 10, unit: '万吨/年', product: '锂电池负极材料' }],
    status: 'building',
    location: '兰州新区',
  },
  {
    key: 'jinchuan',
    name: '甘肃金川集团公司年产20万吨磷酸铁锂项目',
    company: '甘肃金川集团公司',
    park: '新材料产业园',
    capacities: [{ value: 20, unit: '万吨/年', product: '磷酸铁锂' }],
    status: 'building',
    location: '兰州新区',
  },
  {
    key: 'airport',
    name: '兰州中川国际机场三期工程',
    company: '甘肃省民航机场集团',
    park: '临空经济区',
    capacities: [],
    status: 'building',
    location: '兰州新区中川镇',
  },
] as const

/** What 兰州新区党工委办公室 supplied, as the article prints it. */
export const DEMO_FIGURES = [
  { label: '近三年累计引进落地产业项目', value: 511, unit: '个' },
  { label: '近三年引进落地产业项目总投资', value: 1522, unit: '亿元' },
  { label: '招引落地项目数年均增长', value: 26.8, unit: '%' },
  { label: '招引落地项目投资额年均增长', value: 36.6, unit: '%' },
  { label: '新材料产业园区规划面积', value: 100, unit: '平方公里' },
  { label: '2023年一季度集中开工项目', value: 39, unit: '个' },
  { label: '2023年一季度集中开工项目总投资', value: 306, unit: '亿元' },
  { label: '累计引进优质产业项目', value: 1080, unit: '个' },
  { label: '累计引进优质产业项目总投资', value: 5280, unit: '亿元' },
  { label: '兰州宏彬电池石墨化项目总投资', value: 53, unit: '亿元', project: 'hongbin' },
] as const

/** A typical column tree (栏目) with the cadences inspections expect: 2 weeks for news, 6 months for notices and policy. */
export const DEMO_COLUMNS: {
  name: string
  kind: 'news' | 'notice' | 'policy' | 'interpretation' | 'photo' | 'other'
  order: number
  cadenceDays?: number
  parent?: string
}[] = [
  { name: '新闻中心', kind: 'news', order: 1, cadenceDays: 14 },
  { name: '要闻动态', kind: 'news', order: 1, cadenceDays: 14, parent: '新闻中心' },
  { name: '园区动态', kind: 'news', order: 2, cadenceDays: 14, parent: '新闻中心' },
  { name: '图片新闻', kind: 'photo', order: 3, cadenceDays: 14, parent: '新闻中心' },
  { name: '政务公开', kind: 'other', order: 2 },
  { name: '通知公告', kind: 'notice', order: 1, cadenceDays: 180, parent: '政务公开' },
  { name: '政策文件', kind: 'policy', order: 2, cadenceDays: 180, parent: '政务公开' },
  { name: '政策解读', kind: 'interpretation', order: 3, cadenceDays: 180, parent: '政务公开' },
  { name: '招商引资', kind: 'news', order: 3, cadenceDays: 30 },
]

/** An invented officials register for the demo (no real person's name). */
export const DEMO_OFFICIALS = [
  {
    name: '林志远',
    post: '党工委书记',
    organisation: '新区党工委',
    rank: 1,
    termStart: '2021-03-01',
  },
  {
    name: '周明华',
    post: '管委会主任',
    organisation: '新区管委会',
    rank: 1,
    termStart: '2021-03-01',
  },
  {
    name: '郑海涛',
    post: '管委会副主任',
    organisation: '新区管委会',
    rank: 2,
    termStart: '2022-06-01',
  },
  {
    name: '宋立群',
    post: '管委会副主任',
    organisation: '新区管委会',
    rank: 3,
    termStart: '2022-06-01',
  },
  {
    name: '韩静怡',
    post: '经济发展局局长',
    organisation: '经济发展局',
    rank: 1,
    termStart: '2019-01-01',
    termEnd: '2023-02-28',
    status: 'left' as const,
  },
  {
    name: '赵德才',
    post: '党工委委员',
    organisation: '新区党工委',
    rank: 5,
    termStart: '2018-01-01',
    status: 'removed' as const,
  },
]

/** A dated wording rule for the demo: an invented formulation retired by an invented notice. */
export const DEMO_WORDING_RULES = [
  {
    term: '招商引资年',
    replacement: '招商引资提质年',
    severity: 'warn' as const,
    validFrom: '2024-01-01',
    note: '新区管委会2024年第1号通知(示例)',
  },
]
