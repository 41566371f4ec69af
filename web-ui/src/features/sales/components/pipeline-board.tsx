import {
  DndContext,
  KeyboardSensor,
  PointerSensor,
  pointerWithin,
  rectIntersection,
  useDroppable,
  useSensor,
  useSensors,
  type Announcements,
  type CollisionDetection,
  type DragEndEvent,
  type KeyboardCoordinateGetter,
} from '@dnd-kit/core'
import { useCallback, useEffect, useMemo, useReducer, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useMutation, useQuery } from 'urql'
import { EmptyState, Loading, QueryError } from '../../../components/status'
import { UserErrorText } from '../../../components/user-error-list'
import { graphql } from '../../../gql'
import { readFragment } from '../../../lib/read-fragment'
import { hasCode } from '../../../lib/user-errors'
import { MoveOpportunityMutation } from '../api/mutations'
import { useDefaultPipeline } from '../api/pipelines'
import {
  boardReducer,
  initialBoardState,
  toColumns,
  type BoardColumn,
  type Deal,
  type Stage,
} from '../utils/board'
import { formatMoney } from '../utils/money'
import { DealCard } from './deal-card'
import { DealCreateForm } from './deal-create-form'
import { LostDialog } from './lost-dialog'
import { BoardOpportunitiesQuery, PipelineChangedSubscription } from '../api/opportunities'
import { LiveIndicator } from '../../../components/live-indicator'
import { useLiveSubscription } from '../../../hooks/use-live-subscription'
import '../sales.css'
import { useCan } from '../../../lib/permissions'

const PAGE_SIZE = 100

/** What a card on the board shows, and what moving it needs (`version`). */
const OpportunityCardFields = graphql(`
  fragment OpportunityCardFields on Opportunity {
    id
    name
    status
    version
    expectedCloseDate
    amount {
      amount
      currency
    }
    customer {
      id
      name
    }
    owner {
      id
      name
      vendor
    }
    stage {
      id
      name
      position
      probability
      closesAsWon
    }
  }
`)

const REFRESH_ON_CHANGES = { additionalTypenames: ['Opportunity'] }

/** Pointer first; the keyboard (and so a card without a pointer over it) by rectangles. */
const collisionDetection: CollisionDetection = (args) => {
  const hits = pointerWithin(args)
  return hits.length > 0 ? hits : rectIntersection(args)
}

/** Left and right arrows jump to the neighbouring column rather than by a few pixels. */
const columnKeyboardCoordinates: KeyboardCoordinateGetter = (
  event,
  { currentCoordinates, context: { collisionRect, droppableRects, droppableContainers } },
) => {
  if (event.code !== 'ArrowRight' && event.code !== 'ArrowLeft') return undefined
  if (!collisionRect) return undefined
  event.preventDefault()
  const center = collisionRect.left + collisionRect.width / 2
  const direction = event.code === 'ArrowRight' ? 1 : -1
  const candidates = droppableContainers
    .getEnabled()
    .map((container) => droppableRects.get(container.id))
    .filter((rect) => rect !== undefined)
    .map((rect) => ({ rect, center: rect.left + rect.width / 2 }))
    .filter((c) => (c.center - center) * direction > 1)
    .sort((a, b) => Math.abs(a.center - center) - Math.abs(b.center - center))
  const target = candidates[0]
  if (!target) return currentCoordinates
  return {
    x: currentCoordinates.x + (target.center - center),
    y: currentCoordinates.y,
  }
}

/** /pipeline: the default pipeline as a board, one column per stage. */
export function PipelineBoard() {
  const { t } = useTranslation('sales')
  const pipelineResult = useDefaultPipeline()
  const { pipeline, stages } = pipelineResult

  if (pipelineResult.fetching && !pipelineResult.loaded) return <Loading />
  if (pipelineResult.error && !pipelineResult.loaded) {
    return (
      <QueryError
        error={pipelineResult.error}
        title={t('board.loadError')}
        onRetry={() => pipelineResult.reexecute({ requestPolicy: 'network-only' })}
      />
    )
  }
  if (!pipeline) return <EmptyState title={t('board.noPipeline')} />
  return (
    <Board pipelineId={pipeline.id} stages={stages} reasonRequired={pipeline.requiresLostReason} />
  )
}

function Board({
  pipelineId,
  stages,
  reasonRequired,
}: {
  pipelineId: string
  stages: readonly Stage[]
  reasonRequired: boolean
}) {
  const { t } = useTranslation('sales')
  const can = useCan()
  const [query, reexecute] = useQuery({
    query: BoardOpportunitiesQuery,
    variables: { pipelineId, first: PAGE_SIZE },
    context: REFRESH_ON_CHANGES,
  })
  const [, moveOpportunity] = useMutation(MoveOpportunityMutation)
  const [state, dispatch] = useReducer(boardReducer, initialBoardState)
  const [creating, setCreating] = useState(false)
  const [losing, setLosing] = useState<Deal | null>(null)
  const [notice, setNotice] = useState('')

  const serverData = query.data
  const serverDeals = useMemo(
    () =>
      serverData &&
      readFragment(
        OpportunityCardFields,
        serverData.opportunities.edges.map((edge) => edge.node),
      ),
    [serverData],
  )
  useEffect(() => {
    if (serverDeals) dispatch({ type: 'loaded', deals: serverDeals })
  }, [serverDeals])

  const reload = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute])

  const columns = useMemo(() => toColumns(stages, state.deals), [stages, state.deals])
  const stageById = useMemo(() => new Map(stages.map((s) => [s.id, s])), [stages])

  // others' changes as they happen; the board's own moves are settled by their answers
  useLiveSubscription(
    PipelineChangedSubscription,
    { pipelineId },
    (data) => {
      const deal = readFragment(OpportunityCardFields, data.pipelineChanged)
      // the stage as the board names it (the socket has no language to name it in)
      const stage = stageById.get(deal.stage.id)
      dispatch({ type: 'pushed', deal: stage ? { ...deal, stage } : deal })
    },
    { onResync: reload },
  )
  const dealById = useMemo(() => new Map(state.deals.map((d) => [d.id, d])), [state.deals])

  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(KeyboardSensor, { coordinateGetter: columnKeyboardCoordinates }),
  )

  const move = async (deal: Deal, stage: Stage) => {
    if (deal.stage.id === stage.id || state.pending[deal.id]) return
    setNotice('')
    dispatch({ type: 'move', id: deal.id, stage })
    const response = await moveOpportunity({
      input: { id: deal.id, expectedVersion: deal.version, stageId: stage.id },
    })
    const payload = response.data?.moveOpportunity
    if (!payload) {
      dispatch({ type: 'rejected', id: deal.id, errors: [], network: true })
    } else if (payload.userErrors.length > 0 || !payload.opportunity) {
      dispatch({ type: 'rejected', id: deal.id, errors: payload.userErrors, network: false })
    } else {
      dispatch({
        type: 'confirmed',
        deal: readFragment(OpportunityCardFields, payload.opportunity),
      })
      setNotice(t('board.moved', { name: deal.name, stage: stage.name }))
    }
  }

  const onDragEnd = (event: DragEndEvent) => {
    const deal = dealById.get(String(event.active.id))
    const stage = event.over ? stageById.get(String(event.over.id)) : undefined
    if (deal && stage) void move(deal, stage)
  }

  const nameOf = (id: string | number) => dealById.get(String(id))?.name ?? ''
  const stageNameOf = (id: string | number | undefined) =>
    id === undefined ? '' : (stageById.get(String(id))?.name ?? '')
  const announcements: Announcements = {
    onDragStart: ({ active }) =>
      t('board.dnd.pickedUp', {
        name: nameOf(active.id),
        stage: dealById.get(String(active.id))?.stage.name ?? '',
      }),
    onDragOver: ({ active, over }) =>
      over
        ? t('board.dnd.over', { name: nameOf(active.id), stage: stageNameOf(over.id) })
        : t('board.dnd.notOver', { name: nameOf(active.id) }),
    onDragEnd: ({ active, over }) =>
      over
        ? t('board.dnd.dropped', { name: nameOf(active.id), stage: stageNameOf(over.id) })
        : t('board.dnd.cancelled', { name: nameOf(active.id) }),
    onDragCancel: ({ active }) => t('board.dnd.cancelled', { name: nameOf(active.id) }),
  }

  const failure = state.failure
  return (
    <section className="pipeline-page" aria-labelledby="pipeline-title">
      <header className="page-header">
        <div className="page-title-row">
          <h1 id="pipeline-title">{t('board.title')}</h1>
          <LiveIndicator />
        </div>
        {can('CREATE', 'OPPORTUNITY') ? (
          <div className="page-actions">
            <button
              type="button"
              className="button button-primary"
              aria-expanded={creating}
              onClick={() => setCreating((open) => !open)}
            >
              + {t('board.newDeal')}
            </button>
          </div>
        ) : null}
      </header>
      {creating ? (
        <DealCreateForm
          stages={stages}
          pipelineId={pipelineId}
          onCancel={() => setCreating(false)}
          onCreated={(deal) => {
            setCreating(false)
            setNotice(t('create.created', { name: deal.name }))
          }}
        />
      ) : null}
      {failure ? (
        <div role="alert" className="alert alert-error board-failure">
          <p className="alert-title">
            {t('board.moveFailed', {
              name: failure.dealName,
              stage: failure.stage.name,
              previous: failure.previous.name,
            })}
          </p>
          {failure.network ? <p>{t('board.moveFailedNetwork')}</p> : null}
          {failure.errors.length > 0 ? (
            <ul>
              {failure.errors.map((error, index) => (
                <li key={index}>
                  <UserErrorText error={error} />
                </li>
              ))}
            </ul>
          ) : null}
          <div className="form-actions">
            {hasCode(failure.errors, 'STALE_VERSION') ? (
              <button type="button" className="button" onClick={reload}>
                {t('board.reload')}
              </button>
            ) : null}
            <button type="button" className="button" onClick={() => dispatch({ type: 'dismiss' })}>
              {t('board.dismiss')}
            </button>
          </div>
        </div>
      ) : null}
      <p className="sales-sr-only" role="status">
        {notice}
      </p>
      {query.error && !query.data ? (
        <QueryError error={query.error} title={t('board.loadError')} onRetry={reload} />
      ) : null}
      {query.fetching && !query.data ? <Loading /> : null}
      {query.data?.opportunities.pageInfo.hasNextPage ? (
        <p className="muted">{t('board.truncated', { count: PAGE_SIZE })}</p>
      ) : null}
      <p className="muted board-hint">{t('board.dragHint')}</p>
      <DndContext
        sensors={sensors}
        collisionDetection={collisionDetection}
        onDragEnd={onDragEnd}
        accessibility={{
          announcements,
          screenReaderInstructions: { draggable: t('board.dragHint') },
        }}
      >
        <div className="board">
          {columns.map((column) => (
            <StageColumn
              key={column.stage.id}
              column={column}
              pending={state.pending}
              onLost={setLosing}
            />
          ))}
        </div>
      </DndContext>
      {losing ? (
        <LostDialog
          deal={losing}
          reasonRequired={reasonRequired}
          onClose={() => setLosing(null)}
          onDone={(deal) => {
            setLosing(null)
            setNotice(t('status.LOST') + ': ' + deal.name)
          }}
        />
      ) : null}
    </section>
  )
}

function StageColumn({
  column,
  pending,
  onLost,
}: {
  column: BoardColumn
  pending: Readonly<Record<string, Deal>>
  onLost: (deal: Deal) => void
}) {
  const { t, i18n } = useTranslation('sales')
  const { setNodeRef, isOver } = useDroppable({ id: column.stage.id })
  const headingId = `stage-${column.stage.id}`
  return (
    <section
      ref={setNodeRef}
      className={['board-column', isOver ? 'board-column-over' : ''].join(' ').trim()}
      aria-labelledby={headingId}
      data-stage={column.stage.name}
    >
      <header className="board-column-header">
        <h2 id={headingId}>{column.stage.name}</h2>
        <p className="board-column-summary">
          <span>{t('board.columnSummary', { count: column.deals.length })}</span>
          {column.totals.map((total) => (
            <span key={total.currency} className="board-column-total">
              {formatMoney(total, i18n.language)}
            </span>
          ))}
        </p>
      </header>
      <ul className="board-cards">
        {column.deals.map((deal) => (
          <li key={deal.id}>
            <DealCard deal={deal} pending={Boolean(pending[deal.id])} onLost={onLost} />
          </li>
        ))}
      </ul>
      {column.deals.length === 0 ? <p className="muted board-empty">{t('board.empty')}</p> : null}
    </section>
  )
}
