import { useTranslation } from 'react-i18next'

/**
 * A person's name, or the vendor as an organisation: partner callers get the vendor's staff as one
 * `vendor` user (a name such as "DealerDesk sales", no e-mail), shown as the organisation it is.
 */
export function UserName({ user }: { user: { name: string; vendor?: boolean | null } }) {
  const { t } = useTranslation()
  if (!user.vendor) return <>{user.name}</>
  return (
    <span className="user-vendor" title={t('common.vendorOrganisation')}>
      {user.name}
    </span>
  )
}
