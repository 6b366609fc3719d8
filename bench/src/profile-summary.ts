/**
 * `tsx bench/src/profile-summary.ts <file.cpuprofile> [top]`: the functions with the most self time
 * in a V8 CPU profile (what `node --cpu-prof` writes), and the idle/GC/program shares. Plain text.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
}
interface Profile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

const [file, topArg] = process.argv.slice(2);
if (!file) {
  process.stderr.write('usage: tsx bench/src/profile-summary.ts <file.cpuprofile> [top]\n');
  process.exit(2);
}
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map<string, number>();
let total = 0;
profile.samples.forEach((id, i) => {
  const us = profile.timeDeltas[i] ?? 0;
  total += us;
  const frame = byId.get(id)?.callFrame;
  const where = frame?.url ? `${relative(process.cwd(), frame.url.replace(/^file:\/\//, '')).replace(/^.*node_modules\/\.pnpm\/([^/]+)\/node_modules\//, '$1:')}:${frame.lineNumber + 1}` : '';
  const key = `${frame?.functionName || '(anonymous)'} ${where}`.trim();
  self.set(key, (self.get(key) ?? 0) + us);
});
const top = Number(topArg ?? 25);
const lines = [...self].sort((a, b) => b[1] - a[1]).slice(0, top);
process.stdout.write(`${file}: ${(total / 1e6).toFixed(1)} s sampled\n`);
for (const [key, us] of lines) process.stdout.write(`${((100 * us) / total).toFixed(1).padStart(5)} %  ${(us / 1e3).toFixed(0).padStart(7)} ms  ${key}\n`);
