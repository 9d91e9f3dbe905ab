// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';

// The build script (scripts/build.ts) passes site, base and outDir from
// data/site.yaml and the SITE_URL / SITE_BASE environment variables.
export default defineConfig({
  integrations: [mdx()],
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'always' },
  compressHTML: true,
  devToolbar: { enabled: false },
  prefetch: false,
  vite: { logLevel: 'warn' },
});
