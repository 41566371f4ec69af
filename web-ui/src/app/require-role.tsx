import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { EmptyState, Loading } from '../components/status'
import { useViewer } from '../features/auth/use-viewer'
import type { Action, Role, Subject } from '../gql/graphql'
import { useCan } from '../lib/permissions'
import { hasAnyRole } from './roles'

/** Shows `children` only to users with one of `roles` (the API checks again). */
export function RequireRole({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  const { viewer, fetching } = useViewer()
  if (fetching && !viewer) return <Loading />
  if (!hasAnyRole(viewer?.roles, roles)) return <Refused partner={Boolean(viewer?.partner)} />
  return children
}

/**
 * What a screen the user may not open shows instead: for a partner's users, that the screen is not
 * part of their portal (a vendor-only address typed or followed), with the way back to it.
 */
function Refused({ partner }: { partner: boolean }) {
  const { t } = useTranslation()
  return (
    <div className="page">
      {partner ? (
        <EmptyState title={t('errors.notInPortal')}>
          <Link to="/portal">{t('errors.toPortal')}</Link>
        </EmptyState>
      ) : (
        <EmptyState title={t('errors.forbidden')} />
      )}
    </div>
  )
}

/** Shows `children` (a page that only changes things) to users the API lets do `action` on `subject`. */
export function RequirePermission({
  action,
  subject,
  children,
}: {
  action: Action
  subject: Subject
  children: ReactNode
}) {
  const { viewer, fetching } = useViewer()
  const can = useCan()
  if (fetching && !viewer) return <Loading />
  if (!can(action, subject)) return <Refused partner={Boolean(viewer?.partner)} />
  return children
}
