import { useTranslation } from 'react-i18next'

/** The text of an entry of the contracts feature in the main navigation. */
export function ContractsNavLabel({ area }: { area: 'contracts' | 'planning' }) {
  const { t } = useTranslation('contracts')
  return <>{t(`nav.${area}`)}</>
}
