// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// The ИМЦ's texts of the reports are found in the data folder first (data/reports/<year>.mdx), then in
// src/content/reports/: `@msoko-data` is the data folder the build reads (MSOKO_DATA_DIR or data/).
const root = fileURLToPath(new URL('.', import.meta.url));
const dataDir = resolve(root, process.env.MSOKO_DATA_DIR ?? 'data');

// The build script (scripts/build.ts) passes site, base and outDir from
// data/site.yaml and the SITE_URL / SITE_BASE environment variables.
export default defineConfig({
  integrations: [mdx()],
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'always' },
  compressHTML: true,
  devToolbar: { enabled: false },
  prefetch: false,
  vite: { logLevel: 'warn', resolve: { alias: { '@msoko-data': dataDir } } },
});
