import type { CodegenConfig } from '@graphql-codegen/cli';

/** Typed documents from the committed schema file (never from a running server). */
const config: CodegenConfig = {
  schema: '../server/schema.gql',
  documents: ['src/**/*.graphql'],
  ignoreNoDocuments: false,
  generates: {
    'src/api/': {
      preset: 'client',
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { DateTime: 'string', ID: 'string' },
      },
      presetConfig: { fragmentMasking: false },
    },
  },
};

export default config;
