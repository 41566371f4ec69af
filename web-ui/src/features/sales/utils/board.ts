import type { OpportunityCardFieldsFragment } from '../../../gql/graphql'
import type { UserErrorLike } from '../../../lib/user-errors'
import { isNewer } from '../../../lib/version-guard'
import { sumByCurrency, type MoneyValue } from './money'

export type Deal = OpportunityCardFieldsFragment
export type Stage = Deal['stage']

/** Why a move was undone: the server's userErrors, or no answer at all. */
export type MoveFailure = {
  dealName: string
  stage: Stage
  previous: Stage
  errors: readonly UserErrorLike[]
  network: boolean
}

export type BoardState = {
  /** The deals as shown: the server's list with the moves still waiting for an answer applied. */
  deals: readonly Deal[]
  /** Deals moved on the board whose move the server has not answered yet, with where they were. */
  pending: Readonly<Record<string, Deal>>
  failure: MoveFailure | null
}

export type BoardAction =
  /** A stage's column as the server has it now: every page of it loaded so far. */
  | { type: 'loaded'; stageId: string; deals: readonly Deal[] }
  | { type: 'move'; id: string; stage: Stage }
  | { type: 'confirmed'; deal: Deal }
  /** The live feed's copy of a deal of this pipeline after someone (maybe this user) changed it. */
  | { type: 'pushed'; deal: Deal }
  | {
      type: 'rejected'
      id: string
      errors: readonly UserErrorLike[]
      network: boolean
    }
  | { type: 'dismiss' }

export const initialBoardState: BoardState = { deals: [], pending: {}, failure: null }

/** The statuses the board shows (its query asks for these only). */
const ON_BOARD: readonly Deal['status'][] = ['OPEN', 'WON']

export function boardReducer(state: BoardState, action: BoardAction): BoardState {
  switch (action.type) {
    case 'loaded': {
      // A refetch while a move is on its way must not undo it on the screen, and an answer
      // older than a copy pushed meanwhile must not bring the old one back.
      const shownById = new Map(state.deals.map((d) => [d.id, d]))
      const deals = action.deals.map((deal) => {
        const shown = shownById.get(deal.id)
        return shown && (state.pending[deal.id] || isNewer(shown, deal)) ? shown : deal
      })
      const loadedIds = new Set(deals.map((d) => d.id))
      // the stage's other deals went elsewhere, unless the user just moved them there
      const others = state.deals.filter(
        (d) => !loadedIds.has(d.id) && (d.stage.id !== action.stageId || state.pending[d.id]),
      )
      return { ...state, deals: [...others, ...deals] }
    }
    case 'move': {
      const deal = state.deals.find((d) => d.id === action.id)
      if (!deal || deal.stage.id === action.stage.id || state.pending[action.id]) return state
      return {
        ...state,
        deals: state.deals.map((d) =>
          d.id === action.id
            ? { ...d, stage: action.stage, status: action.stage.closesAsWon ? 'WON' : 'OPEN' }
            : d,
        ),
        pending: { ...state.pending, [action.id]: deal },
        failure: null,
      }
    }
    case 'confirmed': {
      const { [action.deal.id]: pushedMeanwhile, ...pending } = state.pending
      // someone else's change pushed while the move was on its way is newer than the answer
      const settled =
        pushedMeanwhile && isNewer(pushedMeanwhile, action.deal) ? pushedMeanwhile : action.deal
      return {
        ...state,
        deals: state.deals.map((d) => (d.id === action.deal.id ? settled : d)),
        pending,
      }
    }
    case 'pushed': {
      const { deal } = action
      const before = state.pending[deal.id]
      if (before) {
        // The card stays where the user dropped it until the move is answered; a newer copy
        // becomes what a refused move goes back to (and what a confirmation is compared with).
        return isNewer(deal, before)
          ? { ...state, pending: { ...state.pending, [deal.id]: deal } }
          : state
      }
      const shown = state.deals.find((d) => d.id === deal.id)
      // the user's own change, already shown from the mutation's answer, or an older copy
      if (!isNewer(deal, shown)) return state
      if (!ON_BOARD.includes(deal.status)) {
        return { ...state, deals: state.deals.filter((d) => d.id !== deal.id) }
      }
      return {
        ...state,
        deals: shown
          ? state.deals.map((d) => (d.id === deal.id ? deal : d))
          : [deal, ...state.deals],
      }
    }
    case 'rejected': {
      const before = state.pending[action.id]
      const moved = state.deals.find((d) => d.id === action.id)
      if (!before || !moved) return state
      const { [action.id]: _undone, ...pending } = state.pending
      return {
        deals: state.deals.map((d) => (d.id === action.id ? before : d)),
        pending,
        failure: {
          dealName: before.name,
          stage: moved.stage,
          previous: before.stage,
          errors: action.errors,
          network: action.network,
        },
      }
    }
    case 'dismiss':
      return { ...state, failure: null }
  }
}

export type BoardColumn = {
  stage: Stage
  deals: Deal[]
  totals: MoneyValue[]
}

/** One column per stage, in stage order; deals of stages not listed are left out. */
export function toColumns(stages: readonly Stage[], deals: readonly Deal[]): BoardColumn[] {
  return [...stages]
    .sort((a, b) => a.position - b.position)
    .map((stage) => {
      const inStage = deals.filter((deal) => deal.stage.id === stage.id)
      return { stage, deals: inStage, totals: sumByCurrency(inStage.map((deal) => deal.amount)) }
    })
}
