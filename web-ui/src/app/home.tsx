import { Navigate } from 'react-router'
import { Loading } from '../components/status'
import { useAuth } from '../features/auth/auth-context'
import { LandingPage } from '../features/auth/landing-page'

/** "/": the landing page, or straight to the customers when signed in. */
export function Home() {
  const { status } = useAuth()
  if (status === 'loading') return <Loading />
  if (status === 'authenticated') return <Navigate to="/customers" replace />
  return <LandingPage />
}
