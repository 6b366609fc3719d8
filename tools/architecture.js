// The package table of docs/ARCHITECTURE.md, read as data: which workspace package may import which.
// The one source for eslint.config.js (no-restricted-imports per package directory) and for
// test/architecture.test.ts (rows for every package, package.json dependencies within the table).
import { readFileSync } from 'node:fs';

export const TABLE_HEADER = '| package | role | may import |';

const PACKAGE_CELL = /^`([a-z0-9/._-]+)` \(`(@xr\/[a-z0-9-]+)`\)$/;
const IMPORT_ITEM = /^`(@xr\/[a-z0-9-]+)`( \(tests\))?$/;

/**
 * Parses the table (grammar in docs/ARCHITECTURE.md): the package cell is `` `path` (`@xr/name`) ``;
 * the last cell is `none` or `` `@xr/a`, `@xr/b` (tests) ``, optionally followed by `; no I/O`.
 * Anything else throws, naming the row, so the table cannot drift into prose the lint cannot read.
 */
export function parseArchitecture(markdown) {
  const lines = markdown.split('\n');
  const start = lines.findIndex((line) => line.trim() === TABLE_HEADER);
  if (start < 0) throw new Error(`no table headed ${TABLE_HEADER}`);
  const rows = [];
  for (let i = start + 2; i < lines.length && lines[i].trim().startsWith('|'); i++) {
    const line = lines[i].trim();
    const cells = line.slice(1, -1).split(' | ').map((c) => c.trim());
    const where = `package table, line ${i + 1}`;
    if (!line.endsWith('|') || cells.length !== 3) throw new Error(`${where}: expected 3 cells, got ${cells.length}`);
    const [packageCell, , importCell] = cells;
    const pkg = PACKAGE_CELL.exec(packageCell);
    if (!pkg) throw new Error(`${where}: package cell must be \`path\` (\`@xr/name\`), got ${packageCell}`);
    const [list, ...notes] = importCell.split(';').map((s) => s.trim());
    const row = { path: pkg[1], name: pkg[2], imports: [], testImports: [], pure: false };
    for (const note of notes) {
      if (note !== 'no I/O') throw new Error(`${where}: unknown note "${note}" (only "no I/O")`);
      row.pure = true;
    }
    if (list !== 'none') {
      for (const item of list.split(',').map((s) => s.trim())) {
        const m = IMPORT_ITEM.exec(item);
        if (!m) throw new Error(`${where}: may-import entry must be \`@xr/name\` or \`@xr/name\` (tests), or the cell "none"; got "${item}"`);
        (m[2] ? row.testImports : row.imports).push(m[1]);
      }
    }
    rows.push(row);
  }
  if (rows.length === 0) throw new Error('the package table has no rows');
  const names = new Set(rows.map((r) => r.name));
  for (const row of rows) {
    for (const name of [...row.imports, ...row.testImports]) {
      if (!names.has(name)) throw new Error(`package table: ${row.path} may import ${name}, which has no row`);
    }
  }
  return rows;
}

/** The table of docs/ARCHITECTURE.md under `root` (a file URL of the repository's directory). */
export function readArchitecture(root) {
  return parseArchitecture(readFileSync(new URL('docs/ARCHITECTURE.md', root), 'utf8'));
}
