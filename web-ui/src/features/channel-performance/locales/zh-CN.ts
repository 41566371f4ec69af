import type { PerformanceMessages } from './en'

export const zhCN: PerformanceMessages = {
  nav: { performance: '合作伙伴业绩' },
  page: {
    title: '合作伙伴业绩',
    subtitle: '按合作伙伴统计的销售额、商机报备和返利。',
    period: '期间',
    currency: '币种',
    currencyNote: '金额以 {{currency}} 计；其他币种的业务不计入，也不换算。',
    empty: '该期间和币种下没有合作伙伴的业务或报备。',
  },
  period: {
    thisYear: '今年',
    thisQuarter: '本季度',
    last12Months: '最近 12 个月',
    lastYear: '去年',
  },
  total: {
    sales: '销售额',
    orders: '订单',
    submitted: '已提交',
    approved: '已批准',
    rejected: '已拒绝',
    converted: '已成交',
  },
  chart: {
    byPartner: '按合作伙伴的销售额',
    byRegion: '按地区的销售额',
    byProduct: '按产品的销售额',
    registrations: '按状态的报备',
    noRegion: '无地区',
  },
  rebate: {
    title: '今年的返利进度',
    noAgreement: '暂无带返利档位的协议。',
    none: '没有合作伙伴在此币种下有带返利档位的协议。',
    progressLabel: '{{name}} 距下一返利档位的进度',
    volume: '销售额 {{volume}}',
    band: '已达 {{percent}} 档位，已计提 {{accrued}}',
    belowFirst: '低于第一档',
    needed: '距 {{percent}} 档位还差 {{needed}}',
    top: '已达最高档位',
  },
  table: { title: '按合作伙伴的数据', partner: '合作伙伴', accrued: '已计提返利' },
}
