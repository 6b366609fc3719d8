/**
 * A worker thread running one of this package's modules. Node 20 gives a worker none of the
 * parent's module hooks, so under tsx (the repository runs its TypeScript sources directly, in the
 * CLI, the services and vitest) the worker registers tsx's ESM hooks itself before importing the
 * module; compiled code imports its `.js` with no hooks at all.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

// Plain CommonJS run with `eval: true`: it needs no loader of its own.
const BOOT = `
const { workerData } = require('node:worker_threads');
(async () => {
  if (workerData.hooks) (await import(workerData.hooks)).register();
  await import(workerData.module);
})().catch((error) => { setImmediate(() => { throw error; }); });
`;

let hooks: string | null | undefined;

/** tsx's ESM hooks entry, when this module runs from TypeScript sources and tsx is installed; else null. */
function tsxHooks(): string | null {
  if (hooks !== undefined) return hooks;
  try {
    hooks = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
  } catch {
    hooks = null;
  }
  return hooks;
}

/** Whether `module` can run on a worker here (a `.ts` module needs tsx). */
export function canRunOnWorker(module: URL): boolean {
  return !module.pathname.endsWith('.ts') || tsxHooks() !== null;
}

export function moduleWorker(module: URL): Worker {
  const ts = module.pathname.endsWith('.ts');
  return new Worker(BOOT, { eval: true, workerData: { module: module.href, hooks: ts ? tsxHooks() : null } });
}
