import { Navigate } from 'react-router'
import { Loading } from '../components/status'
import { useAuth } from '../features/auth/auth-context'
import { LandingPage } from '../features/auth/landing-page'
import { useViewer } from '../features/auth/use-viewer'
import { startPathFor } from './roles'

/** "/": the landing page or, when signed in, the start page of the user's role. */
export function Home() {
  const { status } = useAuth()
  if (status === 'loading') return <Loading />
  if (status === 'authenticated') return <StartPage />
  return <LandingPage />
}

/** Reps and managers start at their reminders, everyone else at the customers. */
function StartPage() {
  const { viewer, fetching } = useViewer()
  if (fetching && !viewer) return <Loading />
  // without an answer (e.g. the API is down) the customers page shows what went wrong
  return <Navigate to={startPathFor(viewer?.roles)} replace />
}
