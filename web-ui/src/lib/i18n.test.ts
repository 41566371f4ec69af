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

/** Every namespace (the app's and each feature's) in every other language, against English. */
const namespaces = (['zh-CN', 'ru'] as const).flatMap((language) =>
  Object.keys(resources.en).map((namespace) => {
    const name = namespace as keyof typeof resources.en
    const of = (tree: unknown) => flatten(tree as Tree)
    return [language, namespace, of(resources.en[name]), of(resources[language][name])] as const
  }),
)

describe.each(namespaces)('%s texts of %s', (_language, _namespace, englishTexts, catalogue) => {
  it('has exactly the keys of English, none empty, mostly translated', () => {
    expect([...catalogue.keys()].sort()).toEqual([...englishTexts.keys()].sort())
    expect([...catalogue.values()].filter((text) => text.trim() === '')).toEqual([])
    const translated = [...catalogue].filter(([key, text]) => text !== englishTexts.get(key))
    expect(translated.length).toBeGreaterThan(catalogue.size / 2)
  })

  it('uses the same {{placeholders}}', () => {
    for (const [key, text] of catalogue) {
      expect({ key, p: placeholders(text) }).toEqual({
        key,
        p: placeholders(englishTexts.get(key)!),
      })
    }
  })
})

describe('translations', () => {
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
