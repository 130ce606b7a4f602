// The layer and cycle rules of docs/architecture.md, checked by `npm run lint:deps` (part of `npm test`).
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    { name: 'no-cycles', severity: 'error', comment: 'Modules must not import each other, directly or around a circle.', from: {}, to: { circular: true } },
    {
      name: 'no-folder-cycles',
      severity: 'error',
      scope: 'folder',
      comment: 'Feature folders must not depend on each other around a circle either (e.g. http ↔ access).',
      from: { path: '^(core|server|firmware-bridge|schemas|web)/' },
      to: { circular: true },
    },
    {
      name: 'schemas-stand-alone',
      severity: 'error',
      comment: 'schemas/ holds Zod schemas and types only; everything imports it, it imports no project code.',
      from: { path: '^schemas/' },
      to: { path: '^(core|server|firmware-bridge|web)/' },
    },
    {
      name: 'core-below-processes',
      severity: 'error',
      comment: 'core/ is shared by the API and the bridge; it imports neither of them, nor the web app.',
      from: { path: '^core/' },
      to: { path: '^(server|firmware-bridge|web)/' },
    },
    {
      name: 'bridge-not-into-server',
      severity: 'error',
      comment: 'The bridge is the MQTT side only: it uses core/ and schemas/, never the HTTP server.',
      from: { path: '^firmware-bridge/' },
      to: { path: '^(server|web)/' },
    },
    {
      name: 'server-not-into-bridge',
      severity: 'error',
      comment: 'Only the entry point that starts the embedded broker and bridge imports firmware-bridge/.',
      from: { path: '^server/', pathNot: '^server/src/main\\.ts$' },
      to: { path: '^firmware-bridge/' },
    },
    {
      name: 'simulator-only-schemas',
      severity: 'error',
      comment: 'The chair simulator plays a chair: it knows the MQTT contract (schemas/) and nothing of ours.',
      from: { path: '^firmware-bridge/src/simulator/' },
      to: { path: '^(core|server|web)/|^firmware-bridge/(?!src/simulator/)' },
    },
    {
      name: 'web-only-schemas',
      severity: 'error',
      comment: 'The browser app shares only schemas/ with the processes.',
      from: { path: '^web/' },
      to: { path: '^(core|server|firmware-bridge)/' },
    },
    {
      name: 'domain-not-into-http',
      severity: 'error',
      comment: 'Services and access rules are HTTP-free: the Actor type and scopes live in access/.',
      from: { path: '^(core/|server/src/(?!http/|app\\.ts|main\\.ts)[^/]+/.*\\.(service|view)\\.ts$|server/src/access/)' },
      to: { path: '^server/src/http/' },
    },
    {
      name: 'runtime-not-to-dev-dep',
      severity: 'error',
      comment: 'The production image installs only dependencies (Dockerfile: npm prune --omit=dev): code the API or the bridge runs must not need a devDependency.',
      from: { path: '^(core|schemas|server/src|firmware-bridge/src)/' },
      to: { dependencyTypes: ['npm-dev'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|dist)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js'] },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
