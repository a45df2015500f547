import { utcOffsets } from './contract.ts';

export type TimeZone = keyof typeof utcOffsets;

/** `yyyyMMddHHmmssSSS` of an instant in a zone the spec lists (x-utc-offsets). */
export function time17(at: number, zone: TimeZone): string {
  const shifted = new Date(at + utcOffsets[zone] * 60_000).toISOString(); // 2026-11-21T10:30:00.123Z
  return shifted.slice(0, 23).replace(/[-T:.]/g, '');
}

/**
 * Correlation ids: `yyMMddHHmmss-` + 7 hex from the CSPRNG, never the same twice
 * from one client (the suffixes of the current second are remembered).
 */
export function correlationIds() {
  let second = '';
  let used = new Set<string>();
  const random = new Uint8Array(4);
  return (time: string): string => {
    const stamp = time.slice(2, 14);
    if (stamp !== second) {
      second = stamp;
      used = new Set();
    }
    for (;;) {
      crypto.getRandomValues(random);
      const hex = Array.from(random, (b) => b.toString(16).padStart(2, '0'))
        .join('')
        .slice(0, 7);
      if (!used.has(hex)) {
        used.add(hex);
        return `${stamp}-${hex}`;
      }
    }
  };
}
