import { utcOffsets } from './contract.ts';

export type TimeZone = keyof typeof utcOffsets;

/** `yyyyMMddHHmmssSSS` of an instant in a zone the spec lists (x-utc-offsets). */
export function time17(at: number, zone: TimeZone): string {
  const shifted = new Date(at + utcOffsets[zone] * 60_000).toISOString(); // 2026-11-21T10:30:00.123Z
  return shifted.slice(0, 23).replace(/[-T:.]/g, '');
}
