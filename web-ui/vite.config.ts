import react from '@vitejs/plugin-react'
import type { ProxyOptions } from 'vite'
import { defineConfig } from 'vitest/config'

// The API (Spring for GraphQL) listens on 8080. The proxy must keep the browser's Host header
// (changeOrigin: false): with the shorthand form Vite rewrites it and the API refuses the POST
// because Origin no longer matches Host.
const apiUrl = process.env.DEALERDESK_API_URL ?? 'http://localhost:8080'

// '/graphql-ws' comes first: Vite matches proxy keys as prefixes in insertion order, and
// '/graphql' is a prefix of '/graphql-ws'.
const proxy: Record<string, ProxyOptions> = {
  '/graphql-ws': {
    target: apiUrl.replace(/^http/, 'ws'),
    ws: true,
    changeOrigin: false,
  },
  '/graphql': {
    target: apiUrl,
    changeOrigin: false,
  },
  // printable documents (quotes as PDF/HTML); fetched with the bearer token
  '/documents': {
    target: apiUrl,
    changeOrigin: false,
  },
  // a contract's documents: uploaded to /contracts/{id}/documents (the page itself is the app's
  // /contracts/{id}, so only that exact path goes to the API), downloaded from /contract-documents
  '^/contracts/[^/]+/documents$': {
    target: apiUrl,
    changeOrigin: false,
  },
  '/contract-documents': {
    target: apiUrl,
    changeOrigin: false,
  },
  // a customer's statement as PDF (fetched with the bearer token); the page itself is the app's
  '^/customers/[^/]+/statement\\.pdf': {
    target: apiUrl,
    changeOrigin: false,
  },
  // the public key that verifies license files (no sign-in)
  '/license-signing-key.pem': {
    target: apiUrl,
    changeOrigin: false,
  },
}

export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    strictPort: true,
    proxy,
  },
  build: {
    rolldownOptions: {
      output: {
        // Libraries change less often than the app: separate files, cached across releases. Only
        // what every page needs is grouped; the rest (recharts, dnd-kit…) stays with the lazily
        // loaded page that imports it (router.tsx), out of the first load.
        codeSplitting: {
          groups: [
            {
              name: 'react',
              test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/,
              priority: 2,
            },
            {
              name: 'vendor',
              test: /node_modules[\\/](react-router|urql|@urql|wonka|graphql|graphql-ws|i18next|react-i18next|oidc-client-ts|jwt-decode)[\\/]/,
              priority: 1,
            },
          ],
        },
      },
    },
  },
  preview: {
    port: 5173,
    strictPort: true,
    proxy,
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}', 'scripts/**/*.test.mjs'],
    // the schema contract's test: the inspector must see the same `graphql` module as the script
    // (Node would load graphql's CommonJS build for it, Vite the ES module one for the script)
    server: { deps: { inline: ['@graphql-inspector/core'] } },
    setupFiles: ['./src/testing/setup.ts'],
    restoreMocks: true,
    // form tests type and wait for the DOM; on a busy runner 5 s is not enough for the slowest
    testTimeout: 15_000,
  },
})
