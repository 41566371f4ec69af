import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { EmptyState, Loading } from '../components/status'
import { useViewer } from '../features/auth/use-viewer'
import type { Action, Role, Subject } from '../gql/graphql'
import { useCan } from '../lib/permissions'
import { hasAnyRole } from './roles'

/** Shows `children` only to users with one of `roles` (the API checks again). */
export function RequireRole({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  const { t } = useTranslation()
  const { viewer, fetching } = useViewer()
  if (fetching && !viewer) return <Loading />
  if (!hasAnyRole(viewer?.roles, roles)) {
    return (
      <div className="page">
        <EmptyState title={t('errors.forbidden')} />
      </div>
    )
  }
  return children
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
  const { t } = useTranslation()
  const { viewer, fetching } = useViewer()
  const can = useCan()
  if (fetching && !viewer) return <Loading />
  if (!can(action, subject)) {
    return (
      <div className="page">
        <EmptyState title={t('errors.forbidden')} />
      </div>
    )
  }
  return children
}
