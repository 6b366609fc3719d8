/** What the CLI reports when something fails: a stable code, a message, the field to blame. */
export interface CliProblem {
  readonly code: string;
  readonly message: string;
  /** An option (`--region`), a file field (`city.json: keys.keys[0].kid`) or a request field. */
  readonly field?: string;
  /** True when the command was refused before contacting a service (bad arguments or files): exit 2. */
  readonly usage?: boolean;
}

export class CliFailure extends Error {
  override readonly name = 'CliFailure';
  constructor(readonly problem: CliProblem) {
    super(problem.message);
  }
}

/** A refusal of the command line itself (exit 2). */
export function usage(message: string, field?: string, code = 'XR_BAD_REQUEST'): CliFailure {
  return new CliFailure({ code, message, usage: true, ...(field === undefined ? {} : { field }) });
}
