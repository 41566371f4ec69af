import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { useMutation, useQuery } from 'urql'
import { FormField, TextField } from '../../../components/form-field'
import { EmptyState, Loading, QueryError } from '../../../components/status'
import { FormErrors } from '../../../components/user-error-list'
import { mapUserErrors, type UserErrorLike } from '../../../lib/user-errors'
import {
  AddLostReasonMutation,
  LostReasonSettingsQuery,
  PipelineSettingsQuery,
  SavePipelineMutation,
} from '../api/pipelines'
import { LostReasonNamesForm } from './lost-reason-names'
import {
  NAME_LANGUAGES,
  moveStage,
  namesOf,
  pipelineFieldKeys,
  toNamesInput,
  type Names,
  toSavePipelineInput,
  validatePipeline,
  type PipelineFormValues,
  type StageRow,
} from '../utils/pipeline-form'
import '../sales.css'

const REFRESH_ON_PIPELINES = { additionalTypenames: ['Pipeline', 'Stage'] }
const REFRESH_ON_REASONS = { additionalTypenames: ['LostReason'] }

let newKey = 0

/** /settings/sales (admins): the default pipeline's stages and the lost reasons. */
export function PipelineSettings() {
  const { t } = useTranslation('sales')
  return (
    <section className="page" aria-labelledby="sales-settings-title">
      <header className="page-header">
        <h1 id="sales-settings-title">{t('settings.title')}</h1>
      </header>
      <PipelineEditorLoader />
      <LostReasonsSection />
    </section>
  )
}

function PipelineEditorLoader() {
  const { t } = useTranslation('sales')
  const [result, reexecute] = useQuery({
    query: PipelineSettingsQuery,
    context: REFRESH_ON_PIPELINES,
  })
  // kept here: a successful save changes the version, which starts the editor afresh
  const [saved, setSaved] = useState(false)
  const reload = () => reexecute({ requestPolicy: 'network-only' })
  if (result.fetching && !result.data) return <Loading />
  if (result.error && !result.data) {
    return <QueryError error={result.error} title={t('board.loadError')} onRetry={reload} />
  }
  const pipelines = result.data?.pipelines ?? []
  const pipeline = pipelines.find((p) => p.isDefault) ?? pipelines[0]
  if (!pipeline) return <EmptyState title={t('board.noPipeline')} />
  const values: PipelineFormValues = {
    id: pipeline.id,
    version: pipeline.version,
    name: pipeline.defaultName,
    names: namesOf(pipeline.names),
    requiresLostReason: pipeline.requiresLostReason,
    stages: [...pipeline.stages]
      .sort((a, b) => a.position - b.position)
      .map((stage) => ({
        key: stage.id,
        id: stage.id,
        name: stage.defaultName,
        names: namesOf(stage.names),
        probability: String(stage.probability),
        closesAsWon: stage.closesAsWon,
      })),
  }
  // a new version (saved here or reloaded) starts the editor afresh
  return (
    <PipelineEditor
      key={`${pipeline.id}@${pipeline.version}`}
      initial={values}
      onReload={reload}
      saved={saved}
      setSaved={setSaved}
    />
  )
}

function PipelineEditor({
  initial,
  onReload,
  saved,
  setSaved,
}: {
  initial: PipelineFormValues
  onReload: () => void
  saved: boolean
  setSaved: (saved: boolean) => void
}) {
  const { t } = useTranslation('sales')
  const [values, setValues] = useState(initial)
  const [errors, setErrors] = useState<readonly UserErrorLike[]>([])
  const [result, save] = useMutation(SavePipelineMutation)
  // a version or a removed stage concerns the whole pipeline: always on top, with "Reload"
  const onTop = (e: UserErrorLike) => e.code === 'STALE_VERSION' || e.code === 'CONFLICT'
  const mapped = mapUserErrors(
    errors.filter((e) => !onTop(e)),
    pipelineFieldKeys(values.stages.length),
  )
  mapped.general.unshift(...errors.filter(onTop))
  const needsReload = errors.some((e) => e.code === 'STALE_VERSION' || e.code === 'CONFLICT')

  const setStages = (stages: StageRow[]) => {
    setValues((v) => ({ ...v, stages }))
    setSaved(false)
  }
  const updateStage = (index: number, patch: Partial<StageRow>) =>
    setStages(values.stages.map((s, i) => (i === index ? { ...s, ...patch } : s)))

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault()
    setSaved(false)
    const invalid = validatePipeline(values)
    setErrors(invalid)
    if (invalid.length > 0) return
    const response = await save(
      { input: toSavePipelineInput(values) },
      { additionalTypenames: ['Pipeline', 'Stage'] },
    )
    const payload = response.data?.savePipeline
    if (!payload) {
      setErrors([])
      return
    }
    setErrors(payload.userErrors)
    if (payload.userErrors.length === 0) setSaved(true)
  }

  return (
    <form className="card" aria-labelledby="pipeline-settings-title" onSubmit={onSubmit} noValidate>
      <h2 id="pipeline-settings-title">
        {t('settings.pipelineTitle', { name: values.name, version: values.version })}
      </h2>
      <FormErrors errors={mapped.general} title={t('settings.problems')}>
        {needsReload ? (
          <button type="button" className="button" onClick={onReload}>
            {t('settings.reload')}
          </button>
        ) : null}
      </FormErrors>
      {result.error ? <QueryError error={result.error} /> : null}
      {saved ? (
        <p role="status" className="alert alert-info">
          {t('settings.saved')}
        </p>
      ) : null}
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t('settings.stageName')}</th>
            <th scope="col">{t('settings.probability')}</th>
            <th scope="col">{t('settings.closesAsWon')}</th>
            <th scope="col">{t('settings.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {values.stages.map((stage, index) => {
            const label = stage.name || t('settings.newStage')
            const rowErrors = mapped.byField[`stages.${index}`]
            return (
              <tr key={stage.key}>
                <td>
                  <TextField
                    label={t('settings.stageNameOf', { position: index + 1 })}
                    value={stage.name}
                    onChange={(name) => updateStage(index, { name })}
                    errors={[
                      ...(rowErrors ?? []),
                      ...(mapped.byField[`stages.${index}.name`] ?? []),
                    ]}
                    required
                  />
                  {NAME_LANGUAGES.map((language) => (
                    <TextField
                      key={language}
                      label={t(`settings.stageNameIn.${language}`, { position: index + 1 })}
                      value={stage.names[language] ?? ''}
                      onChange={(name) =>
                        updateStage(index, { names: { ...stage.names, [language]: name } })
                      }
                    />
                  ))}
                </td>
                <td>
                  <FormField
                    label={t('settings.probabilityOf', { name: label })}
                    errors={mapped.byField[`stages.${index}.probability`]}
                  >
                    {(control) => (
                      <input
                        {...control}
                        type="number"
                        min={0}
                        max={100}
                        step={1}
                        value={stage.probability}
                        onChange={(e) => updateStage(index, { probability: e.target.value })}
                      />
                    )}
                  </FormField>
                </td>
                <td>
                  <FormField
                    label={t('settings.closesAsWonOf', { name: label })}
                    errors={mapped.byField[`stages.${index}.closesAsWon`]}
                  >
                    {(control) => (
                      <input
                        {...control}
                        type="checkbox"
                        checked={stage.closesAsWon}
                        onChange={(e) => updateStage(index, { closesAsWon: e.target.checked })}
                      />
                    )}
                  </FormField>
                </td>
                <td>
                  <button
                    type="button"
                    className="button"
                    disabled={index === 0}
                    aria-label={t('settings.moveUp', { name: label })}
                    onClick={() => setStages(moveStage(values.stages, index, -1))}
                  >
                    ↑
                  </button>{' '}
                  <button
                    type="button"
                    className="button"
                    disabled={index === values.stages.length - 1}
                    aria-label={t('settings.moveDown', { name: label })}
                    onClick={() => setStages(moveStage(values.stages, index, 1))}
                  >
                    ↓
                  </button>{' '}
                  <button
                    type="button"
                    className="button"
                    aria-label={t('settings.remove', { name: label })}
                    onClick={() => setStages(values.stages.filter((_, i) => i !== index))}
                  >
                    {t('settings.removeShort')}
                  </button>
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
      <p>
        <button
          type="button"
          className="button"
          onClick={() =>
            setStages([
              ...values.stages,
              {
                key: `new-${++newKey}`,
                name: '',
                names: {},
                probability: '0',
                closesAsWon: false,
              },
            ])
          }
        >
          {t('settings.addStage')}
        </button>
      </p>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={values.requiresLostReason}
          onChange={(e) => {
            setValues((v) => ({ ...v, requiresLostReason: e.target.checked }))
            setSaved(false)
          }}
        />
        {t('settings.requiresLostReason')}
      </label>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={result.fetching}>
          {t('settings.save')}
        </button>
      </div>
    </form>
  )
}

function LostReasonsSection() {
  const { t } = useTranslation('sales')
  const [reasons, reexecute] = useQuery({
    query: LostReasonSettingsQuery,
    context: REFRESH_ON_REASONS,
  })
  const [result, add] = useMutation(AddLostReasonMutation)
  // the reason whose names are being edited, and the one whose names were just saved
  const [renaming, setRenaming] = useState<string | null>(null)
  const [renamed, setRenamed] = useState<string | null>(null)
  const reload = () => reexecute({ requestPolicy: 'network-only' })
  const [name, setName] = useState('')
  const [names, setNames] = useState<Names>({})
  const [errors, setErrors] = useState<readonly UserErrorLike[]>([])
  const mapped = mapUserErrors(errors, ['name', 'names'])

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault()
    const response = await add(
      { input: { name: name.trim(), names: toNamesInput(names) } },
      REFRESH_ON_REASONS,
    )
    const payload = response.data?.addLostReason
    if (!payload) {
      setErrors([])
      return
    }
    setErrors(payload.userErrors)
    if (payload.userErrors.length === 0) {
      setName('')
      setNames({})
      reload()
    }
  }

  return (
    <section className="card" aria-labelledby="lost-reasons-title">
      <h2 id="lost-reasons-title">{t('settings.lostReasons')}</h2>
      {renamed ? (
        <p role="status" className="alert alert-info">
          {t('settings.reasonNamesSaved', { name: renamed })}
        </p>
      ) : null}
      {reasons.fetching && !reasons.data ? <Loading /> : null}
      {reasons.error && !reasons.data ? <QueryError error={reasons.error} /> : null}
      {reasons.data ? (
        reasons.data.lostReasons.length === 0 ? (
          <p>{t('settings.noLostReasons')}</p>
        ) : (
          <ul className="lost-reasons">
            {reasons.data.lostReasons.map((reason) => (
              <li key={reason.id}>
                <span>{reason.name}</span>
                {reason.name !== reason.defaultName ? (
                  <span className="muted"> ({reason.defaultName})</span>
                ) : null}{' '}
                {renaming === reason.id ? null : (
                  <button
                    type="button"
                    className="button button-small"
                    aria-label={t('settings.renameReason', { name: reason.name })}
                    onClick={() => {
                      setRenaming(reason.id)
                      setRenamed(null)
                    }}
                  >
                    {t('settings.rename')}
                  </button>
                )}
                {renaming === reason.id ? (
                  <LostReasonNamesForm
                    // a reloaded reason starts the form afresh from its saved names
                    key={`${reason.id}@${reason.version}`}
                    reason={reason}
                    onSaved={() => {
                      setRenaming(null)
                      setRenamed(reason.defaultName)
                      reload()
                    }}
                    onCancel={() => setRenaming(null)}
                    onReload={reload}
                  />
                ) : null}
              </li>
            ))}
          </ul>
        )
      ) : null}
      <form onSubmit={onSubmit} noValidate>
        {result.error ? <QueryError error={result.error} /> : null}
        <FormErrors errors={mapped.general} title={t('settings.reasonProblems')} />
        <TextField
          label={t('settings.reasonName')}
          value={name}
          onChange={setName}
          errors={mapped.byField.name}
          required
        />
        {NAME_LANGUAGES.map((language) => (
          <TextField
            key={language}
            label={t(`settings.reasonNameIn.${language}`)}
            value={names[language] ?? ''}
            onChange={(value) => setNames((previous) => ({ ...previous, [language]: value }))}
            errors={language === NAME_LANGUAGES[0] ? mapped.byField.names : undefined}
          />
        ))}
        <button type="submit" className="button" disabled={result.fetching || !name.trim()}>
          {t('settings.addReason')}
        </button>
      </form>
    </section>
  )
}
