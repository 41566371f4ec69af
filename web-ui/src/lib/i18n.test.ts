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

const PLURAL_KEY = /^(.*)_(zero|one|two|few|many|other)$/

/**
 * The keys a language must have, given English's: a plural key of English (`deals_one`,
 * `deals_other`) stands for one key per plural category of that language (Russian needs
 * one/few/many/other, Chinese only other), as i18next picks them by Intl.PluralRules.
 */
function expectedKeys(englishKeys: Iterable<string>, language: string): string[] {
  const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories
  const keys = new Set<string>()
  for (const key of englishKeys) {
    const plural = PLURAL_KEY.exec(key)
    if (plural) for (const category of categories) keys.add(`${plural[1]}_${category}`)
    else keys.add(key)
  }
  return [...keys].sort()
}

/** The English text a translated key corresponds to: a plural form compares with `_other`. */
function englishOf(englishTexts: Map<string, string>, key: string): string {
  const plural = PLURAL_KEY.exec(key)
  return englishTexts.get(key) ?? englishTexts.get(`${plural?.[1]}_other`)!
}

describe('English plural keys', () => {
  it('has exactly the plural forms English needs', () => {
    for (const namespace of Object.values(resources.en)) {
      const keys = [...flatten(namespace as Tree).keys()]
      expect(keys.sort()).toEqual(expectedKeys(keys, 'en'))
    }
  })
})

describe.each(namespaces)('%s texts of %s', (language, _namespace, englishTexts, catalogue) => {
  it('has exactly the keys of English (plural forms by its own rules), none empty, mostly translated', () => {
    expect([...catalogue.keys()].sort()).toEqual(expectedKeys(englishTexts.keys(), language))
    expect([...catalogue.values()].filter((text) => text.trim() === '')).toEqual([])
    const translated = [...catalogue].filter(([key, text]) => text !== englishOf(englishTexts, key))
    expect(translated.length).toBeGreaterThan(catalogue.size / 2)
  })

  it('uses the same {{placeholders}}', () => {
    // a plural form may leave the number out ("the newest match"), the other placeholders stay
    const compared = (key: string, text: string) =>
      PLURAL_KEY.test(key) ? placeholders(text).filter((p) => p !== 'count') : placeholders(text)
    for (const [key, text] of catalogue) {
      expect({ key, p: compared(key, text) }).toEqual({
        key,
        p: compared(key, englishOf(englishTexts, key)),
      })
    }
  })
})

describe('translations', () => {
  it('translates, rather than copies, the texts people read', () => {
    const read = [
      ['translation', 'auth.signIn'],
      ['translation', 'shell.reminders'],
      ['customers', 'list.empty.none'],
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
