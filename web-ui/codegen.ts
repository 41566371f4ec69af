import type { CodegenConfig } from '@graphql-codegen/cli'

// Reads the contract owned by ../schema and the `graphql(...)` documents written next to the
// components; writes typed documents to src/gql/ (generated, not committed).
const config: CodegenConfig = {
  schema: '../schema/**/*.graphqls',
  documents: ['src/**/*.{ts,tsx}', '!src/gql/**/*'],
  ignoreNoDocuments: false,
  generates: {
    './src/gql/': {
      preset: 'client',
      presetConfig: {
        fragmentMasking: { unmaskFunctionName: 'useFragment' },
        // persisted-documents.json (sha256 → document): the API's allow-list of the app's own
        // operations, copied to persisted-operations.json by `npm run persisted-operations`
        persistedDocuments: true,
      },
      config: {
        scalars: {
          DateTime: 'string',
          Date: 'string',
          Decimal: 'string',
          Long: 'number',
          JSON: 'unknown',
        },
        strictScalars: true,
        useTypeImports: true,
        enumType: 'const',
      },
    },
  },
}

export default config
