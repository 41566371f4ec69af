/** The plural categories of CLDR, which i18next appends to a key (`deals_one`, `deals_few`). */
type PluralCategory = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other'

/**
 * The shape another language must fill in, given the English catalogue `T`: the same keys with
 * string values, except plural keys, where each language has its own categories (English
 * one/other, Russian one/few/many/other, Chinese other only). `_other` is always required; which
 * of the rest a language needs is checked by src/lib/i18n.test.ts against Intl.PluralRules.
 */
export type Catalogue<T> = {
  [K in keyof T as K extends `${string}_${PluralCategory}` ? never : K]: T[K] extends string
    ? string
    : Catalogue<T[K]>
} & {
  [K in keyof T as K extends `${infer Base}_${PluralCategory}` ? `${Base}_other` : never]: string
} & {
  [
    K in keyof T as K extends `${infer Base}_${PluralCategory}`
      ? `${Base}_${Exclude<PluralCategory, 'other'>}`
      : never
  ]?: string
}
