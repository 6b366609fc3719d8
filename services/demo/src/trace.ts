/** The demo's readable trace: one line per step, time and region first. */
import { regionLabel } from './regions.js';

const started = Date.now();

export function trace(who: string, what: string): void {
  const ms = String(Date.now() - started).padStart(6, ' ');
  const label = /^\d{6}$/.test(who) ? regionLabel(who) : who;
  process.stdout.write(`${ms} ms  ${label.padEnd(14, ' ')}  ${what}\n`);
}
