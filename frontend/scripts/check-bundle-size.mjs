// The first load's size budget (issue 12): the JavaScript that dist/spa/index.html makes the browser
// fetch before anything shows (its module scripts and modulepreload links) must stay under
// BUDGET_KB gzipped. Pages load their own code when opened (src/app/router.tsx); this fails the
// build when something heavy slips back into the first load. Prints raw, gzip and brotli sizes
// of every first-load file (the style sheet too, for the record; only JavaScript counts).
//
// Usage: node scripts/check-bundle-size.mjs [DIST]   (DIST defaults to dist/spa)
// With a build that wrote Vite's manifest (`npx vite build --manifest --outDir /tmp/spa`, outside
// dist/ so it is never embedded), it also prints what each page or tab fetches when opened.
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'

const BUDGET_KB = 300
const kb = (bytes) => (bytes / 1000).toFixed(1)
const dist = process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'spa')

const html = readFileSync(join(dist, 'index.html'), 'utf8')
const scripts = [...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1])
const preloads = [...html.matchAll(/<link\b[^>]*\brel="modulepreload"[^>]*\bhref="([^"]+)"/g)].map((m) => m[1])
const styles = [...html.matchAll(/<link\b[^>]*\brel="stylesheet"[^>]*\bhref="([^"]+)"/g)].map((m) => m[1])
if (scripts.length === 0) {
  console.error(`check-bundle-size: no <script src> in ${join(dist, 'index.html')}`)
  process.exit(1)
}

// The same compression as the .gz / .br copies the server sends (vite-plugin-compression2's defaults).
function measure(href) {
  const body = readFileSync(join(dist, href.replace(/^\//, '')))
  return {
    href,
    raw: body.length,
    gzip: gzipSync(body, { level: 9 }).length,
    brotli: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  }
}

const js = [...new Set([...scripts, ...preloads])].map(measure)
const css = [...new Set(styles)].map(measure)
const sum = (files, key) => files.reduce((total, file) => total + file[key], 0)
const row = (f) => `  ${f.href.padEnd(44)} ${kb(f.raw).padStart(8)} KB raw ${kb(f.gzip).padStart(7)} KB gzip ${kb(f.brotli).padStart(7)} KB brotli`
console.log(`First load (${join(dist, 'index.html')}):`)
for (const file of [...js, ...css]) console.log(row(file))
const total = { gzip: sum(js, 'gzip'), raw: sum(js, 'raw'), brotli: sum(js, 'brotli') }
console.log(
  `JavaScript: ${js.length} files, ${kb(total.raw)} KB raw, ${kb(total.gzip)} KB gzip, ${kb(total.brotli)} KB brotli (budget ${BUDGET_KB} KB gzip)`,
)

// What opening each lazily loaded page or tab adds: its chunk and the chunks it imports, less the first load.
const manifestPath = join(dist, '.vite', 'manifest.json')
if (existsSync(manifestPath)) {
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'))
  const loaded = new Set(js.map((file) => file.href.replace(/^\//, '')))
  const closure = (key, files = new Set()) => {
    const chunk = manifest[key]
    if (!files.has(chunk.file)) {
      files.add(chunk.file)
      for (const imported of chunk.imports ?? []) closure(imported, files)
    }
    return files
  }
  console.log('Fetched when opened (a dynamic import and the chunks it needs beyond the first load):')
  const rows = Object.entries(manifest)
    .filter(([, chunk]) => chunk.isDynamicEntry)
    .map(([key]) => {
      const files = [...closure(key)].filter((file) => !loaded.has(file)).map((file) => measure(`/${file}`))
      return { key, count: files.length, raw: sum(files, 'raw'), gzip: sum(files, 'gzip'), brotli: sum(files, 'brotli') }
    })
    .sort((a, b) => b.gzip - a.gzip)
  for (const r of rows) {
    console.log(`  ${r.key.padEnd(62)} ${String(r.count).padStart(2)} files ${kb(r.raw).padStart(7)} KB raw ${kb(r.gzip).padStart(6)} KB gzip ${kb(r.brotli).padStart(6)} KB brotli`)
  }
}

if (total.gzip > BUDGET_KB * 1000) {
  console.error(
    `check-bundle-size: the first load's JavaScript is ${kb(total.gzip)} KB gzipped, over the ${BUDGET_KB} KB budget. ` +
      'Load the page or library that grew it with a dynamic import (src/app/router.tsx), not from the first load.',
  )
  process.exit(1)
}
