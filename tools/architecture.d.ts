/** One row of the package table of docs/ARCHITECTURE.md. */
export interface ArchitectureRow {
  /** The package's directory, relative to the repository (`packages/domain`). */
  readonly path: string;
  /** Its npm name (`@xr/domain`). */
  readonly name: string;
  /** Workspace packages it may import anywhere. */
  readonly imports: readonly string[];
  /** Workspace packages it may import in its tests only (and as devDependencies). */
  readonly testImports: readonly string[];
  /** `; no I/O`: I/O modules are forbidden too. */
  readonly pure: boolean;
}

export declare const TABLE_HEADER: string;
export declare function parseArchitecture(markdown: string): ArchitectureRow[];
export declare function readArchitecture(root: URL): ArchitectureRow[];
