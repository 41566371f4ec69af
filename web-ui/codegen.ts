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
