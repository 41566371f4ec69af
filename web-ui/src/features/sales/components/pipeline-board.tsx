import {
  DndContext,
  DragOverlay,
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
  type DragStartEvent,
  type KeyboardCoordinateGetter,
} from '@dnd-kit/core'
import { useCallback, useEffect, useMemo, useReducer, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useMutation } from 'urql'
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
import { DealCard, DealCardOverlay } from './deal-card'
import { DealCreateForm } from './deal-create-form'
import { LostDialog } from './lost-dialog'
import { BoardStageDealsQuery, PipelineChangedSubscription } from '../api/opportunities'
import { LiveIndicator } from '../../../components/live-indicator'
import { useLiveSubscription } from '../../../hooks/use-live-subscription'
import { useConnectionPages } from '../../../hooks/use-connection-pages'
import { useVirtualRows } from '../../../hooks/use-virtual-rows'
import '../sales.css'
import { useCan } from '../../../lib/permissions'

/** Deals per column and page; a column loads its next page as it is scrolled near its end. */
const PAGE_SIZE = 50
/** A card of three short lines; longer names wrap and the card is measured. */
const CARD_HEIGHT = 112
/** The gap between cards (0.45rem), kept in the virtual list's positions. */
const CARD_GAP = 7

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
  const [, moveOpportunity] = useMutation(MoveOpportunityMutation)
  const [state, dispatch] = useReducer(boardReducer, initialBoardState)
  const [creating, setCreating] = useState(false)
  const [losing, setLosing] = useState<Deal | null>(null)
  const [notice, setNotice] = useState('')
  const [dragged, setDragged] = useState<string | null>(null)
  // every column loads its first page again (after a resync, a new deal, a deal lost)
  const [refreshKey, setRefreshKey] = useState(0)
  const reload = useCallback(() => setRefreshKey((key) => key + 1), [])
  const onLoaded = useCallback(
    (stageId: string, deals: readonly Deal[]) => dispatch({ type: 'loaded', stageId, deals }),
    [],
  )

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

  const onDragStart = (event: DragStartEvent) => setDragged(String(event.active.id))
  const onDragEnd = (event: DragEndEvent) => {
    setDragged(null)
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
            reload()
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
      <p className="muted board-hint">{t('board.dragHint')}</p>
      <DndContext
        sensors={sensors}
        collisionDetection={collisionDetection}
        onDragStart={onDragStart}
        onDragEnd={onDragEnd}
        onDragCancel={() => setDragged(null)}
        accessibility={{
          announcements,
          screenReaderInstructions: { draggable: t('board.dragHint') },
        }}
      >
        <div className="board">
          {columns.map((column) => (
            <StageColumn
              key={column.stage.id}
              pipelineId={pipelineId}
              column={column}
              pending={state.pending}
              refreshKey={refreshKey}
              onLoaded={onLoaded}
              onLost={setLosing}
            />
          ))}
        </div>
        {/* the card follows the pointer above the columns, which scroll and so would clip it */}
        <DragOverlay dropAnimation={null}>
          {dragged && dealById.get(dragged) ? (
            <DealCardOverlay deal={dealById.get(dragged)!} />
          ) : null}
        </DragOverlay>
      </DndContext>
      {losing ? (
        <LostDialog
          deal={losing}
          reasonRequired={reasonRequired}
          onClose={() => setLosing(null)}
          onDone={(deal) => {
            setLosing(null)
            setNotice(t('status.LOST') + ': ' + deal.name)
            reload()
          }}
        />
      ) : null}
    </section>
  )
}

/**
 * A stage's deals, paged from the server (most recently updated first) and rendered only while
 * in view: a column of thousands of deals keeps a few dozen cards in the DOM.
 */
function StageColumn({
  pipelineId,
  column,
  pending,
  refreshKey,
  onLoaded,
  onLost,
}: {
  pipelineId: string
  column: BoardColumn
  pending: Readonly<Record<string, Deal>>
  refreshKey: number
  onLoaded: (stageId: string, deals: readonly Deal[]) => void
  onLost: (deal: Deal) => void
}) {
  const { t, i18n } = useTranslation('sales')
  const { setNodeRef, isOver } = useDroppable({ id: column.stage.id })
  const stageId = column.stage.id
  const pages = useConnectionPages(
    BoardStageDealsQuery,
    { pipelineId, stageId, first: PAGE_SIZE },
    (data) => data.opportunities,
    { refreshKey },
  )
  const loaded = useMemo(() => readFragment(OpportunityCardFields, pages.rows), [pages.rows])
  useEffect(() => {
    if (!pages.fetching || loaded.length > 0) onLoaded(stageId, loaded)
  }, [loaded, pages.fetching, stageId, onLoaded])

  const deals = column.deals
  const { scrollRef, virtualizer, items } = useVirtualRows({
    count: deals.length,
    estimateSize: CARD_HEIGHT + CARD_GAP,
    getItemKey: (index) => deals[index]!.id,
    hasNextPage: pages.hasNextPage,
    fetching: pages.fetching,
    onLoadMore: pages.loadMore,
    overscan: 4,
  })
  const headingId = `stage-${stageId}`
  return (
    <section
      ref={setNodeRef}
      className={['board-column', isOver ? 'board-column-over' : ''].join(' ').trim()}
      aria-labelledby={headingId}
      aria-busy={pages.fetching}
      data-stage={column.stage.name}
    >
      <header className="board-column-header">
        <h2 id={headingId}>{column.stage.name}</h2>
        <p className="board-column-summary">
          <span>
            {pages.hasNextPage
              ? t('board.columnSummaryMore', { count: deals.length })
              : t('board.columnSummary', { count: deals.length })}
          </span>
          {/* a sum over the loaded deals only would mislead */}
          {pages.hasNextPage
            ? null
            : column.totals.map((total) => (
                <span key={total.currency} className="board-column-total">
                  {formatMoney(total, i18n.language)}
                </span>
              ))}
        </p>
      </header>
      {pages.error ? (
        <QueryError error={pages.error} title={t('board.loadError')} onRetry={pages.retry} />
      ) : null}
      <div ref={scrollRef} className="board-cards">
        <ul className="board-cards-list" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const deal = deals[item.index]
            return (
              <li
                key={item.key}
                data-index={item.index}
                ref={virtualizer.measureElement}
                style={{ transform: `translateY(${item.start}px)` }}
              >
                {deal ? (
                  <DealCard deal={deal} pending={Boolean(pending[deal.id])} onLost={onLost} />
                ) : (
                  <p className="muted board-loader">{t('board.loadingMore')}</p>
                )}
              </li>
            )
          })}
        </ul>
      </div>
      {pages.fetching && deals.length === 0 ? <Loading /> : null}
      {!pages.fetching && deals.length === 0 ? (
        <p className="muted board-empty">{t('board.empty')}</p>
      ) : null}
    </section>
  )
}
