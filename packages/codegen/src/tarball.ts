// A package tarball made reproducible: the entries of what `pnpm pack` wrote, written again as a plain
// ustar archive in path order, with fixed times, owners and modes, inside a gzip member whose deflate
// stream is stored, not compressed. zlib's compressed bytes depend on its version and on the CPU it
// runs on; stored blocks are the same everywhere, so the drift check can compare the downloads byte for
// byte. (A web server may still compress them on the way.)
import { crc32, gunzipSync } from 'node:zlib';

export interface TarEntry {
  path: string;
  /** Whether any execute bit was set (a bin): written 0755, else 0644. */
  executable: boolean;
  content: Uint8Array;
}

/** npm's own fixed time for packed files (1985-10-26T08:15:00Z), in seconds. */
const packedTime = 499162500;
const block = 512;

const text = (bytes: Uint8Array) =>
  Buffer.from(bytes)
    .toString('utf8')
    .replace(/\0[\s\S]*$/, '');
const octal = (bytes: Uint8Array) => Number.parseInt(text(bytes).trim() || '0', 8);

/** The files of a .tgz (ustar, with pax path records), in archive order. Directories are implied. */
export function readTgz(tgz: Uint8Array): TarEntry[] {
  const tar = gunzipSync(tgz);
  const entries: TarEntry[] = [];
  let paxPath: string | undefined;
  for (let at = 0; at + block <= tar.length; ) {
    const header = tar.subarray(at, at + block);
    if (header.every((b) => b === 0)) break;
    const size = octal(header.subarray(124, 136));
    const type = String.fromCharCode(header[156] ?? 0);
    const body = tar.subarray(at + block, at + block + size);
    at += block + Math.ceil(size / block) * block;
    if (type === 'x') {
      paxPath = /(?:^|\n)\d+ path=([^\n]*)\n/.exec(Buffer.from(body).toString('utf8'))?.[1];
      continue;
    }
    if (type !== '0' && type !== '\0') continue; // directories, global pax headers
    const prefix = text(header.subarray(345, 500));
    const name = text(header.subarray(0, 100));
    const path = paxPath ?? (prefix ? `${prefix}/${name}` : name);
    paxPath = undefined;
    entries.push({ path, executable: (octal(header.subarray(100, 108)) & 0o111) !== 0, content: body });
  }
  return entries;
}

function field(header: Buffer, offset: number, length: number, value: string): void {
  const bytes = Buffer.from(value, 'utf8');
  if (bytes.length > length) throw new Error(`tar: "${value}" does not fit in ${length} bytes`);
  bytes.copy(header, offset);
}

const octalField = (value: number, length: number) => `${value.toString(8).padStart(length - 1, '0')}\0`;

/** One ustar header (a path over 100 bytes is split into prefix and name at a slash). */
function headerOf(entry: TarEntry): Buffer {
  const header = Buffer.alloc(block);
  let name = entry.path;
  let prefix = '';
  if (Buffer.byteLength(name) > 100) {
    const cut = name.lastIndexOf('/', name.length - 1);
    [prefix, name] = [name.slice(0, cut), name.slice(cut + 1)];
    if (cut === -1 || Buffer.byteLength(name) > 100 || Buffer.byteLength(prefix) > 155)
      throw new Error(`tar: the path ${entry.path} is too long for a ustar header`);
  }
  field(header, 0, 100, name);
  field(header, 100, 8, octalField(entry.executable ? 0o755 : 0o644, 8));
  field(header, 108, 8, octalField(0, 8));
  field(header, 116, 8, octalField(0, 8));
  field(header, 124, 12, octalField(entry.content.length, 12));
  field(header, 136, 12, octalField(packedTime, 12));
  field(header, 156, 1, '0');
  field(header, 257, 6, 'ustar\0');
  field(header, 263, 2, '00');
  field(header, 345, 155, prefix);
  // The checksum is summed with its own field as eight spaces.
  header.fill(0x20, 148, 156);
  const sum = header.reduce((total, byte) => total + byte, 0);
  field(header, 148, 8, `${sum.toString(8).padStart(6, '0')}\0 `);
  return header;
}

/** A gzip member holding `data` in stored deflate blocks (RFC 1951 §3.2.4, RFC 1952): no compression, no time. */
export function storedGzip(data: Uint8Array): Buffer {
  const parts: Buffer[] = [Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 255])];
  const most = 0xffff;
  for (let at = 0; at < data.length || at === 0; at += most) {
    const chunk = data.subarray(at, Math.min(at + most, data.length));
    const last = at + most >= data.length;
    const head = Buffer.alloc(5);
    head[0] = last ? 1 : 0;
    head.writeUInt16LE(chunk.length, 1);
    head.writeUInt16LE(~chunk.length & 0xffff, 3);
    parts.push(head, Buffer.from(chunk));
    if (last) break;
  }
  const tail = Buffer.alloc(8);
  tail.writeUInt32LE(crc32(data) >>> 0, 0);
  tail.writeUInt32LE(data.length % 2 ** 32, 4);
  parts.push(tail);
  return Buffer.concat(parts);
}

/** The entries as a reproducible .tgz: sorted by path, fixed metadata, stored gzip. */
export function reproducibleTgz(entries: readonly TarEntry[]): Buffer {
  const sorted = [...entries].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const parts: Buffer[] = [];
  for (const entry of sorted) {
    parts.push(headerOf(entry), Buffer.from(entry.content));
    const pad = (block - (entry.content.length % block)) % block;
    if (pad) parts.push(Buffer.alloc(pad));
  }
  parts.push(Buffer.alloc(block * 2));
  return storedGzip(Buffer.concat(parts));
}
