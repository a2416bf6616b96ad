/**
 * Dependency rules of the Conclave workspace, checked by dependency-cruiser
 * (https://github.com/sverweij/dependency-cruiser). `pnpm test` runs them
 * (test/dependency-rules.test.ts); by hand, from the repository root:
 *
 *   pnpm exec depcruise --config .dependency-cruiser.cjs packages examples test bench
 *
 * The rules (ARCHITECTURE.md, "Packages and what each owns"; STYLE.md, "Compiler and lint"):
 * - no import cycle in any package's src/, type-only imports included;
 * - nothing imports another package's src/ internals: only the files its package.json
 *   `exports` map names, and only by package name (a relative path into another package
 *   would bypass both the map and the declared dependency);
 * - proto, secagg and dp are portable: a `node:` (or bare built-in) module may be imported only
 *   by files that package.json selects with a `node` condition (`imports`/`exports` maps), and
 *   other files reach those only through the `#subpath` import, never by a relative path;
 * - dependencies point one way (secagg, dp and proto use nothing of ours; server and
 *   client-sdk do not use each other), and every package a file imports is declared in its
 *   package.json (workspace packages included); src/ imports no devDependency.
 *
 * The rules are computed from the workspace's package.json files, so `buildConfig(root)` (a
 * non-enumerable export) also checks a small fixture tree in the test.
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');

/** Workspace package directories, as pnpm-workspace.yaml lists them. */
const WORKSPACE_GLOBS = ['packages/*', 'examples/*', 'test', 'bench'];
/** Packages that must run anywhere: Node-only code is chosen by a `node` condition. */
const PORTABLE_PACKAGES = ['proto', 'secagg', 'dp'];
/** Library packages nothing of ours may depend on, except examples, tests and benches. */
const APPLICATION_PACKAGES = ['server', 'client-sdk'];

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function readJson(file) {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

/** Every workspace package: its directory (relative, posix) and its package.json. */
function workspacePackages(root) {
  const dirs = [];
  for (const glob of WORKSPACE_GLOBS) {
    if (glob.endsWith('/*')) {
      const parent = glob.slice(0, -2);
      if (!fs.existsSync(path.join(root, parent))) continue;
      for (const name of fs.readdirSync(path.join(root, parent)).sort()) dirs.push(`${parent}/${name}`);
    } else {
      dirs.push(glob);
    }
  }
  return dirs
    .filter((dir) => fs.existsSync(path.join(root, dir, 'package.json')))
    .map((dir) => ({ dir, manifest: readJson(path.join(root, dir, 'package.json')) }));
}

/** The file targets of an `exports`/`imports` map, with the conditions that lead to each. */
function mapTargets(map, conditions = []) {
  if (typeof map === 'string') return [{ target: map, conditions }];
  if (Array.isArray(map)) return map.flatMap((m) => mapTargets(m, conditions));
  if (map === null || typeof map !== 'object') return [];
  return Object.entries(map).flatMap(([key, value]) =>
    mapTargets(value, key.startsWith('.') || key.startsWith('#') ? conditions : [...conditions, key]),
  );
}

function sourceFile(dir, target) {
  return target.startsWith('./src/') ? `${dir}/${target.slice(2)}` : undefined;
}

/** The source files a package's `exports` map makes public. */
function publicEntries({ dir, manifest }) {
  return mapTargets(manifest.exports ?? {})
    .map((t) => sourceFile(dir, t.target))
    .filter((f) => f !== undefined);
}

/** The source files selected only under a `node` condition (of `imports` or `exports`). */
function nodeConditionFiles({ dir, manifest }) {
  return [...mapTargets(manifest.imports ?? {}), ...mapTargets(manifest.exports ?? {})]
    .filter((t) => t.conditions.includes('node'))
    .map((t) => sourceFile(dir, t.target))
    .filter((f) => f !== undefined);
}

const anyOf = (files) => (files.length === 0 ? '^$' : `^(${files.map(escape).join('|')})$`);

function buildConfig(root) {
  const packages = workspacePackages(root);
  const byName = new Map(packages.map((p) => [p.manifest.name, p]));
  const libraries = packages.filter((p) => p.dir.startsWith('packages/'));
  const entries = libraries.flatMap(publicEntries);
  const portable = libraries.filter((p) => PORTABLE_PACKAGES.includes(p.dir.slice('packages/'.length)));
  const portableSrc = `^packages/(${PORTABLE_PACKAGES.map(escape).join('|')})/src/`;
  const nodeFiles = portable.flatMap(nodeConditionFiles);

  const anyPackage = `^(${packages.map((p) => escape(p.dir)).join('|')})/`;
  const perPackage = packages.flatMap((p) => {
    const own = `^${escape(p.dir)}/`;
    const from = p.dir.replace(/\//g, '-');
    const declared = Object.keys({ ...p.manifest.dependencies, ...p.manifest.devDependencies, ...p.manifest.optionalDependencies, ...p.manifest.peerDependencies })
      .map((name) => byName.get(name))
      .filter((dep) => dep !== undefined)
      .map((dep) => `^${escape(dep.dir)}/`);
    return [
      {
        name: `no-internals-of-other-packages--${from}`,
        comment: `${p.dir} may import another package only through the files its package.json exports`,
        severity: 'error',
        from: { path: own },
        to: { path: '^packages/[^/]+/src/', pathNot: [own, anyOf(entries)] },
      },
      {
        name: `no-relative-import-of-other-packages--${from}`,
        comment: `${p.dir} imports other packages by name, so the exports map and its declared dependencies apply`,
        severity: 'error',
        from: { path: own },
        to: { path: '^(packages|examples)/[^/]+/src/', pathNot: own, dependencyTypes: ['local'] },
      },
      {
        name: `no-undeclared-workspace-dependency--${from}`,
        comment: `${p.dir} imports only the workspace packages its package.json declares`,
        severity: 'error',
        from: { path: own },
        to: { path: anyPackage, pathNot: [own, ...declared] },
      },
    ];
  });

  return {
    forbidden: [
      {
        name: 'no-circular',
        comment: 'No import cycle inside any package (STYLE.md); type-only imports count too.',
        severity: 'error',
        from: { path: '^packages/[^/]+/src/' },
        to: { circular: true },
      },
      ...perPackage,
      {
        name: 'portable-no-node-builtins',
        comment:
          'proto, secagg and dp run in browsers: a node: module only in files their package.json selects with a `node` condition',
        severity: 'error',
        from: { path: portableSrc, pathNot: anyOf(nodeFiles) },
        to: { dependencyTypes: ['core'] },
      },
      {
        name: 'portable-node-files-only-through-conditions',
        comment: 'a Node-only file is reached only through its #subpath import, so other runtimes get the default',
        severity: 'error',
        from: { path: portableSrc, pathNot: anyOf(nodeFiles) },
        to: { path: anyOf(nodeFiles), dependencyTypesNot: ['aliased-subpath-import'] },
      },
      {
        name: 'libraries-depend-on-nothing-of-ours',
        comment: 'secagg, dp and proto use no other package of ours (ARCHITECTURE.md)',
        severity: 'error',
        from: { path: '^packages/([^/]+)/', pathNot: `^packages/(?!(${PORTABLE_PACKAGES.map(escape).join('|')})/)` },
        to: { path: '^(packages|examples)/([^/]+)/', pathNot: '^packages/$1/' },
      },
      {
        name: 'nothing-of-ours-uses-the-applications',
        comment: 'only examples, tests and benches import server or client-sdk; they do not import each other',
        severity: 'error',
        from: { path: '^packages/([^/]+)/' },
        to: { path: `^packages/(${APPLICATION_PACKAGES.map(escape).join('|')})/`, pathNot: '^packages/$1/' },
      },
      {
        name: 'no-undeclared-dependency',
        comment: 'every npm package imported is declared in the package.json of the importing package (or the root, for dev tools)',
        severity: 'error',
        from: {},
        to: { dependencyTypes: ['npm-no-pkg', 'npm-unknown'] },
      },
      {
        name: 'src-no-dev-dependency',
        comment: 'published code (src/) imports only dependencies, not devDependencies',
        severity: 'error',
        from: { path: '^packages/[^/]+/src/' },
        to: { dependencyTypes: ['npm-dev'], dependencyTypesNot: ['type-only'] },
      },
      {
        name: 'no-unresolvable',
        comment: 'every import resolves (a #subpath or exports map that points nowhere is caught here)',
        severity: 'error',
        from: {},
        to: { couldNotResolve: true, dependencyTypesNot: ['npm-optional'] },
      },
    ],
    options: {
      // Declaration files (the generated protobuf typings) describe code; they are not imports.
      exclude: { path: '(^|/)(dist|coverage)/|\\.d\\.ts$' },
      doNotFollow: { path: 'node_modules' },
      tsPreCompilationDeps: true,
      combinedDependencies: true,
      ...(fs.existsSync(path.join(root, 'tsconfig.json')) ? { tsConfig: { fileName: path.join(root, 'tsconfig.json') } } : {}),
      enhancedResolveOptions: {
        // The workspace resolves packages to their TypeScript source (the `source` condition).
        conditionNames: ['source', 'node', 'import', 'default'],
        exportsFields: ['exports'],
        mainFields: ['module', 'main', 'types'],
        extensions: ['.ts', '.mts', '.js', '.mjs', '.cjs', '.json'],
      },
      reporterOptions: { text: { highlightFocused: true } },
    },
  };
}

module.exports = buildConfig(__dirname);
Object.defineProperty(module.exports, 'buildConfig', { value: buildConfig, enumerable: false });
