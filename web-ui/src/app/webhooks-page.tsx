import { useViewer } from '../features/auth/use-viewer'
import { WebhooksPage } from '../features/webhooks/components/webhooks-page'

/** /settings/webhooks, told whether the user is an admin (who may allow private addresses). */
export function WebhooksSettingsPage() {
  const { viewer } = useViewer()
  return <WebhooksPage isAdmin={Boolean(viewer?.roles.includes('ADMIN'))} />
}
