import { useTranslation } from 'react-i18next'

/** The text of a licensing entry in the main navigation. */
export function LicensesNavLabel({ area }: { area: 'licenses' | 'renewals' | 'verify' }) {
  const { t } = useTranslation('licenses')
  return <>{t(`nav.${area}`)}</>
}
