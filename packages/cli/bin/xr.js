#!/usr/bin/env node
// `xr`: runs the TypeScript CLI (src/main.ts) through tsx, a devDependency of the workspace root,
// resolved from this file's location so `xr` works from any directory.
import { register } from 'tsx/esm/api';

register();
await import('../src/main.ts');
