export { HELP, run } from './run.js';
export type { CliIo } from './io.js';
export type { CliProblem } from './problem.js';
export { adminCaller, problemOf } from './admin-client.js';
export type { AdminCaller, AdminMethods } from './admin-client.js';
