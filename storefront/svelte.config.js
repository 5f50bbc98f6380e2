import adapter from '@sveltejs/adapter-node'

/** @type {import('@sveltejs/kit').Config} */
export default {
  kit: {
    // Mounted inside the platform's Express server (cms/server/main.ts) as a handler.
    adapter: adapter({ out: 'build' }),
    // $documents: the platform's document types, generated from its configuration (`npm run types`, docs/types.md).
    // Import them with `import type` only: types leave no code, so the core never enters the site's bundle.
    alias: { $documents: '../cms/src/payload-types.ts' },
    // Fonts only from the site itself (the brand kit's fonts are served at /fonts/), whatever default-src becomes.
    csp: { mode: 'auto', directives: { 'default-src': ['self'], 'img-src': ['self', 'data:'], 'style-src': ['self', 'unsafe-inline'], 'font-src': ['self'] } },
  },
}
