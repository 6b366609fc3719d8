import { writeFileSync } from 'node:fs';
import { FileEventLog } from '@xr/event-log-file';
import { syntheticLog } from '@xr/audit/testing';
const log = await FileEventLog.open({ dir: '/tmp/ap/log' });
const world = await syntheticLog(log, 'syn', 25000, { signing: 'sealed' });
writeFileSync('/tmp/ap/anchors.json', JSON.stringify(world.anchors));
await log.close();
