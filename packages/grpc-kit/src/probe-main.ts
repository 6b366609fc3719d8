/**
 * The containers' health check (grpc_health_probe cannot be fetched here):
 *   tsx packages/grpc-kit/src/probe-main.ts [--addr 127.0.0.1:50051] [--service NAME] [--list]
 * Exit 0 when SERVING (with --list: prints the reflected services), 1 otherwise, 2 when unreachable.
 */
import { parseArgs } from 'node:util';
import { checkHealth, listServices } from './probe.js';

const { values } = parseArgs({ options: { addr: { type: 'string', default: '127.0.0.1:50051' }, service: { type: 'string', default: '' }, list: { type: 'boolean', default: false }, timeout: { type: 'string', default: '3000' } } });
const target = { address: values.addr, timeoutMs: Number(values.timeout) };
try {
  if (values.list) {
    process.stdout.write(`${(await listServices(target)).join('\n')}\n`);
    process.exit(0);
  }
  const status = await checkHealth(target, values.service);
  process.stdout.write(`status: ${status}\n`);
  process.exit(status === 'SERVING' ? 0 : 1);
} catch (error) {
  process.stderr.write(`probe ${values.addr}: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(2);
}
