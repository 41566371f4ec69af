import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { LANGUAGES, chooseLanguage, currentLanguage, type Language } from '../lib/i18n'

export function LanguagePicker() {
  const { t, i18n } = useTranslation()
  const id = useId()
  return (
    <div className="language-picker">
      {/* named for screen readers; its options say what it is, and the header has no room */}
      <label htmlFor={id} className="visually-hidden">
        {t('language.label')}
      </label>
      <select
        id={id}
        value={currentLanguage(i18n)}
        onChange={(event) => void chooseLanguage(i18n, event.target.value as Language)}
      >
        {LANGUAGES.map((language) => (
          <option key={language} value={language} lang={language}>
            {t(`language.${language}`)}
          </option>
        ))}
      </select>
    </div>
  )
}
