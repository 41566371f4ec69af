import type { PortalMessages } from './en'

export const zhCN: PortalMessages = {
  nav: { dashboard: '概览', subDealers: '下级经销商', users: '我们的用户' },
  dashboard: {
    title: '概览',
    subtitle: '{{name}} 的业务：销售管道、报备、续订和返利。',
  },
  pipeline: {
    title: '销售管道',
    board: '打开看板',
    empty: '没有进行中的商机。',
    stage: '阶段',
    deals: '商机',
    amount: '金额',
  },
  renewals: {
    title: '{{days}} 天内到期的续订',
    all: '全部续订',
    empty: '近期没有到期的许可证。',
    ends: '{{date}} 到期',
    more: '更多请见续订列表。',
  },
  subDealers: {
    title: '下级经销商',
    subtitle: '在 {{name}} 之下销售的经销商：您能看到他们和您自己的业务。',
    new: '新建下级经销商',
    none: '暂无下级经销商。',
  },
  users: {
    title: '我们的用户',
    subtitle: '在此门户中工作的 {{name}} 员工。',
  },
}
