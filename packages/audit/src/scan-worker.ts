/**
 * The worker side of `ScanPool`: a `PartitionScanner` per partition it is given, batches scanned in
 * the order they arrive. Input: the batch's record bytes in one transferred buffer.
 */
import { parentPort } from 'node:worker_threads';
import { MerkleTree, ProofPaths } from '@xr/tlog';
import { packBatch, PartitionScanner, type ScanInput, type Where } from './journal-scan.js';

export interface ScanRequest {
  readonly id: number;
  readonly key: string;
  readonly where: Where;
  /** The audit this scan belongs to: partitions of one region in one audit share a seal memo. */
  readonly memo: string;
  /** Per record: offset, timestamp, end of its bytes in `bytes`. */
  readonly meta: Float64Array;
  readonly bytes: Uint8Array;
}

const port = parentPort;
if (!port) throw new Error('scan-worker runs on a worker thread');
const scanners = new Map<string, { scanner: PartitionScanner; memo: string }>();
/**
 * The seal proofs' memo of each region in each audit, shared by its partitions' scanners (see
 * `PartitionScanner`) and dropped with the last of them: an audit starts from no memo, whatever
 * this worker scanned before.
 */
const paths = new Map<string, { memo: ProofPaths; users: number }>();

port.on('message', (m: ScanRequest | { id: number; key: string; end: true }) => {
  if ('end' in m) {
    // The partition is done: its Merkle tree goes back (columns transferred), its state is freed.
    const scan = scanners.get(m.key);
    const tree = (scan?.scanner.tree ?? new MerkleTree()).columns().map((c) => c.slice());
    scanners.delete(m.key);
    const shared = scan && paths.get(scan.memo);
    if (shared && --shared.users === 0) paths.delete(scan.memo);
    return void port.postMessage({ id: m.id, tree }, tree.map((c) => c.buffer));
  }
  let scanner = scanners.get(m.key)?.scanner;
  if (!scanner) {
    const memoKey = `${m.memo}\u0000${m.where.region}`;
    let shared = paths.get(memoKey);
    if (!shared) paths.set(memoKey, (shared = { memo: new ProofPaths(), users: 0 }));
    shared.users++;
    scanner = new PartitionScanner(m.where, shared.memo);
    scanners.set(m.key, { scanner, memo: memoKey });
  }
  const inputs: ScanInput[] = [];
  let start = 0;
  for (let i = 0; i < m.meta.length; i += 3) {
    const end = m.meta[i + 2]!;
    // A Buffer view, which the scanner reads as it is (it would make one of a plain Uint8Array).
    inputs.push({ offset: m.meta[i]!, timestamp: m.meta[i + 1]!, value: Buffer.from(m.bytes.buffer, m.bytes.byteOffset + start, end - start) });
    start = end;
  }
  try {
    const batch = packBatch(scanner.scanBatch(inputs));
    port.postMessage({ id: m.id, batch }, [batch.hashes.buffer as ArrayBuffer, batch.numbers.buffer as ArrayBuffer]);
  } catch (error) {
    port.postMessage({ id: m.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
