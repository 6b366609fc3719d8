import { describe, expect, it } from 'vitest';
import { progress } from '../src/commands/audit-report.js';
import type { CliIo } from '../src/index.js';

function io(tty: boolean): { io: CliIo; out: string[] } {
  const out: string[] = [];
  return { io: { stdout: () => undefined, stderr: (t) => out.push(t), env: {}, cwd: '/', stderrIsTTY: tty }, out };
}

describe('xr audit verify progress', () => {
  it('on a terminal, redraws one line with a bar, the rate and the ETA', () => {
    let now = 0;
    const { io: tty, out } = io(true);
    const bar = progress(tty, () => now);
    now = 50;
    bar.update({ records: 10, total: 100 });
    expect(out).toEqual([]); // not before 100 ms
    now = 1_000;
    bar.update({ records: 25_000, total: 100_000 });
    expect(out[0]).toBe('\r[######..................] 25% 25,000/100,000 records 25,000/s ETA 3s\u001b[K');
    bar.done();
    expect(out.at(-1)).toBe('\r\u001b[K');
  });

  it('elsewhere, writes a plain line at most every two seconds', () => {
    let now = 0;
    const { io: pipe, out } = io(false);
    const bar = progress(pipe, () => now);
    for (now = 100; now <= 5_000; now += 100) bar.update({ records: now * 10 });
    expect(out).toEqual(['xr audit: 20,000 records, 10,000/s\n', 'xr audit: 40,000 records, 10,000/s\n']);
    bar.done();
    expect(out).toHaveLength(2);
  });
});
