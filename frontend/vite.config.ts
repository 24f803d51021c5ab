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
        // Libraries change less often than our code, so they get chunks the browser can keep cached.
        codeSplitting: {
          groups: [
            { name: 'mantine', test: /node_modules[\\/]@mantine/ },
            // Charts load with the Confidence tab that draws them (a lazy import), not with the app.
            { name: 'echarts', test: /node_modules[\\/](echarts|echarts-for-react|zrender|size-sensor|tslib)[\\/]/ },
            { name: 'vendor', test: /node_modules/ },
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
