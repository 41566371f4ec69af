import i18next, { type i18n as I18n } from 'i18next'
import { initReactI18next } from 'react-i18next'
import { en } from './locales/en'
import { ru } from './locales/ru'
import { zhCN } from './locales/zh-CN'
import { en as customersEn } from '../features/customers/locales/en'
import { ru as customersRu } from '../features/customers/locales/ru'
import { zhCN as customersZhCN } from '../features/customers/locales/zh-CN'
import { en as activitiesEn } from '../features/activities/locales/en'
import { ru as activitiesRu } from '../features/activities/locales/ru'
import { zhCN as activitiesZhCN } from '../features/activities/locales/zh-CN'
import { en as mailEn } from '../features/mail/locales/en'
import { ru as mailRu } from '../features/mail/locales/ru'
import { zhCN as mailZhCN } from '../features/mail/locales/zh-CN'
import { en as salesEn } from '../features/sales/locales/en'
import { ru as salesRu } from '../features/sales/locales/ru'
import { zhCN as salesZhCN } from '../features/sales/locales/zh-CN'
import { en as productsEn } from '../features/products/locales/en'
import { ru as productsRu } from '../features/products/locales/ru'
import { zhCN as productsZhCN } from '../features/products/locales/zh-CN'
import { en as ordersEn } from '../features/orders/locales/en'
import { ru as ordersRu } from '../features/orders/locales/ru'
import { zhCN as ordersZhCN } from '../features/orders/locales/zh-CN'
import { en as licensesEn } from '../features/licenses/locales/en'
import { ru as licensesRu } from '../features/licenses/locales/ru'
import { zhCN as licensesZhCN } from '../features/licenses/locales/zh-CN'
import { en as webhooksEn } from '../features/webhooks/locales/en'
import { en as auditEn } from '../features/audit/locales/en'
import { ru as auditRu } from '../features/audit/locales/ru'
import { zhCN as auditZhCN } from '../features/audit/locales/zh-CN'
import { ru as webhooksRu } from '../features/webhooks/locales/ru'
import { zhCN as webhooksZhCN } from '../features/webhooks/locales/zh-CN'
import { en as contractsEn } from '../features/contracts/locales/en'
import { ru as contractsRu } from '../features/contracts/locales/ru'
import { zhCN as contractsZhCN } from '../features/contracts/locales/zh-CN'
import { en as billingEn } from '../features/billing/locales/en'
import { ru as billingRu } from '../features/billing/locales/ru'
import { zhCN as billingZhCN } from '../features/billing/locales/zh-CN'
import { en as registrationsEn } from '../features/registrations/locales/en'
import { ru as registrationsRu } from '../features/registrations/locales/ru'
import { zhCN as registrationsZhCN } from '../features/registrations/locales/zh-CN'
import { en as partnersEn } from '../features/partners/locales/en'
import { ru as partnersRu } from '../features/partners/locales/ru'
import { zhCN as partnersZhCN } from '../features/partners/locales/zh-CN'
import { en as performanceEn } from '../features/channel-performance/locales/en'
import { ru as performanceRu } from '../features/channel-performance/locales/ru'
import { zhCN as performanceZhCN } from '../features/channel-performance/locales/zh-CN'
import { en as portalEn } from '../features/portal/locales/en'
import { ru as portalRu } from '../features/portal/locales/ru'
import { zhCN as portalZhCN } from '../features/portal/locales/zh-CN'
import { en as partnerAccountsEn } from '../features/partner-accounts/locales/en'
import { ru as partnerAccountsRu } from '../features/partner-accounts/locales/ru'
import { zhCN as partnerAccountsZhCN } from '../features/partner-accounts/locales/zh-CN'

export const LANGUAGES = ['en', 'zh-CN', 'ru'] as const
export type Language = (typeof LANGUAGES)[number]

export const resources = {
  en: {
    translation: en,
    customers: customersEn,
    activities: activitiesEn,
    mail: mailEn,
    sales: salesEn,
    products: productsEn,
    orders: ordersEn,
    licenses: licensesEn,
    webhooks: webhooksEn,
    audit: auditEn,
    contracts: contractsEn,
    billing: billingEn,
    portal: portalEn,
    performance: performanceEn,
    partners: partnersEn,
    registrations: registrationsEn,
    partnerAccounts: partnerAccountsEn,
  },
  'zh-CN': {
    translation: zhCN,
    customers: customersZhCN,
    activities: activitiesZhCN,
    mail: mailZhCN,
    sales: salesZhCN,
    products: productsZhCN,
    orders: ordersZhCN,
    licenses: licensesZhCN,
    webhooks: webhooksZhCN,
    audit: auditZhCN,
    contracts: contractsZhCN,
    billing: billingZhCN,
    portal: portalZhCN,
    performance: performanceZhCN,
    partners: partnersZhCN,
    registrations: registrationsZhCN,
    partnerAccounts: partnerAccountsZhCN,
  },
  ru: {
    translation: ru,
    customers: customersRu,
    activities: activitiesRu,
    mail: mailRu,
    sales: salesRu,
    products: productsRu,
    orders: ordersRu,
    licenses: licensesRu,
    webhooks: webhooksRu,
    audit: auditRu,
    contracts: contractsRu,
    billing: billingRu,
    portal: portalRu,
    performance: performanceRu,
    partners: partnersRu,
    registrations: registrationsRu,
    partnerAccounts: partnerAccountsRu,
  },
} as const

const STORAGE_KEY = 'dealerdesk.language'

function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value)
}

/** Maps a BCP 47 tag from the browser (e.g. `ru-RU`, `zh-Hans-CN`, `zh`) to one of ours. */
export function matchLanguage(tag: string): Language | undefined {
  const lower = tag.toLowerCase()
  if (lower.startsWith('zh')) return 'zh-CN'
  if (lower === 'ru' || lower.startsWith('ru-')) return 'ru'
  if (lower === 'en' || lower.startsWith('en-')) return 'en'
  return undefined
}

/** The stored choice, else the first browser language we have, else English. */
export function detectLanguage(
  stored: string | null = readStoredLanguage(),
  browserLanguages: readonly string[] = typeof navigator === 'undefined' ? [] : navigator.languages,
): Language {
  if (isLanguage(stored)) return stored
  for (const tag of browserLanguages) {
    const match = matchLanguage(tag)
    if (match) return match
  }
  return 'en'
}

function readStoredLanguage(): string | null {
  try {
    return window.localStorage.getItem(STORAGE_KEY)
  } catch {
    return null
  }
}

export function createI18n(lng: Language = detectLanguage()): I18n {
  const instance = i18next.createInstance()
  void instance.use(initReactI18next).init({
    resources,
    lng,
    fallbackLng: 'en',
    supportedLngs: [...LANGUAGES],
    // keys contain no ':' namespaces; keep '.' for nesting
    nsSeparator: false,
    interpolation: { escapeValue: false }, // React escapes
    initAsync: false,
    returnNull: false,
  })
  const setHtmlLang = (language: string) => {
    if (typeof document !== 'undefined') document.documentElement.lang = language
  }
  setHtmlLang(lng)
  instance.on('languageChanged', setHtmlLang)
  return instance
}

/** Switches the UI language and remembers the choice for the next visit. */
export async function chooseLanguage(instance: I18n, language: Language): Promise<void> {
  try {
    window.localStorage.setItem(STORAGE_KEY, language)
  } catch {
    // private mode: the choice lasts for this page only
  }
  await instance.changeLanguage(language)
}

export function currentLanguage(instance: I18n): Language {
  return isLanguage(instance.language) ? instance.language : 'en'
}
