import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useMutation, useQuery } from 'urql'
import { DateField } from '../../../components/date-field'
import { SelectField, TextField } from '../../../components/form-field'
import { QueryError } from '../../../components/status'
import { FormErrors } from '../../../components/user-error-list'
import { graphql, useFragment, type FragmentType } from '../../../gql'
import type { ContractStagesFieldsFragment } from '../../../gql/graphql'
import { formatDate, formatDateTime } from '../../../lib/format'
import type { UserErrorLike } from '../../../lib/user-errors'
import {
  AcceptContractStageMutation,
  AcceptContractWorkMutation,
  ContractPeopleQuery,
  CreateContractStageMutation,
  CreateContractWorkMutation,
  DeleteContractStageMutation,
  DeleteContractWorkMutation,
  ReopenContractWorkMutation,
  UpdateContractStageMutation,
  UpdateContractWorkMutation,
} from '../api/contracts'
import { ReloadWhenStale } from './reload-when-stale'

const ContractStagesFields = graphql(`
  fragment ContractStagesFields on Contract {
    id
    stages {
      id
      position
      name
      deadline
      version
      acceptance {
        acceptedAt
        note
        acceptedBy {
          id
          name
        }
      }
      works {
        id
        position
        name
        deadline
        late
        version
        owner {
          id
          name
        }
        tasks {
          id
        }
        acceptance {
          acceptedAt
          note
          acceptedBy {
            id
            name
          }
        }
      }
    }
  }
`)

type Stage = ContractStagesFieldsFragment['stages'][number]
type Work = Stage['works'][number]
type Acceptance = NonNullable<Stage['acceptance']>
type Answer = { userErrors: readonly UserErrorLike[] } | null | undefined

/** What is being edited: one form at a time. */
type Editing =
  | { kind: 'newStage' }
  | { kind: 'stage'; stage: Stage }
  | { kind: 'acceptStage'; stage: Stage }
  | { kind: 'newWork'; stage: Stage }
  | { kind: 'work'; work: Work }
  | { kind: 'acceptWork'; work: Work }
  | null

/**
 * The contract's stages and their works: create, edit, reorder, accept with a note, reopen a
 * work. "Accept stage" stays disabled, saying why, while a work of it is not accepted.
 */
export function ContractStages({
  contract: ref,
  canPlan,
  onReload,
}: {
  contract: FragmentType<typeof ContractStagesFields>
  canPlan: boolean
  onReload: () => void
}) {
  const { t, i18n } = useTranslation('contracts')
  const lang = i18n.language
  const contract = useFragment(ContractStagesFields, ref)
  const [editing, setEditing] = useState<Editing>(null)
  const [errors, setErrors] = useState<readonly UserErrorLike[]>([])
  const [people] = useQuery({ query: ContractPeopleQuery, pause: !canPlan })
  const [createStageState, createStage] = useMutation(CreateContractStageMutation)
  const [updateStageState, updateStage] = useMutation(UpdateContractStageMutation)
  const [acceptStageState, acceptStage] = useMutation(AcceptContractStageMutation)
  const [deleteStageState, deleteStage] = useMutation(DeleteContractStageMutation)
  const [createWorkState, createWork] = useMutation(CreateContractWorkMutation)
  const [updateWorkState, updateWork] = useMutation(UpdateContractWorkMutation)
  const [acceptWorkState, acceptWork] = useMutation(AcceptContractWorkMutation)
  const [reopenWorkState, reopenWork] = useMutation(ReopenContractWorkMutation)
  const [deleteWorkState, deleteWork] = useMutation(DeleteContractWorkMutation)
  const states = [
    createStageState,
    updateStageState,
    acceptStageState,
    deleteStageState,
    createWorkState,
    updateWorkState,
    acceptWorkState,
    reopenWorkState,
    deleteWorkState,
  ]
  const busy = states.some((state) => state.fetching)
  const networkError = states.find((state) => state.error)?.error

  /** Shows the answer's errors; true when the change was made. */
  const done = (payload: Answer) => {
    if (!payload) return false
    setErrors(payload.userErrors)
    if (payload.userErrors.length > 0) return false
    setEditing(null)
    return true
  }
  const owners = (people.data?.users ?? []).map((user) => ({ value: user.id, label: user.name }))
  const acceptanceText = (acceptance: Acceptance) => (
    <p className="acceptance">
      {t('stages.acceptedBy', {
        name: acceptance.acceptedBy.name,
        when: formatDateTime(acceptance.acceptedAt, lang),
      })}
      {acceptance.note ? (
        <>
          <br />
          {t('stages.acceptedNote', { note: acceptance.note })}
        </>
      ) : null}
    </p>
  )

  return (
    <section className="card contract-stages" aria-labelledby="contract-stages-title">
      <div className="card-header">
        <h2 id="contract-stages-title">{t('stages.title')}</h2>
        {canPlan ? (
          <button type="button" className="button" onClick={() => setEditing({ kind: 'newStage' })}>
            {t('stages.add')}
          </button>
        ) : null}
      </div>
      {networkError ? <QueryError error={networkError} /> : null}
      <FormErrors errors={errors} title={t('stages.problems')}>
        <ReloadWhenStale errors={errors} onReload={onReload} />
      </FormErrors>
      {editing?.kind === 'newStage' ? (
        <NamedForm
          label={t('stages.name')}
          busy={busy}
          onCancel={() => setEditing(null)}
          onSubmit={async ({ name, deadline }) =>
            done(
              (
                await createStage({
                  input: { contractId: contract.id, name, deadline: deadline || null },
                })
              ).data?.createContractStage,
            )
          }
        />
      ) : null}
      {contract.stages.length === 0 ? <p className="muted">{t('stages.empty')}</p> : null}
      <ol className="stage-list">
        {contract.stages.map((stage, stageIndex) => {
          const openWorks = stage.works.filter((work) => !work.acceptance).length
          const stageTitle = t('stages.stageTitle', { position: stage.position, name: stage.name })
          return (
            <li key={stage.id} className="stage">
              <div className="stage-header">
                <h3>{stageTitle}</h3>
                {stage.deadline ? (
                  <span className="muted">
                    {t('field.deadline')}: {formatDate(stage.deadline, lang)}
                  </span>
                ) : null}
                {stage.acceptance ? (
                  <span className="badge contract-status-COMPLETED">{t('status.COMPLETED')}</span>
                ) : null}
              </div>
              {stage.acceptance ? acceptanceText(stage.acceptance) : null}
              {canPlan ? (
                <div className="row-actions">
                  <button
                    type="button"
                    className="button button-small"
                    onClick={() => setEditing({ kind: 'stage', stage })}
                  >
                    {t('stages.edit')}
                  </button>
                  <MoveButtons
                    name={stage.name}
                    busy={busy}
                    first={stageIndex === 0}
                    last={stageIndex === contract.stages.length - 1}
                    onMove={async (by) =>
                      done(
                        (
                          await updateStage({
                            input: {
                              id: stage.id,
                              expectedVersion: stage.version,
                              position: stage.position + by,
                            },
                          })
                        ).data?.updateContractStage,
                      )
                    }
                  />
                  {stage.acceptance ? null : (
                    <button
                      type="button"
                      className="button button-small button-primary"
                      disabled={busy || openWorks > 0 || stage.works.length === 0}
                      aria-describedby={`stage-accept-${stage.id}`}
                      onClick={() => setEditing({ kind: 'acceptStage', stage })}
                    >
                      {t('stages.accept')}
                    </button>
                  )}
                  {stage.works.length === 0 ? (
                    <button
                      type="button"
                      className="button button-small"
                      disabled={busy}
                      onClick={async () =>
                        done(
                          (
                            await deleteStage({
                              input: { id: stage.id, expectedVersion: stage.version },
                            })
                          ).data?.deleteContractStage,
                        )
                      }
                    >
                      {t('stages.delete')}
                    </button>
                  ) : null}
                  <button
                    type="button"
                    className="button button-small"
                    onClick={() => setEditing({ kind: 'newWork', stage })}
                  >
                    {t('stages.addWork')}
                  </button>
                </div>
              ) : null}
              {!stage.acceptance && canPlan ? (
                <p id={`stage-accept-${stage.id}`} className="muted">
                  {stage.works.length === 0
                    ? t('stages.noWorks')
                    : openWorks > 0
                      ? t('stages.openWorks', { count: openWorks })
                      : null}
                </p>
              ) : null}
              {editing?.kind === 'stage' && editing.stage.id === stage.id ? (
                <NamedForm
                  label={t('stages.name')}
                  initial={{ name: stage.name, deadline: stage.deadline ?? '' }}
                  busy={busy}
                  onCancel={() => setEditing(null)}
                  onSubmit={async ({ name, deadline }) =>
                    done(
                      (
                        await updateStage({
                          input: {
                            id: stage.id,
                            expectedVersion: stage.version,
                            ...(name !== stage.name ? { name } : {}),
                            ...(deadline !== (stage.deadline ?? '')
                              ? { deadline: deadline || null }
                              : {}),
                          },
                        })
                      ).data?.updateContractStage,
                    )
                  }
                />
              ) : null}
              {editing?.kind === 'acceptStage' && editing.stage.id === stage.id ? (
                <AcceptForm
                  title={t('stages.acceptTitle', { name: stage.name })}
                  busy={busy}
                  onCancel={() => setEditing(null)}
                  onSubmit={async (note) =>
                    done(
                      (
                        await acceptStage({
                          input: { id: stage.id, expectedVersion: stage.version, note },
                        })
                      ).data?.acceptContractStage,
                    )
                  }
                />
              ) : null}
              {editing?.kind === 'newWork' && editing.stage.id === stage.id ? (
                <NamedForm
                  label={t('stages.workName')}
                  owners={owners}
                  busy={busy}
                  onCancel={() => setEditing(null)}
                  onSubmit={async ({ name, deadline, ownerId }) =>
                    done(
                      (
                        await createWork({
                          input: {
                            stageId: stage.id,
                            name,
                            deadline: deadline || null,
                            ownerId: ownerId || null,
                          },
                        })
                      ).data?.createContractWork,
                    )
                  }
                />
              ) : null}
              {stage.works.length > 0 ? (
                <table className="table work-table">
                  <caption className="visually-hidden">
                    {t('stages.works')}: {stageTitle}
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('field.name')}</th>
                      <th scope="col">{t('field.deadline')}</th>
                      <th scope="col">{t('field.owner')}</th>
                      <th scope="col">{t('field.status')}</th>
                      <th scope="col">
                        <span className="visually-hidden">{t('stages.edit')}</span>
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {stage.works.map((work, workIndex) => (
                      <WorkRow
                        key={work.id}
                        work={work}
                        first={workIndex === 0}
                        last={workIndex === stage.works.length - 1}
                        stageAccepted={Boolean(stage.acceptance)}
                        canPlan={canPlan}
                        busy={busy}
                        editing={editing}
                        owners={owners}
                        acceptance={work.acceptance ? acceptanceText(work.acceptance) : null}
                        onEdit={setEditing}
                        onUpdate={async (input) =>
                          done(
                            (
                              await updateWork({
                                input: { id: work.id, expectedVersion: work.version, ...input },
                              })
                            ).data?.updateContractWork,
                          )
                        }
                        onAccept={async (note) =>
                          done(
                            (
                              await acceptWork({
                                input: { id: work.id, expectedVersion: work.version, note },
                              })
                            ).data?.acceptContractWork,
                          )
                        }
                        onReopen={async () =>
                          done(
                            (
                              await reopenWork({
                                input: { id: work.id, expectedVersion: work.version },
                              })
                            ).data?.reopenContractWork,
                          )
                        }
                        onDelete={async () =>
                          done(
                            (
                              await deleteWork({
                                input: { id: work.id, expectedVersion: work.version },
                              })
                            ).data?.deleteContractWork,
                          )
                        }
                      />
                    ))}
                  </tbody>
                </table>
              ) : null}
            </li>
          )
        })}
      </ol>
    </section>
  )
}

function WorkRow({
  work,
  first,
  last,
  stageAccepted,
  canPlan,
  busy,
  editing,
  owners,
  acceptance,
  onEdit,
  onUpdate,
  onAccept,
  onReopen,
  onDelete,
}: {
  work: Work
  first: boolean
  last: boolean
  stageAccepted: boolean
  canPlan: boolean
  busy: boolean
  editing: Editing
  owners: { value: string; label: string }[]
  acceptance: React.ReactNode
  onEdit: (editing: Editing) => void
  onUpdate: (input: {
    name?: string
    deadline?: string | null
    ownerId?: string | null
    position?: number
  }) => Promise<boolean>
  onAccept: (note: string | null) => Promise<boolean>
  onReopen: () => Promise<boolean>
  onDelete: () => Promise<boolean>
}) {
  const { t, i18n } = useTranslation('contracts')
  const lang = i18n.language
  return (
    <>
      <tr>
        <th scope="row">
          {work.name}
          <br />
          <span className="muted">{t('stages.tasks', { count: work.tasks.length })}</span>
        </th>
        <td>
          {work.deadline ? formatDate(work.deadline, lang) : '—'}
          {work.late ? (
            <>
              {' '}
              <span className="badge badge-late" title={t('stages.lateHint')}>
                {t('stages.late')}
              </span>
            </>
          ) : null}
        </td>
        <td>{work.owner?.name ?? t('stages.noOwner')}</td>
        <td>
          {work.acceptance ? acceptance : <span className="muted">{t('status.IN_PROGRESS')}</span>}
        </td>
        <td className="row-actions">
          {canPlan ? (
            <>
              <button
                type="button"
                className="button button-small"
                onClick={() => onEdit({ kind: 'work', work })}
              >
                {t('stages.edit')}
              </button>
              <MoveButtons
                name={work.name}
                busy={busy}
                first={first}
                last={last}
                onMove={(by) => onUpdate({ position: work.position + by })}
              />
              {work.acceptance ? (
                stageAccepted ? null : (
                  <button
                    type="button"
                    className="button button-small"
                    disabled={busy}
                    onClick={() => void onReopen()}
                  >
                    {t('stages.reopen')}
                  </button>
                )
              ) : (
                <button
                  type="button"
                  className="button button-small button-primary"
                  aria-label={t('stages.acceptTitle', { name: work.name })}
                  onClick={() => onEdit({ kind: 'acceptWork', work })}
                >
                  {t('stages.acceptWork')}
                </button>
              )}
              {work.tasks.length === 0 ? (
                <button
                  type="button"
                  className="button button-small"
                  disabled={busy}
                  onClick={() => void onDelete()}
                >
                  {t('stages.delete')}
                </button>
              ) : null}
            </>
          ) : null}
        </td>
      </tr>
      {editing?.kind === 'work' && editing.work.id === work.id ? (
        <tr>
          <td colSpan={5}>
            <NamedForm
              label={t('stages.workName')}
              initial={{
                name: work.name,
                deadline: work.deadline ?? '',
                ownerId: work.owner?.id ?? '',
              }}
              owners={owners}
              busy={busy}
              onCancel={() => onEdit(null)}
              onSubmit={({ name, deadline, ownerId }) =>
                onUpdate({
                  ...(name !== work.name ? { name } : {}),
                  ...(deadline !== (work.deadline ?? '') ? { deadline: deadline || null } : {}),
                  ...(ownerId !== (work.owner?.id ?? '') ? { ownerId: ownerId || null } : {}),
                })
              }
            />
          </td>
        </tr>
      ) : null}
      {editing?.kind === 'acceptWork' && editing.work.id === work.id ? (
        <tr>
          <td colSpan={5}>
            <AcceptForm
              title={t('stages.acceptTitle', { name: work.name })}
              busy={busy}
              onCancel={() => onEdit(null)}
              onSubmit={onAccept}
            />
          </td>
        </tr>
      ) : null}
    </>
  )
}

/** "Move up" and "Move down" of a stage or a work: one place up or down among its siblings. */
function MoveButtons({
  name,
  busy,
  first,
  last,
  onMove,
}: {
  name: string
  busy: boolean
  first: boolean
  last: boolean
  onMove: (by: -1 | 1) => Promise<boolean>
}) {
  const { t } = useTranslation('contracts')
  return (
    <>
      <button
        type="button"
        className="button button-small"
        disabled={busy || first}
        aria-label={t('stages.moveUpLabel', { name })}
        onClick={() => void onMove(-1)}
      >
        {t('stages.up')}
      </button>
      <button
        type="button"
        className="button button-small"
        disabled={busy || last}
        aria-label={t('stages.moveDownLabel', { name })}
        onClick={() => void onMove(1)}
      >
        {t('stages.down')}
      </button>
    </>
  )
}

type Named = { name: string; deadline: string; ownerId: string }

/** Name and deadline of a stage, and the owner of a work. */
function NamedForm({
  label,
  initial,
  owners,
  busy,
  onSubmit,
  onCancel,
}: {
  label: string
  initial?: Partial<Named>
  owners?: { value: string; label: string }[]
  busy: boolean
  onSubmit: (values: Named) => Promise<boolean>
  onCancel: () => void
}) {
  const { t } = useTranslation('contracts')
  const [values, setValues] = useState<Named>({ name: '', deadline: '', ownerId: '', ...initial })
  const [missing, setMissing] = useState(false)
  return (
    <form
      className="form inline-form"
      aria-label={label}
      noValidate
      onSubmit={(event) => {
        event.preventDefault()
        if (!values.name.trim()) {
          setMissing(true)
          return
        }
        void onSubmit({ ...values, name: values.name.trim() })
      }}
    >
      <TextField
        label={label}
        required
        maxLength={200}
        value={values.name}
        onChange={(name) => setValues((current) => ({ ...current, name }))}
        inputError={missing && !values.name.trim() ? t('create.required') : null}
      />
      <DateField
        label={t('stages.deadline')}
        value={values.deadline}
        onChange={(deadline) => setValues((current) => ({ ...current, deadline }))}
      />
      {owners ? (
        <SelectField
          label={t('stages.owner')}
          value={values.ownerId}
          onChange={(ownerId) => setValues((current) => ({ ...current, ownerId }))}
          emptyLabel={t('stages.noOwner')}
          options={owners}
        />
      ) : null}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {t('stages.save')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('stages.cancel')}
        </button>
      </div>
    </form>
  )
}

function AcceptForm({
  title,
  busy,
  onSubmit,
  onCancel,
}: {
  title: string
  busy: boolean
  onSubmit: (note: string | null) => Promise<boolean>
  onCancel: () => void
}) {
  const { t } = useTranslation('contracts')
  const [note, setNote] = useState('')
  return (
    <form
      className="form inline-form"
      aria-label={title}
      onSubmit={(event) => {
        event.preventDefault()
        void onSubmit(note.trim() || null)
      }}
    >
      <TextField
        label={t('stages.note')}
        multiline
        maxLength={2000}
        value={note}
        onChange={setNote}
      />
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {t('stages.acceptWork')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('stages.cancel')}
        </button>
      </div>
    </form>
  )
}
