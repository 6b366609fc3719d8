/**
 * Renders deploy/k8s/*.yaml from deploy/examples (configs and catalogs go into ConfigMaps as they
 * are), so the manifests never drift from the validated examples (test/deploy.test.ts checks it):
 *   tsx deploy/scripts/render-k8s.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';

const DEPLOY = fileURLToPath(new URL('../', import.meta.url));
const ex = (f: string): string => readFileSync(`${DEPLOY}examples/${f}`, 'utf8');
const labels = (app: string, extra: Record<string, string> = {}) => ({ 'app.kubernetes.io/name': app, 'app.kubernetes.io/part-of': 'xr', ...extra });
const security = { runAsNonRoot: true, runAsUser: 1000, runAsGroup: 1000, fsGroup: 1000, seccompProfile: { type: 'RuntimeDefault' } };
const containerSecurity = { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } };
function workload(kind: 'Deployment' | 'StatefulSet', name: string, image: string, service: string, configMap: string, secret: string | undefined, env: Record<string, string>) {
  const volumes: object[] = [{ name: 'config', configMap: { name: configMap } }, { name: 'tmp', emptyDir: {} }];
  const mounts: object[] = [{ name: 'config', mountPath: '/etc/xr', readOnly: true }, { name: 'tmp', mountPath: '/tmp' }];
  if (secret) {
    volumes.push({ name: 'key', secret: { secretName: secret, defaultMode: 0o400 } });
    mounts.push({ name: 'key', mountPath: '/run/secrets/xr', readOnly: true });
  }
  return {
    apiVersion: 'apps/v1',
    kind,
    metadata: { name, labels: labels(name) },
    spec: {
      // One process per region writes its journal (a second one is refused at start): never more than one replica.
      replicas: 1,
      ...(kind === 'StatefulSet' ? { serviceName: name } : { strategy: { type: 'Recreate' } }),
      selector: { matchLabels: labels(name) },
      template: {
        metadata: { labels: labels(name), annotations: { 'prometheus.io/scrape': 'true', 'prometheus.io/port': '9464', 'prometheus.io/path': '/metrics' } },
        spec: {
          securityContext: security,
          terminationGracePeriodSeconds: 30,
          containers: [
            {
              name: 'xr',
              image,
              args: ['--config', `/etc/xr/${service}.json`],
              env: Object.entries({ KAFKA_BROKERS: 'kafka:9092', ...env }).map(([n, value]) => ({ name: n, value })),
              ports: [{ name: 'grpc', containerPort: 50051 }, { name: 'metrics', containerPort: 9464 }],
              // grpc.health.v1.Health: NOT_SERVING until the pipeline runs and from the drain on.
              startupProbe: { grpc: { port: 50051 }, periodSeconds: 5, failureThreshold: 60 },
              readinessProbe: { grpc: { port: 50051 }, periodSeconds: 5, failureThreshold: 2 },
              livenessProbe: { grpc: { port: 50051 }, periodSeconds: 20, failureThreshold: 6 },
              resources: { requests: { cpu: '250m', memory: '256Mi' }, limits: { memory: '1Gi' } },
              securityContext: containerSecurity,
              volumeMounts: mounts,
            },
          ],
          volumes,
        },
      },
    },
  };
}
const svc = (name: string) => ({ apiVersion: 'v1', kind: 'Service', metadata: { name, labels: labels(name) }, spec: { selector: labels(name), ports: [{ name: 'grpc', port: 50051, targetPort: 'grpc', appProtocol: 'grpc' }, { name: 'metrics', port: 9464, targetPort: 'metrics' }] } });
const secretOf = (name: string, file: string) => ({ apiVersion: 'v1', kind: 'Secret', metadata: { name, labels: labels(name) }, type: 'Opaque', stringData: { [file]: 'REPLACE with the private JWK (pnpm xr keys new), or create it: kubectl create secret generic ' + name + ' --from-file=' + file + '=<key file>' } });
const cm = (name: string, data: Record<string, string>) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, labels: labels(name) }, data });
const docs = (head: string, objs: object[]): string => head + objs.map((o) => stringify(o, { lineWidth: 0 })).join('---\n');
/** File name → YAML text of every manifest. */
export function renderManifests(): Record<string, string> {
const out: Record<string, string> = {};
for (const region of ['371500', '370200', '331081']) {
  const name = `gateway-${region}`;
  out[`${name}.yaml`] = ( docs(`# The gateway of region ${region}: config and catalog (deploy/examples), its signing key as a Secret, one replica.\n`, [
    cm(`${name}-config`, { 'gateway.json': ex(`gateway-${region}.json`), [`catalog-${region}.json`]: ex(`catalog-${region}.json`) }),
    secretOf(`${name}-key`, 'signing-key.jwk.json'),
    workload('StatefulSet', name, 'xr-gateway:latest', 'gateway', `${name}-config`, `${name}-key`, { XR_SIGNING_KEY_FILE: '/run/secrets/xr/signing-key.jwk.json' }),
    svc(name),
  ]));
}
out['admin.yaml'] = ( docs('# The admin service: registry writer; its admin key as a Secret.\n', [
  cm('admin-config', { 'admin.json': ex('admin.json') }),
  secretOf('admin-key', 'admin-key.jwk.json'),
  workload('Deployment', 'admin', 'xr-admin:latest', 'admin', 'admin-config', 'admin-key', { XR_ADMIN_KEY_FILE: '/run/secrets/xr/admin-key.jwk.json' }),
  svc('admin'),
]));
out['auditor.yaml'] = ( docs('# The auditor: read only, trusts the admin keys of its config.\n', [
  cm('auditor-config', { 'auditor.json': ex('auditor.json') }),
  workload('Deployment', 'auditor', 'xr-auditor:latest', 'auditor', 'auditor-config', undefined, {}),
  svc('auditor'),
]));
const kafkaLabels = labels('kafka');
out['kafka.yaml'] = ( docs('# A single KRaft broker for trying xr on a cluster (production: a managed or Strimzi-run cluster).\n', [
  { apiVersion: 'v1', kind: 'Service', metadata: { name: 'kafka', labels: kafkaLabels }, spec: { clusterIP: 'None', selector: kafkaLabels, ports: [{ name: 'kafka', port: 9092 }, { name: 'controller', port: 9093 }] } },
  {
    apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 'kafka', labels: kafkaLabels },
    spec: {
      serviceName: 'kafka', replicas: 1, selector: { matchLabels: kafkaLabels },
      template: {
        metadata: { labels: kafkaLabels },
        spec: {
          securityContext: { runAsNonRoot: true, runAsUser: 1000, fsGroup: 1000 },
          containers: [{
            name: 'kafka', image: 'apache/kafka:3.9.1',
            env: Object.entries({ KAFKA_NODE_ID: '1', KAFKA_PROCESS_ROLES: 'broker,controller', KAFKA_LISTENERS: 'PLAINTEXT://:9092,CONTROLLER://:9093', KAFKA_ADVERTISED_LISTENERS: 'PLAINTEXT://kafka:9092', KAFKA_CONTROLLER_LISTENER_NAMES: 'CONTROLLER', KAFKA_LISTENER_SECURITY_PROTOCOL_MAP: 'CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT', KAFKA_CONTROLLER_QUORUM_VOTERS: '1@localhost:9093', KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR: '1', KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR: '1', KAFKA_TRANSACTION_STATE_LOG_MIN_ISR: '1', KAFKA_AUTO_CREATE_TOPICS_ENABLE: 'false', KAFKA_LOG_DIRS: '/var/lib/kafka/data' }).map(([n, value]) => ({ name: n, value })),
            ports: [{ name: 'kafka', containerPort: 9092 }, { name: 'controller', containerPort: 9093 }],
            readinessProbe: { tcpSocket: { port: 9092 }, periodSeconds: 5 },
            volumeMounts: [{ name: 'data', mountPath: '/var/lib/kafka/data' }],
          }],
        },
      },
      volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '10Gi' } } } }],
    },
  },
]));
return out;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const [file, text] of Object.entries(renderManifests())) writeFileSync(`${DEPLOY}k8s/${file}`, text);
}
