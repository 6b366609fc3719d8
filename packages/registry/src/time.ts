/** RFC 3339 times as instants. Times are compared as instants, never as strings (offsets differ). */

/** Milliseconds since the epoch, or NaN when the text is not a time. */
export function instant(time: string | number): number {
  return typeof time === 'number' ? time : Date.parse(time);
}

/** The earlier of two optional times (undefined = never). */
export function earliest(a: string | undefined, b: string): string {
  return a !== undefined && instant(a) <= instant(b) ? a : b;
}
