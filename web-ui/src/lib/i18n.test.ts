import { describe, expect, it } from 'vitest'
import { LANGUAGES, createI18n, detectLanguage, matchLanguage, resources } from './i18n'

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

const catalogues = Object.fromEntries(
  LANGUAGES.map((language) => [language, flatten(resources[language].translation as Tree)]),
)
const english = catalogues.en!

const placeholders = (text: string) =>
  [...text.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]).sort()

describe('translations', () => {
  it.each(LANGUAGES)('%s has exactly the keys of English', (language) => {
    const keys = [...catalogues[language]!.keys()].sort()
    expect(keys).toEqual([...english.keys()].sort())
  })

  it.each(LANGUAGES)('%s has no empty text', (language) => {
    const empty = [...catalogues[language]!].filter(([, text]) => text.trim() === '')
    expect(empty).toEqual([])
  })

  it.each(LANGUAGES)('%s uses the same {{placeholders}} as English', (language) => {
    for (const [key, text] of catalogues[language]!) {
      expect({ key, placeholders: placeholders(text) }).toEqual({
        key,
        placeholders: placeholders(english.get(key)!),
      })
    }
  })

  it('translates, rather than copies, the texts people read', () => {
    for (const language of ['zh-CN', 'ru'] as const) {
      expect(catalogues[language]!.get('auth.signIn')).not.toBe(english.get('auth.signIn'))
      expect(catalogues[language]!.get('customers.list.empty')).not.toBe(
        english.get('customers.list.empty'),
      )
      for (const key of ['shell.reminders', 'activities.reminders.title', 'activity.kind.CALL']) {
        expect(catalogues[language]!.get(key)).not.toBe(english.get(key))
      }
    }
  })

  it('switches language at run time', async () => {
    const i18n = createI18n('en')
    expect(i18n.t('auth.signIn')).toBe('Sign in')
    await i18n.changeLanguage('ru')
    expect(i18n.t('auth.signIn')).toBe('Войти')
    expect(document.documentElement.lang).toBe('ru')
  })
})

describe('language detection', () => {
  it('prefers the stored choice', () => {
    expect(detectLanguage('ru', ['zh-CN'])).toBe('ru')
  })

  it('takes the first browser language we have', () => {
    expect(detectLanguage(null, ['de-DE', 'zh-Hans-CN', 'en'])).toBe('zh-CN')
    expect(detectLanguage(null, ['ru-RU'])).toBe('ru')
  })

  it('ignores unknown stored values and falls back to English', () => {
    expect(detectLanguage('xx', ['de', 'fr'])).toBe('en')
  })

  it('maps browser tags', () => {
    expect(matchLanguage('zh')).toBe('zh-CN')
    expect(matchLanguage('en-GB')).toBe('en')
    expect(matchLanguage('rue')).toBeUndefined()
  })
})
