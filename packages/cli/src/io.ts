/** Where the CLI writes and what it reads from its environment; tests pass their own. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Directory relative paths are resolved against. */
  readonly cwd: string;
  /** True when stderr is a terminal (progress is redrawn in place); plain lines otherwise. */
  readonly stderrIsTTY?: boolean;
  /** Aborted on Ctrl-C: long-running commands (`xr case watch`) stop and exit 0. */
  readonly signal?: AbortSignal;
}
