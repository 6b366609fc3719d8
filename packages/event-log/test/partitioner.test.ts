import { describe, expect, it } from 'vitest';
import { murmur2, partitionFor } from '../src/index.js';

const enc = new TextEncoder();

describe("Kafka's default partitioner", () => {
  // Values from Apache Kafka's own Utils.murmur2 tests, so Java producers and ours agree.
  it.each([
    ['21', -973932308],
    ['foobar', -790332482],
    ['a-little-bit-long-string', -985981536],
    ['a-little-bit-longer-string', -1486304829],
    ['lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8', -58897971],
    ['abc', 479470107],
  ])('murmur2(%s) is %i as in the Java client', (key, expected) => {
    expect(murmur2(enc.encode(key))).toBe(expected);
  });

  it('spreads keys over every partition and always within range', () => {
    const seen = new Set<number>();
    for (let i = 0; i < 1000; i += 1) {
      const p = partitionFor(`case-${i}`, 6);
      expect(p).toBeGreaterThanOrEqual(0);
      expect(p).toBeLessThan(6);
      seen.add(p);
    }
    expect(seen.size).toBe(6);
  });
});
