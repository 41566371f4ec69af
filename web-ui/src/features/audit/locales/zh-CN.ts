import type { AuditMessages } from './en'

export const zhCN: AuditMessages = {
  nav: { audit: '审计日志' },
  page: {
    title: '审计日志',
    subtitle: '谁在何时更改了什么；登录、被拒绝的令牌和被拒绝的更改。',
    empty: '没有符合条件的审计记录。',
    loadError: '无法加载审计日志。',
    loadMore: '加载更多',
    loadingMore: '加载中…',
  },
  filter: {
    label: '筛选审计日志',
    record: '记录 ID',
    recordHint: 'API 返回的 ID',
    actor: '用户或客户端',
    actorHint: '令牌主体',
    from: '从',
    to: '至',
    kind: '类型',
    allKinds: '全部类型',
    apply: '应用',
    clear: '清除',
  },
  column: {
    at: '时间',
    kind: '类型',
    who: '操作人',
    operation: '操作',
    what: '对象',
    details: '详情',
  },
  kind: {
    CHANGE: '更改',
    LOGIN: '登录',
    TOKEN_REFUSED: '令牌被拒绝',
    ACCESS_DENIED: '访问被拒绝',
  },
  change: { INSERT: '已创建', UPDATE: '已更改', DELETE: '已删除' },
  row: { show: '显示', hide: '隐藏' },
  diff: {
    field: '字段',
    before: '之前',
    after: '之后',
    redacted: '已更改（不记录值）',
    none: '没有字段更改。',
  },
}
