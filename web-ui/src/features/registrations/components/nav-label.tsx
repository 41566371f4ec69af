import { useTranslation } from 'react-i18next'

/** The text of a registrations entry in the main navigation. */
export function RegistrationsNavLabel({ area }: { area: 'queue' | 'registrations' }) {
  const { t } = useTranslation('registrations')
  return <>{t(`nav.${area}`)}</>
}
