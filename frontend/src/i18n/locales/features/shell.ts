import type { Widen } from '../messages'

/** English strings of the page frame and the phone layout (`shell`). */
export const shellEn = {
  skipToContent: 'Skip to content',
  showDetails: 'Show details',
  hideDetails: 'Hide details',
}

/** Simplified Chinese strings of the page frame and the phone layout. */
export const shellZh: Widen<typeof shellEn> = {
  skipToContent: '跳到正文',
  showDetails: '显示详情',
  hideDetails: '收起详情',
}
