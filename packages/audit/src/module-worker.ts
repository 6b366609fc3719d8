/**
 * A worker thread running one of this package's modules. Compiled code imports its `.js` with no
 * hooks at all. From TypeScript sources (the repository runs them directly, in the CLI, the
 * services and vitest) Node 20 gives a worker none of the parent's module hooks, so the module is
 * bundled once per process with esbuild (the compiler tsx itself uses) into one ES module the
 * worker runs from a `data:` URL: ~25 ms of CPU a worker, where registering tsx's hooks in each
 * worker and compiling its imports there cost ~200 ms (an audit of 100,000 records at the target
 * rate lasts one second). Where esbuild cannot load, the worker registers tsx's hooks itself.
 */
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

// Plain CommonJS run with `eval: true`: it needs no loader of its own.
const BOOT = `
const { workerData } = require('node:worker_threads');
(async () => {
  if (workerData.hooks) (await import(workerData.hooks)).register();
  await import(workerData.module);
})().catch((error) => { setImmediate(() => { throw error; }); });
`;

const require = createRequire(import.meta.url);
let hooks: string | null | undefined;

/** tsx's ESM hooks entry, when this module runs from TypeScript sources and tsx is installed; else null. */
function tsxHooks(): string | null {
  if (hooks !== undefined) return hooks;
  try {
    hooks = pathToFileURL(require.resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
  } catch {
    hooks = null;
  }
  return hooks;
}

interface Esbuild {
  buildSync(options: Record<string, unknown>): { outputFiles?: { text: string }[] };
}

const bundles = new Map<string, URL | null>();

/** `module` and what it imports as one ES module in a `data:` URL (made once per process), or null where esbuild cannot make it. */
function bundled(module: URL): URL | null {
  const known = bundles.get(module.href);
  if (known !== undefined) return known;
  let url: URL | null = null;
  try {
    const esbuild = require('esbuild') as Esbuild;
    const out = esbuild.buildSync({ entryPoints: [fileURLToPath(module)], bundle: true, format: 'esm', platform: 'node', target: `node${process.versions.node.split('.')[0]}`, write: false, logLevel: 'silent' });
    const text = out.outputFiles?.[0]?.text;
    if (text !== undefined) url = new URL(`data:text/javascript,${encodeURIComponent(text)}`);
  } catch {
    url = null;
  }
  bundles.set(module.href, url);
  return url;
}

/** Whether `module` can run on a worker here (a `.ts` module needs esbuild or tsx). */
export function canRunOnWorker(module: URL): boolean {
  return !module.pathname.endsWith('.ts') || bundled(module) !== null || tsxHooks() !== null;
}

export function moduleWorker(module: URL): Worker {
  if (!module.pathname.endsWith('.ts')) return new Worker(module);
  const bundle = bundled(module);
  if (bundle) return new Worker(bundle);
  return new Worker(BOOT, { eval: true, workerData: { module: module.href, hooks: tsxHooks() } });
}
