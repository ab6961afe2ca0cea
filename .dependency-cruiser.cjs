// The module rules of docs/architecture.md, checked by `npm test` (npm run lint:deps). A wrong import fails the build.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'platform-knows-no-module',
      comment: 'src/platform is the kernel: it imports no module (modules plug in through src/platform/module.ts).',
      severity: 'error',
      from: { path: '^src/platform/' },
      to: { path: '^src/modules/' },
    },
    {
      name: 'modules-meet-through-their-index',
      comment: "A module reaches another only through that module's index.ts (its functions) or its pure domain/.",
      severity: 'error',
      from: { path: '^src/modules/([^/]+)/' },
      to: { path: '^src/modules/[^/]+/', pathNot: ['^src/modules/$1/', '^src/modules/[^/]+/index\\.ts$', '^src/modules/[^/]+/domain/'] },
    },
    {
      name: 'domain-is-pure',
      comment: 'A domain/ folder holds rules: no database, HTTP, jobs, file system or network.',
      severity: 'error',
      from: { path: '^src/modules/[^/]+/domain/', pathNot: '\\.test\\.ts$' },
      to: { path: ['^src/platform/(db|http|jobs|audit)/', '^src/modules/[^/]+/(?!domain/)', 'node_modules/(fastify|pg|@electric-sql)', '^(node:)?(fs|net|http|https|child_process|worker_threads)$'] },
    },
    {
      name: 'console-reads-contracts-only',
      comment: "The console imports the server's pure contracts (schemas, domain, event types), never its adapters.",
      severity: 'error',
      from: { path: '^web/src/' },
      to: {
        path: '^src/',
        pathNot: [
          '^src/platform/(errors|roles|masking|shanghai-time)\\.ts$',
          '^src/platform/events/order(-events)?\\.ts$',
          '^src/platform/http/schemas\\.ts$',
          '^src/modules/[^/]+/(domain/|schemas\\.ts$)',
        ],
      },
    },
    {
      name: 'no-module-cycles',
      comment: 'Modules depend on each other in one direction (org ← auth ← tickets ← deadlines, intake, portal, …).',
      severity: 'error',
      from: { path: '^src/modules/([^/]+)/' },
      to: { circular: true, path: '^src/modules/(?!$1/)' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: ['node_modules', 'web/dist'] },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.mjs', '.js', '.json'] },
  },
};
