import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { EmptyState, Loading } from '../components/status'
import { useViewer } from '../features/auth/use-viewer'
import type { Role } from '../gql/graphql'
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
