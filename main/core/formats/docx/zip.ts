import { Inflate, deflateSync } from 'fflate';
import { CalqueError } from '../../../contract/api.js';
import { crc32 } from './crc32.js';

/**
 * A small zip layer for Office files on fflate's inflate/deflate. We read the central directory
 * ourselves so that (1) every entry's raw bytes can be copied untouched when the archive is written
 * again (a save changes only the parts it changed), and (2) limits apply before and while inflating:
 * entry count, each entry's and the total uncompressed size, and the compression ratio (zip bombs lie
 * in their headers, so the inflated bytes are counted as they come).
 */

export interface ZipLimits {
  maxEntries: number;
  /** Uncompressed bytes of one entry. */
  maxEntryBytes: number;
  /** Uncompressed bytes of all entries read from one archive. */
  maxTotalBytes: number;
  /** Uncompressed / compressed size of an entry above `ratioFloorBytes`. */
  maxRatio: number;
  ratioFloorBytes: number;
}

export const ZIP_LIMITS: ZipLimits = {
  maxEntries: 5_000,
  maxEntryBytes: 128 * 1024 * 1024,
  maxTotalBytes: 256 * 1024 * 1024,
  maxRatio: 200,
  ratioFloorBytes: 1024 * 1024,
};

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  /** Offset of the local file header. */
  localOffset: number;
  /** The central directory record as it was (copied on write with a new offset). */
  central: Uint8Array;
  /** The raw local record: header, data and data descriptor, copied as they are on write. */
  record: Uint8Array;
  /** Offset of the compressed data inside `record`. */
  dataOffset: number;
}

export interface ZipArchive {
  entries: ZipEntry[];
  /** The archive comment and anything else after the central directory, kept on write. */
  trailer: Uint8Array;
}

const u16 = (b: Uint8Array, o: number) => b[o]! | (b[o + 1]! << 8);
const u32 = (b: Uint8Array, o: number) => (b[o]! | (b[o + 1]! << 8) | (b[o + 2]! << 16) | (b[o + 3]! << 24)) >>> 0;

function notAZip(path: string, reason: string): CalqueError {
  return new CalqueError('zipInvalid', { path, reason });
}

function tooLarge(path: string, reason: string): CalqueError {
  return new CalqueError('zipTooLarge', { path, reason });
}

/** Read the archive's directory (nothing is inflated yet). Throws zipInvalid or zipTooLarge. */
export function openZip(bytes: Uint8Array, path: string, limits: ZipLimits = ZIP_LIMITS): ZipArchive {
  if (bytes.length < 22 || u32(bytes, 0) !== 0x04034b50) throw notAZip(path, 'no zip signature');
  // The end-of-central-directory record is in the last 64 KiB + 22 bytes.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65_557); i--) {
    if (u32(bytes, i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw notAZip(path, 'no end of central directory');
  const count = u16(bytes, eocd + 10);
  const cdSize = u32(bytes, eocd + 12);
  const cdOffset = u32(bytes, eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff) throw tooLarge(path, 'zip64');
  if (count > limits.maxEntries) throw tooLarge(path, `${count} entries (limit ${limits.maxEntries})`);
  if (cdOffset + cdSize > eocd) throw notAZip(path, 'central directory out of range');
  const raw: Omit<ZipEntry, 'record' | 'dataOffset'>[] = [];
  let p = cdOffset;
  let declaredTotal = 0;
  for (let i = 0; i < count; i++) {
    if (p + 46 > eocd || u32(bytes, p) !== 0x02014b50) throw notAZip(path, 'broken central directory');
    const flags = u16(bytes, p + 8);
    const method = u16(bytes, p + 10);
    const crc = u32(bytes, p + 16);
    const compressedSize = u32(bytes, p + 20);
    const size = u32(bytes, p + 24);
    const nameLen = u16(bytes, p + 28);
    const extraLen = u16(bytes, p + 30);
    const commentLen = u16(bytes, p + 32);
    const localOffset = u32(bytes, p + 42);
    const end = p + 46 + nameLen + extraLen + commentLen;
    if (end > eocd) throw notAZip(path, 'broken central directory');
    if (flags & 1) throw notAZip(path, 'encrypted entry');
    const name = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(p + 46, p + 46 + nameLen));
    if (size > limits.maxEntryBytes) throw tooLarge(path, `${name}: ${size} bytes`);
    declaredTotal += size;
    if (declaredTotal > limits.maxTotalBytes) throw tooLarge(path, `${declaredTotal} bytes in all`);
    if (size > limits.ratioFloorBytes && size / Math.max(1, compressedSize) > limits.maxRatio) throw tooLarge(path, `${name}: compression ratio`);
    if (localOffset + 30 > cdOffset) throw notAZip(path, 'entry out of range');
    raw.push({ name, method, crc, compressedSize, size, localOffset, central: bytes.slice(p, end) });
    p = end;
  }
  // Each local record runs to the next one (or to the central directory): header, data, descriptor.
  const starts = [...new Set(raw.map((e) => e.localOffset))].sort((a, b) => a - b);
  const entries = raw.map((e): ZipEntry => {
    const next = starts.find((s) => s > e.localOffset) ?? cdOffset;
    if (u32(bytes, e.localOffset) !== 0x04034b50) throw notAZip(path, `${e.name}: bad local header`);
    const dataOffset = 30 + u16(bytes, e.localOffset + 26) + u16(bytes, e.localOffset + 28);
    if (e.localOffset + dataOffset + e.compressedSize > next) throw notAZip(path, `${e.name}: data out of range`);
    return { ...e, record: bytes.subarray(e.localOffset, next), dataOffset };
  });
  return { entries, trailer: bytes.slice(eocd + 22) };
}

/** Counts what one archive inflated, against the total limit. */
export class InflateBudget {
  used = 0;
  constructor(readonly limits: ZipLimits = ZIP_LIMITS) {}
}

/** An entry's uncompressed bytes, counted as they are inflated; throws zipTooLarge past a limit. */
export function readEntry(entry: ZipEntry, path: string, budget: InflateBudget = new InflateBudget()): Uint8Array {
  const { limits } = budget;
  const data = entry.record.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
  if (entry.method === 0) return checkCrc(entry, data.slice(), path);
  if (entry.method !== 8) throw notAZip(path, `${entry.name}: compression method ${entry.method}`);
  const chunks: Uint8Array[] = [];
  let size = 0;
  const inflate = new Inflate((chunk) => {
    size += chunk.length;
    budget.used += chunk.length;
    if (size > limits.maxEntryBytes || size > entry.size) throw tooLarge(path, `${entry.name}: more bytes than declared`);
    if (budget.used > limits.maxTotalBytes) throw tooLarge(path, `${budget.used} bytes in all`);
    if (size > limits.ratioFloorBytes && size / Math.max(1, entry.compressedSize) > limits.maxRatio) throw tooLarge(path, `${entry.name}: compression ratio`);
    chunks.push(chunk);
  });
  const STEP = 16 * 1024;
  try {
    for (let o = 0; o < data.length; o += STEP) inflate.push(data.subarray(o, Math.min(data.length, o + STEP)), o + STEP >= data.length);
    if (data.length === 0) inflate.push(new Uint8Array(0), true);
  } catch (err) {
    if (err instanceof CalqueError) throw err;
    throw notAZip(path, `${entry.name}: ${(err as Error).message}`);
  }
  const out = new Uint8Array(size);
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return checkCrc(entry, out, path);
}

function checkCrc(entry: ZipEntry, out: Uint8Array, path: string): Uint8Array {
  if (out.length !== entry.size || crc32(out) !== entry.crc) throw notAZip(path, `${entry.name}: checksum mismatch`);
  return out;
}

/**
 * Write the archive again: entries in `replaced` get new deflated data (or stored, if they were
 * stored); every other entry's local record and central record are copied byte for byte.
 */
export function writeZip(archive: ZipArchive, replaced: ReadonlyMap<string, Uint8Array>, added: readonly { name: string; data: Uint8Array }[] = []): Uint8Array {
  const records: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  const push = (local: Uint8Array, central: Uint8Array) => {
    const c = central.slice();
    new DataView(c.buffer, c.byteOffset).setUint32(42, offset, true);
    records.push(local);
    centrals.push(c);
    offset += local.length;
  };
  for (const e of archive.entries) {
    const data = replaced.get(e.name);
    if (!data) {
      push(e.record, e.central);
      continue;
    }
    const { local, central } = buildRecord(e.name, data, e.method === 0 ? 0 : 8, e.central);
    push(local, central);
  }
  for (const a of added) {
    const { local, central } = buildRecord(a.name, a.data, 8);
    push(local, central);
  }
  const cdSize = centrals.reduce((n, c) => n + c.length, 0);
  const eocd = new Uint8Array(22);
  const v = new DataView(eocd.buffer);
  v.setUint32(0, 0x06054b50, true);
  v.setUint16(8, centrals.length, true);
  v.setUint16(10, centrals.length, true);
  v.setUint32(12, cdSize, true);
  v.setUint32(16, offset, true);
  v.setUint16(20, archive.trailer.length, true);
  return concat([...records, ...centrals, eocd, archive.trailer]);
}

/** A fresh archive (for files we generate), entries deflated in the given order. */
export function createZip(files: readonly { name: string; data: Uint8Array }[]): Uint8Array {
  return writeZip({ entries: [], trailer: new Uint8Array(0) }, new Map(), files);
}

/** A local and a central record for new data; the old central record's version, attributes and extra fields are kept. */
function buildRecord(name: string, data: Uint8Array, method: number, oldCentral?: Uint8Array) {
  const nameBytes = new TextEncoder().encode(name);
  const body = method === 0 ? data : deflateSync(data, { level: 6 });
  const crc = crc32(data);
  const local = new Uint8Array(30 + nameBytes.length + body.length);
  const lv = new DataView(local.buffer);
  lv.setUint32(0, 0x04034b50, true);
  lv.setUint16(4, 20, true);
  lv.setUint16(6, 0x0800, true); // UTF-8 names, no data descriptor
  lv.setUint16(8, method, true);
  lv.setUint32(10, oldCentral ? u32(oldCentral, 12) : DOS_EPOCH, true);
  lv.setUint32(14, crc, true);
  lv.setUint32(18, body.length, true);
  lv.setUint32(22, data.length, true);
  lv.setUint16(26, nameBytes.length, true);
  local.set(nameBytes, 30);
  local.set(body, 30 + nameBytes.length);
  const extraAndComment = oldCentral ? oldCentral.subarray(46 + u16(oldCentral, 28)) : new Uint8Array(0);
  const extraLen = oldCentral ? u16(oldCentral, 30) : 0;
  const commentLen = oldCentral ? u16(oldCentral, 32) : 0;
  const central = new Uint8Array(46 + nameBytes.length + extraAndComment.length);
  const cv = new DataView(central.buffer);
  cv.setUint32(0, 0x02014b50, true);
  cv.setUint16(4, oldCentral ? u16(oldCentral, 4) : 20, true);
  cv.setUint16(6, 20, true);
  cv.setUint16(8, 0x0800, true);
  cv.setUint16(10, method, true);
  cv.setUint32(12, lv.getUint32(10, true), true);
  cv.setUint32(16, crc, true);
  cv.setUint32(20, body.length, true);
  cv.setUint32(24, data.length, true);
  cv.setUint16(28, nameBytes.length, true);
  cv.setUint16(30, extraLen, true);
  cv.setUint16(32, commentLen, true);
  if (oldCentral) {
    cv.setUint16(36, u16(oldCentral, 36), true);
    cv.setUint32(38, u32(oldCentral, 38), true);
  }
  central.set(nameBytes, 46);
  central.set(extraAndComment, 46 + nameBytes.length);
  return { local, central };
}

/** 1980-01-01 00:00 in DOS time/date (what Word writes for generated parts). */
const DOS_EPOCH = (0x21 << 16) | 0;

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}
