import type { Messages } from './messages'

/** Simplified Chinese strings; the type keeps its keys identical to English. */
export const zhCN: Messages = {
  app: {
    name: 'Summit',
    openNavigation: '打开导航',
    mainNavigation: '主导航',
  },
  nav: {
    board: '看板',
    deals: '商机',
    admin: '管理',
  },
  language: {
    label: '语言',
  },
  board: {
    title: '看板',
    description: '商机信心看板：目标、已赢得的收入，以及在途商机可能带来的收入。',
  },
  deals: {
    title: '商机',
    description: '以项目方式运作的商机：客户、细分市场、金额、负责团队、目标签约日期和里程碑计划。',
  },
  admin: {
    title: '管理',
    description: '系统管理：团队、人员及其角色、里程碑模板和收入目标。',
  },
  server: {
    title: '服务器',
    name: '名称',
    version: '版本',
    loading: '正在检查服务器…',
    unreachable: '无法连接服务器。',
    failed: '服务器返回错误（HTTP {{status}}）。',
  },
  notFound: {
    title: '页面不存在',
    description: '此地址没有对应的页面。',
    home: '返回看板',
  },
  routeError: {
    title: '出错了',
    description: '无法显示此页面，请刷新重试。',
  },
}
