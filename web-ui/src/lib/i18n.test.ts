import { describe, expect, it } from 'vitest'
import { createI18n, detectLanguage, matchLanguage, resources } from './i18n'

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
    const read = [
      ['translation', 'auth.signIn'],
      ['translation', 'shell.reminders'],
      ['customers', 'list.empty'],
      ['activities', 'reminders.title'],
      ['activities', 'activity.kind.CALL'],
      ['mail', 'title'],
    ] as const
    for (const language of ['zh-CN', 'ru'] as const) {
      for (const [namespace, key] of read) {
        const text = (of: typeof language | 'en') =>
          flatten(resources[of][namespace] as Tree).get(key)
        expect(text('en')).toBeTruthy()
        expect({ namespace, key, text: text(language) }).not.toEqual({
          namespace,
          key,
          text: text('en'),
        })
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
