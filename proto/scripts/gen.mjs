// Generates TypeScript types for every .proto under xr/ and google/ into gen/ (or argv[2]).
// The flags must match LOADER_OPTIONS in src/load.ts.
import { execFileSync } from 'node:child_process';
import { readdirSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = process.argv[2] ?? join(root, 'gen');
const protos = (dir) => readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? protos(join(dir, n)) : n.endsWith('.proto') ? [join(dir, n)] : []));
const files = [...protos(join(root, 'xr')), ...protos(join(root, 'google'))].map((f) => relative(root, f)).sort();
const bin = createRequire(import.meta.url).resolve('@grpc/proto-loader/build/bin/proto-loader-gen-types.js');
rmSync(out, { recursive: true, force: true });
execFileSync(process.execPath, [bin, '--longs=Number', '--enums=String', '--defaults', '--oneofs', '--grpcLib=@grpc/grpc-js', '--importFileExtension=.js', '--includeComments', '-I', '.', '-O', out, ...files], { cwd: root, stdio: 'inherit' });
