// Fails when the JavaScript of the first load grows past the budget (gzipped).
//
// The first load is what dist/index.html asks for: its module script and modulepreloads, and
// every chunk those import statically, transitively. Chunks reached only through import()
// (the lazily loaded pages, router.tsx) are not counted. Run after `npm run build`:
//   node scripts/check-bundle-size.mjs [dist-dir]
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, posix } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'

/** The budget in kB (1 kB = 1000 bytes, as Vite reports sizes). */
const BUDGET_KB = 300

const dist = process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), '..', 'dist')
const indexHtml = join(dist, 'index.html')
if (!existsSync(indexHtml)) {
  console.error(`check-bundle-size: ${indexHtml} is missing; run \`npm run build\` first`)
  process.exit(2)
}

const html = readFileSync(indexHtml, 'utf8')
const attribute = (tag, name) => new RegExp(`\\b${name}="([^"]+)"`).exec(tag)?.[1]
const initial = [...html.matchAll(/<(script|link)\b[^>]*>/g)]
  .map(([tag]) => {
    if (tag.startsWith('<script') && attribute(tag, 'type') === 'module')
      return attribute(tag, 'src')
    if (tag.startsWith('<link') && attribute(tag, 'rel') === 'modulepreload')
      return attribute(tag, 'href')
    return undefined
  })
  .filter((src) => src && src.endsWith('.js'))
  .map((src) => src.replace(/^\//, ''))

// static imports in minified output: `import{a as b}from"./x.js"`, `export{c}from"./x.js"`,
// `import"./x.js"`; a dynamic `import("./x.js")` has a parenthesis and does not match
const STATIC_IMPORT = /(?:\bfrom\s*|\bimport\s*)["'](\.{1,2}\/[^"']+\.js)["']/g

const seen = new Map()
const visit = (file) => {
  if (seen.has(file)) return
  const code = readFileSync(join(dist, file))
  seen.set(file, { raw: code.length, gzip: gzipSync(code).length })
  for (const [, specifier] of code.toString('utf8').matchAll(STATIC_IMPORT)) {
    visit(posix.normalize(posix.join(posix.dirname(file), specifier)))
  }
}
initial.forEach(visit)

const kb = (bytes) => (bytes / 1000).toFixed(2).padStart(9)
let total = 0
for (const [file, size] of [...seen].sort((a, b) => b[1].gzip - a[1].gzip)) {
  total += size.gzip
  console.log(`${kb(size.raw)} kB  ${kb(size.gzip)} kB gzip  ${file}`)
}
console.log(
  `first load: ${seen.size} JavaScript files, ${(total / 1000).toFixed(2)} kB gzipped (budget ${BUDGET_KB} kB)`,
)
if (total > BUDGET_KB * 1000) {
  console.error(
    `check-bundle-size: the first load is over budget by ${((total - BUDGET_KB * 1000) / 1000).toFixed(2)} kB:` +
      ' load the new code lazily (router.tsx) or keep it out of the entry chunk',
  )
  process.exit(1)
}
