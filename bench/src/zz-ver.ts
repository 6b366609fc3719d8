import { readFileSync } from 'node:fs';
import { FileEventLog } from '@xr/event-log-file';
import { kafkaSource, verifyAudit } from '@xr/audit';
const log = await FileEventLog.open({ dir: '/tmp/ap/log' });
for (let i = 0; i < 2; i++) {
const t = performance.now();
const r = await verifyAudit(kafkaSource(log, 'syn'), { trustAnchors: JSON.parse(readFileSync('/tmp/ap/anchors.json', 'utf8')) });
console.log(r.anomalies.length, r.stats.journalRecords, (performance.now() - t).toFixed(0), 'ms', Math.round(r.stats.journalRecords / ((performance.now() - t) / 1000)), '/s');
}
await log.close();
