import { describe, expect, it } from 'vitest'
import { en } from './en'
import { ru } from './ru'
import { zhCN } from './zh-CN'

type Tree = { [key: string]: string | Tree }

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const entries = new Map<string, string>()
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key
    if (typeof value === 'string') entries.set(path, value)
    else for (const [k, v] of flatten(value, path)) entries.set(k, v)
  }
  return entries
}

const english = flatten(en)
const placeholders = (text: string) =>
  [...text.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]).sort()

describe.each([
  ['zh-CN', flatten(zhCN)],
  ['ru', flatten(ru)],
])('products texts in %s', (_language, catalogue) => {
  it('has exactly the keys of English, none empty, translated', () => {
    expect([...catalogue.keys()].sort()).toEqual([...english.keys()].sort())
    expect([...catalogue.values()].filter((text) => text.trim() === '')).toEqual([])
    expect(catalogue.get('list.new')).not.toBe(english.get('list.new'))
  })

  it('uses the same {{placeholders}}', () => {
    for (const [key, text] of catalogue) {
      expect({ key, p: placeholders(text) }).toEqual({ key, p: placeholders(english.get(key)!) })
    }
  })
})
