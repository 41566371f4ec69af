import { useRef, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { useMutation } from 'urql'
import { SelectField } from '../../../components/form-field'
import { QueryError } from '../../../components/status'
import { FormErrors } from '../../../components/user-error-list'
import { graphql, useFragment, type FragmentType } from '../../../gql'
import type { ContractDocumentKind } from '../../../gql/graphql'
import { saveDocument } from '../../../lib/documents'
import { formatDateTime } from '../../../lib/format'
import type { UserErrorLike } from '../../../lib/user-errors'
import { DeleteContractDocumentMutation } from '../api/contracts'
import {
  MAX_DOCUMENT_BYTES,
  checkDocumentFile,
  formatBytes,
  uploadContractDocument,
} from '../utils/documents'

const ContractDocumentsFields = graphql(`
  fragment ContractDocumentsFields on Contract {
    id
    documents {
      id
      kind
      fileName
      contentType
      sizeBytes
      url
      uploadedAt
      uploadedBy {
        id
        name
      }
    }
  }
`)

const KINDS: readonly ContractDocumentKind[] = ['TECHNICAL_SPECIFICATION', 'OTHER']

/**
 * The contract's documents: upload (checked for size and type before sending, the server's refusal
 * shown after), download with the bearer token, delete.
 */
export function ContractDocuments({
  contract: ref,
  canEdit,
  accessToken,
  onUploaded,
}: {
  contract: FragmentType<typeof ContractDocumentsFields>
  canEdit: boolean
  accessToken: string | undefined
  onUploaded: () => void
}) {
  const { t, i18n } = useTranslation('contracts')
  const lang = i18n.language
  const contract = useFragment(ContractDocumentsFields, ref)
  const [kind, setKind] = useState<ContractDocumentKind>('TECHNICAL_SPECIFICATION')
  const [file, setFile] = useState<File | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const [uploading, setUploading] = useState(false)
  const [errors, setErrors] = useState<readonly UserErrorLike[]>([])
  const [deleted, deleteDocument] = useMutation(DeleteContractDocumentMutation)
  const fileInput = useRef<HTMLInputElement>(null)
  const max = formatBytes(MAX_DOCUMENT_BYTES, lang)

  const choose = (chosen: File | null) => {
    setFile(chosen)
    const check = chosen ? checkDocumentFile(chosen) : null
    setProblem(check ? problemText(check) : null)
  }

  const problemText = (check: NonNullable<ReturnType<typeof checkDocumentFile>>) => {
    switch (check.problem) {
      case 'tooLarge':
        return t('documents.tooLarge', { size: formatBytes(check.size, lang), max })
      case 'badType':
        return t('documents.badType', { type: check.type })
      case 'empty':
        return t('documents.emptyFile')
    }
  }

  const upload = async (event: FormEvent) => {
    event.preventDefault()
    if (!file) {
      setProblem(t('documents.chooseFile'))
      return
    }
    const check = checkDocumentFile(file)
    if (check) {
      setProblem(problemText(check))
      return
    }
    setUploading(true)
    setProblem(null)
    const result = await uploadContractDocument(contract.id, file, kind, accessToken)
    setUploading(false)
    if (result.ok) {
      setFile(null)
      if (fileInput.current) fileInput.current.value = ''
      // the upload is not a GraphQL mutation: the page fetches the contract again
      onUploaded()
      return
    }
    setProblem(
      result.problem === 'tooLarge'
        ? t('documents.tooLarge', { size: formatBytes(file.size, lang), max })
        : result.problem === 'badType'
          ? t('documents.badType', { type: file.type || file.name })
          : result.message
            ? t('documents.refused', { message: result.message })
            : t('documents.failed'),
    )
  }

  const download = async (document: { url: string; fileName: string }) => {
    try {
      await saveDocument(document.url, accessToken, document.fileName)
    } catch {
      setProblem(t('documents.downloadFailed'))
    }
  }

  const remove = async (document: { id: string; fileName: string }) => {
    if (!window.confirm(t('documents.confirmDelete', { name: document.fileName }))) return
    const payload = (await deleteDocument({ input: { id: document.id } })).data
      ?.deleteContractDocument
    setErrors(payload?.userErrors ?? [])
  }

  return (
    <section className="card" aria-labelledby="contract-documents">
      <h2 id="contract-documents">{t('documents.title')}</h2>
      {deleted.error ? <QueryError error={deleted.error} /> : null}
      <FormErrors errors={errors} title={t('detail.problems')} />
      {contract.documents.length === 0 ? (
        <p className="muted">{t('documents.empty')}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('documents.file')}</th>
              <th scope="col">{t('documents.kind')}</th>
              <th scope="col">{t('documents.type')}</th>
              <th scope="col" className="number">
                {t('documents.size')}
              </th>
              <th scope="col">{t('documents.uploaded')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('documents.download')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {contract.documents.map((document) => (
              <tr key={document.id}>
                <th scope="row">{document.fileName}</th>
                <td>{t(`documentKind.${document.kind}`)}</td>
                <td>{document.contentType}</td>
                <td className="number">{formatBytes(document.sizeBytes, lang)}</td>
                <td>
                  {formatDateTime(document.uploadedAt, lang)} · {document.uploadedBy.name}
                </td>
                <td className="row-actions">
                  <button
                    type="button"
                    className="button button-small"
                    aria-label={t('documents.downloadLabel', { name: document.fileName })}
                    onClick={() => void download(document)}
                  >
                    {t('documents.download')}
                  </button>
                  {canEdit ? (
                    <button
                      type="button"
                      className="button button-small"
                      disabled={deleted.fetching}
                      aria-label={t('documents.deleteLabel', { name: document.fileName })}
                      onClick={() => void remove(document)}
                    >
                      {t('documents.delete')}
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {canEdit ? (
        <form className="document-upload" noValidate onSubmit={(event) => void upload(event)}>
          <div className="field">
            <label htmlFor="contract-document-file">{t('documents.file')}</label>
            <input
              ref={fileInput}
              id="contract-document-file"
              type="file"
              aria-describedby="contract-document-hint"
              aria-invalid={Boolean(problem)}
              onChange={(event) => choose(event.target.files?.[0] ?? null)}
            />
            <p id="contract-document-hint" className="field-hint">
              {t('documents.hint', { max })}
            </p>
          </div>
          <SelectField<ContractDocumentKind>
            label={t('documents.kind')}
            value={kind}
            onChange={(value) => setKind(value || 'OTHER')}
            options={KINDS.map((value) => ({ value, label: t(`documentKind.${value}`) }))}
          />
          <button type="submit" className="button" disabled={uploading}>
            {uploading ? t('documents.uploading') : t('documents.upload')}
          </button>
          {problem ? (
            <p role="alert" className="field-errors">
              {problem}
            </p>
          ) : null}
        </form>
      ) : null}
    </section>
  )
}
