import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'
import { compression } from 'vite-plugin-compression2'

// The Go server listens on :8080 in development; SUMMIT_API_URL points the proxy elsewhere.
const apiTarget = process.env.SUMMIT_API_URL ?? 'http://localhost:8080'

// https://vite.dev/config/
export default defineConfig({
  plugins: [
    react(),
    // Precompressed copies (.br, .gz) of the text assets, which the Go server sends to browsers
    // that accept them (handlers/spa.go) instead of compressing on every request.
    compression({
      algorithms: ['brotliCompress', 'gzip'],
      include: /\.(js|css|html|svg|json)$/,
      threshold: 1024,
      skipIfLargerOrEqual: true,
    }),
  ],
  build: {
    // frontend/embed.go embeds dist/spa; dist/README.txt stays because only dist/spa is emptied.
    outDir: 'dist/spa',
    emptyOutDir: true,
    rolldownOptions: {
      output: {
        // Pages are fetched when opened (src/app/router.tsx); what they share is split out automatically.
        // Two named chunks the browser can keep across deploys, as libraries change less often than our code:
        // `vendor`, the libraries the first load needs (React, the router, TanStack Query, i18next and the
        // Mantine components of the frame and sign-in; `$initial` keeps the rest of Mantine out of it), and
        // `echarts`, fetched with the first chart (a lazy import in the board and the Confidence tab).
        // scripts/check-bundle-size.mjs (run by `npm run build`) holds the first load to its budget.
        codeSplitting: {
          groups: [
            { name: 'vendor', test: /node_modules/, tags: ['$initial'], priority: 2 },
            { name: 'echarts', test: /node_modules[\\/](echarts|echarts-for-react|zrender|size-sensor)[\\/]/, priority: 1 },
          ],
        },
      },
    },
  },
  server: {
    proxy: {
      '/api': apiTarget,
      '/readyz': apiTarget,
      '/healthz': apiTarget,
    },
  },
})
