import { utcOffsets } from './contract.ts';

export type TimeZone = keyof typeof utcOffsets;

/** `yyyyMMddHHmmssSSS` of an instant in a zone the spec lists (x-utc-offsets). */
export function time17(at: number, zone: TimeZone): string {
  const shifted = new Date(at + utcOffsets[zone] * 60_000).toISOString(); // 2026-11-21T10:30:00.123Z
  return shifted.slice(0, 23).replace(/[-T:.]/g, '');
}

const hex = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));

/**
 * Correlation ids: `yyMMddHHmmss-` + 7 hex from the CSPRNG, never the same twice
 * from one client (the suffixes of the current second are remembered). Random
 * bytes are drawn from the CSPRNG 1 KiB at a time: one call to it costs more
 * than the rest of signing.
 */
export function correlationIds() {
  let second = '';
  let used = new Set<string>();
  const pool = new Uint8Array(1024);
  let at = pool.length;
  return (time: string): string => {
    const stamp = time.slice(2, 14);
    if (stamp !== second) {
      second = stamp;
      used = new Set();
    }
    for (;;) {
      if (at + 4 > pool.length) {
        crypto.getRandomValues(pool);
        at = 0;
      }
      const suffix =
        `${hex[pool[at] as number]}${hex[pool[at + 1] as number]}${hex[pool[at + 2] as number]}${hex[pool[at + 3] as number]}`.slice(
          0,
          7,
        );
      at += 4;
      if (!used.has(suffix)) {
        used.add(suffix);
        return `${stamp}-${suffix}`;
      }
    }
  };
}
