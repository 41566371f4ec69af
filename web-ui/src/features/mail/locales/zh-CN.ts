import type { MailMessages } from './en'

export const zhCN: MailMessages = {
  title: '邮件',
  import: '导入 .eml 文件',
  importing: '正在导入…',
  imported: '已导入“{{subject}}”。',
  alreadyImported: '“{{subject}}”此前已导入，未做任何更改。',
  importProblems: '邮件未导入：',
  search: '搜索邮件',
  searchHint: '须包含所有词；"短语"、or、-排除词',
  noMatches: '没有与“{{query}}”匹配的邮件。',
  noSubject: '（无主题）',
  noBody: '（无正文）',
  from: '发件人 {{from}}',
  attachments: '附件：{{count}} 个',
  unnamedAttachment: '未命名附件',
  kind: '电子邮件',
  inTimeline: '导入的邮件与活动一起显示在时间线上。',
  results: '找到的邮件',
  moreResults_other: '仅显示最新的 {{count}} 条匹配结果；请细化搜索以查看其他邮件。',
}
