import { createContext } from 'react'
import type { LiveConnection } from './live'

/** The signed-in user's live connection (null when signed out); given by the app's provider. */
export const LiveConnectionContext = createContext<LiveConnection | null>(null)
