import { describe, expect, it } from 'vitest'
import { resources } from '.'
import { matchLanguage } from './language'

type Tree = { readonly [key: string]: string | Tree }

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>()
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key
    if (typeof value === 'string') out.set(path, value)
    else for (const [k, v] of flatten(value, path)) out.set(k, v)
  }
  return out
}

const en = flatten(resources.en.translation)
const zh = flatten(resources['zh-CN'].translation)

describe('translations', () => {
  it('zh-CN has every English key', () => {
    expect([...en.keys()].filter((key) => !zh.has(key))).toEqual([])
  })

  it('English has every zh-CN key', () => {
    expect([...zh.keys()].filter((key) => !en.has(key))).toEqual([])
  })

  it('has no empty string in either language', () => {
    const empty = [...en, ...zh].filter(([, value]) => value.trim() === '').map(([key]) => key)
    expect(empty).toEqual([])
  })

  it('uses the same interpolation placeholders in both languages', () => {
    const placeholders = (s: string) => [...s.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]).sort()
    for (const [key, value] of en) expect(placeholders(zh.get(key) ?? ''), key).toEqual(placeholders(value))
  })
})

describe('matchLanguage', () => {
  it.each([
    ['zh', 'zh-CN'],
    ['zh-Hans-CN', 'zh-CN'],
    ['zh-TW', 'zh-CN'],
    ['en-GB', 'en'],
    ['fr-FR', null],
    ['', null],
  ])('%j → %j', (tag, expected) => {
    expect(matchLanguage(tag)).toBe(expected)
  })
})
