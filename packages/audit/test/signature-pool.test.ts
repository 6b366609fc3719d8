import { spawnSync } from 'node:child_process';
import { generateKeyPairSync, sign } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SignaturePool } from '../src/index.js';

function jobs(n: number) {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const x = publicKey.export({ format: 'jwk' }).x!;
  return Array.from({ length: n }, (_, i) => {
    const input = Buffer.from(`eyJhbGciOiJFZERTQSJ9.{"n":${i}}`);
    const signature = sign(null, input, privateKey);
    if (i % 7 === 3) signature[5]! ^= 1; // every 7th from the 4th does not verify
    return { x, input, signature: i % 11 === 10 ? signature.subarray(0, 10) : signature };
  });
}

describe('SignaturePool', () => {
  it('verifies on worker threads, one verdict per job, in order', async () => {
    const pool = new SignaturePool(2);
    try {
      const list = jobs(600);
      const verdicts = (await Promise.all([pool.verify(list.slice(0, 300)), pool.verify(list.slice(300))])).flat();
      expect(verdicts).toEqual(list.map((_, i) => i % 7 !== 3 && i % 11 !== 10));
    } finally {
      await pool.close();
    }
  });

  it('keeps a process alive while its answer is awaited, and lets it exit after', () => {
    const src = fileURLToPath(new URL('../src/signature-pool.ts', import.meta.url));
    const [job] = jobs(1);
    const script = `import { SignaturePool } from ${JSON.stringify(src)}; const p = new SignaturePool(1); const out = await p.verify([{ x: '${job!.x}', input: Buffer.from('${job!.input.toString('base64')}', 'base64'), signature: new Uint8Array(64) }]); process.stdout.write(String(out[0]));`;
    const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8', timeout: 30_000 });
    expect({ status: child.status, stdout: child.stdout }).toEqual({ status: 0, stdout: 'false' });
  });
});
