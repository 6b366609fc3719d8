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
  /** Per record: offset, timestamp, end of its bytes in `bytes`. */
  readonly meta: Float64Array;
  readonly bytes: Uint8Array;
}

const port = parentPort;
if (!port) throw new Error('scan-worker runs on a worker thread');
const scanners = new Map<string, PartitionScanner>();
/** The seal proofs' memo of each region, shared by its partitions' scanners (see `PartitionScanner`). */
const paths = new Map<string, ProofPaths>();

port.on('message', (m: ScanRequest | { id: number; key: string; end: true }) => {
  if ('end' in m) {
    // The partition is done: its Merkle tree goes back (columns transferred), its state is freed.
    const tree = (scanners.get(m.key)?.tree ?? new MerkleTree()).columns().map((c) => c.slice());
    scanners.delete(m.key);
    return void port.postMessage({ id: m.id, tree }, tree.map((c) => c.buffer as ArrayBuffer));
  }
  let scanner = scanners.get(m.key);
  if (!scanner) {
    let memo = paths.get(m.where.region);
    if (!memo) paths.set(m.where.region, (memo = new ProofPaths()));
    scanners.set(m.key, (scanner = new PartitionScanner(m.where, memo)));
  }
  const inputs: ScanInput[] = [];
  let start = 0;
  for (let i = 0; i < m.meta.length; i += 3) {
    const end = m.meta[i + 2]!;
    inputs.push({ offset: m.meta[i]!, timestamp: m.meta[i + 1]!, value: m.bytes.subarray(start, end) });
    start = end;
  }
  try {
    const batch = packBatch(scanner.scanBatch(inputs));
    port.postMessage({ id: m.id, batch }, [batch.hashes.buffer as ArrayBuffer]);
  } catch (error) {
    port.postMessage({ id: m.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
