import type { ReactNode } from 'react'
import { useLocation } from 'react-router'
import { Loading } from '../../components/status'
import { useAuth } from './auth-context'
import { LandingPage } from './landing-page'

/** Shows the landing page instead of `children` until the user signs in, then comes back here. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { status } = useAuth()
  const location = useLocation()
  if (status === 'loading') return <Loading />
  if (status === 'unauthenticated') {
    return <LandingPage returnTo={location.pathname + location.search} />
  }
  return children
}
