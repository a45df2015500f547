// The reproducible tarballs of the docs folder's downloads (packages/codegen/src/tarball.ts, downloads.ts):
// what the writer produces reads back with gunzip and the system's tar, the same entries in any order give
// the same bytes, and check:drift's record catches a tarball whose inputs or bytes changed.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import {
  committedDownloads,
  downloadFiles,
  downloadPath,
  generatedDir,
  inputsDigest,
  readTgz,
  reproducibleTgz,
  shippedPackages,
  storedGzip,
  type TarEntry,
} from '@konaplate-contract/codegen';
import { describe, expect, it } from 'vitest';

const longDir = `package/${'nested-folder/'.repeat(8)}`;
const entries: TarEntry[] = [
  { path: 'package/package.json', executable: false, content: Buffer.from('{"name":"x"}\n') },
  { path: 'package/bin/run.js', executable: true, content: Buffer.from('#!/usr/bin/env node\n') },
  { path: 'package/empty.txt', executable: false, content: Buffer.alloc(0) },
  // Over one stored deflate block (65,535 bytes) and not a multiple of 512.
  { path: 'package/dist/big.js', executable: false, content: Buffer.alloc(70_001, 'a') },
  // Over the 100 bytes of a ustar name: split into prefix and name.
  { path: `${longDir}file.js`, executable: false, content: Buffer.from('long\n') },
];
const byPath = (list: TarEntry[]) =>
  [...list].sort((a, b) => (a.path < b.path ? -1 : 1)).map((e) => ({ ...e, content: Buffer.from(e.content) }));

describe('reproducibleTgz', () => {
  const tgz = reproducibleTgz(entries);

  it('reads back entry by entry, in path order, modes kept', () => {
    expect(byPath(readTgz(tgz))).toEqual(byPath(entries));
    expect(readTgz(tgz).map((e) => e.path)).toEqual(byPath(entries).map((e) => e.path));
  });

  it('is a gzip the system tar lists: names, sizes, 0755 for a bin and 0644 otherwise, npm’s fixed time', () => {
    const dir = mkdtempSync(join(tmpdir(), 'konaplate-tar-'));
    try {
      writeFileSync(join(dir, 'x.tgz'), tgz);
      const listing = execFileSync('tar', ['-tvzf', join(dir, 'x.tgz')], { encoding: 'utf8', env: { TZ: 'UTC' } });
      expect(listing).toMatch(/^-rwxr-xr-x 0\/0 +20 1985-10-26 08:15 package\/bin\/run\.js$/m);
      expect(listing).toMatch(/^-rw-r--r-- 0\/0 +70001 1985-10-26 08:15 package\/dist\/big\.js$/m);
      expect(listing).toContain(`${longDir}file.js`);
      expect(listing.trim().split('\n')).toHaveLength(entries.length);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('gives the same bytes for the same entries in any order', () => {
    expect(reproducibleTgz([...entries].reverse()).equals(tgz)).toBe(true);
    const changed = entries.map((e, i) => (i === 0 ? { ...e, content: Buffer.from('{"name":"y"}\n') } : e));
    expect(reproducibleTgz(changed).equals(tgz)).toBe(false);
  });

  it('refuses a path no ustar header can hold', () => {
    expect(() =>
      reproducibleTgz([{ path: `package/${'x'.repeat(120)}`, executable: false, content: Buffer.alloc(1) }]),
    ).toThrow(/too long for a ustar header/);
  });
});

describe('storedGzip', () => {
  it.each([0, 1, 65_535, 65_536, 200_000])('%i bytes: gunzip gives them back, with no time in the header', (n) => {
    const data = Buffer.alloc(n, 7);
    const gz = storedGzip(data);
    expect(gunzipSync(gz).equals(data)).toBe(true);
    expect([...gz.subarray(4, 8)]).toEqual([0, 0, 0, 0]);
  });
});

describe('the record of what each download was built from', () => {
  const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

  it('matches the committed tarballs: every input digest and byte digest as recorded', async () => {
    const manifest = JSON.parse(readFileSync(join(generatedDir, 'downloads.json'), 'utf8'));
    for (const pkg of shippedPackages()) {
      expect(manifest[pkg.file]?.inputs, pkg.file).toBe(inputsDigest(pkg));
      expect(manifest[pkg.file]?.sha256, pkg.file).toBe(sha256(readFileSync(join(generatedDir, downloadPath(pkg)))));
    }
  });

  it('without packing, calls a tarball out of date when its inputs or its bytes differ from the record', async () => {
    const previous = await committedDownloads();
    const [first, second] = shippedPackages();
    const [a, b] = [String(first?.file), String(second?.file)];
    const tampered = {
      manifest: {
        ...previous.manifest,
        [a]: { ...previous.manifest[a], inputs: '0'.repeat(64) } as { inputs: string; sha256: string },
      },
      bytes: new Map(previous.bytes).set(b, Buffer.from('not the packed bytes')),
    };
    const checked = await downloadFiles(tampered, { build: false });
    expect(checked.outdated.sort()).toEqual([downloadPath(first as never), downloadPath(second as never)].sort());
    expect(checked.built).toEqual([]);
    const untouched = await downloadFiles(previous, { build: false });
    expect(untouched.outdated).toEqual([]);
  });
});
