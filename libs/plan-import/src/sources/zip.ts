import { crc32, inflateRawSync } from 'node:zlib';

import { PlanImportError } from '../errors.js';
import type { ImportLimits } from '../preview.js';

type ZipEntry = {
  readonly name: string;
  readonly method: number;
  readonly flags: number;
  readonly crc: number;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  readonly localHeaderOffset: number;
};

const EOCD_SIGNATURE = 0x06054b50;
const ZIP64_EOCD_LOCATOR_SIGNATURE = 0x07064b50;
const ZIP64_EOCD_SIGNATURE = 0x06064b50;
const CENTRAL_HEADER_SIGNATURE = 0x02014b50;
const LOCAL_HEADER_SIGNATURE = 0x04034b50;
const ONE_MIB = 1024 * 1024;

export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5);
}

function corrupt(kind: string, reason: string): PlanImportError {
  return new PlanImportError('NOT_A_ZIP', `The ${kind} file is not a readable ZIP archive (${reason}).`);
}

/**
 * A ZIP archive read with the limits checked from its central directory before anything is
 * inflated, and every entry inflated with a cap at its declared size (a lying header cannot make
 * it grow past the limits either).
 */
export class SafeZip {
  private readonly entries: ReadonlyMap<string, ZipEntry>;
  private readonly view: DataView;

  constructor(
    private readonly bytes: Uint8Array,
    private readonly kind: string,
    private readonly limits: ImportLimits,
  ) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const entries = this.readCentralDirectory();
    this.checkLimits(entries);
    this.entries = new Map(entries.map((entry) => [entry.name, entry]));
  }

  names(): string[] {
    return [...this.entries.keys()];
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  read(name: string): Uint8Array | null {
    const entry = this.entries.get(name);
    return entry === undefined ? null : this.inflate(entry);
  }

  readText(name: string): string | null {
    const data = this.read(name);
    return data === null ? null : new TextDecoder('utf-8').decode(data);
  }

  /** Inflates every entry once, so that a library reading the archive afterwards meets no surprise. */
  verifyAll(): void {
    for (const entry of this.entries.values()) this.inflate(entry);
  }

  private u16(offset: number): number {
    if (offset < 0 || offset + 2 > this.bytes.length) throw corrupt(this.kind, 'truncated');
    return this.view.getUint16(offset, true);
  }

  private u32(offset: number): number {
    if (offset < 0 || offset + 4 > this.bytes.length) throw corrupt(this.kind, 'truncated');
    return this.view.getUint32(offset, true);
  }

  private u64(offset: number): number {
    const low = this.u32(offset);
    const high = this.u32(offset + 4);
    if (high > 0x1fffff) throw corrupt(this.kind, 'a size beyond any real document');
    return high * 0x100000000 + low;
  }

  private findEndOfCentralDirectory(): number {
    const lowest = Math.max(0, this.bytes.length - 22 - 0xffff);
    for (let offset = this.bytes.length - 22; offset >= lowest; offset -= 1) {
      if (this.view.getUint32(offset, true) === EOCD_SIGNATURE) return offset;
    }
    throw corrupt(this.kind, 'no end of central directory');
  }

  private readCentralDirectory(): ZipEntry[] {
    if (this.bytes.length < 22) throw corrupt(this.kind, 'too short');
    const eocd = this.findEndOfCentralDirectory();
    let count = this.u16(eocd + 10);
    let directorySize = this.u32(eocd + 12);
    let directoryOffset = this.u32(eocd + 16);
    if (count === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff) {
      const locator = eocd - 20;
      if (locator < 0 || this.u32(locator) !== ZIP64_EOCD_LOCATOR_SIGNATURE) throw corrupt(this.kind, 'bad ZIP64 end');
      const zip64 = this.u64(locator + 8);
      if (this.u32(zip64) !== ZIP64_EOCD_SIGNATURE) throw corrupt(this.kind, 'bad ZIP64 end');
      count = this.u64(zip64 + 32);
      directorySize = this.u64(zip64 + 40);
      directoryOffset = this.u64(zip64 + 48);
    }
    if (count > this.limits.maxZipEntries) {
      throw new PlanImportError(
        'ZIP_BOMB',
        `The ${this.kind} file lists ${count} entries, more than the ${this.limits.maxZipEntries} allowed.`,
      );
    }
    if (directoryOffset + directorySize > this.bytes.length) throw corrupt(this.kind, 'central directory out of range');
    const entries: ZipEntry[] = [];
    let offset = directoryOffset;
    for (let index = 0; index < count; index += 1) {
      if (this.u32(offset) !== CENTRAL_HEADER_SIGNATURE) throw corrupt(this.kind, 'bad central directory entry');
      const flags = this.u16(offset + 8);
      const method = this.u16(offset + 10);
      const crc = this.u32(offset + 16);
      let compressedSize = this.u32(offset + 20);
      let uncompressedSize = this.u32(offset + 24);
      const nameLength = this.u16(offset + 28);
      const extraLength = this.u16(offset + 30);
      const commentLength = this.u16(offset + 32);
      let localHeaderOffset = this.u32(offset + 42);
      const nameStart = offset + 46;
      if (nameStart + nameLength + extraLength > this.bytes.length) throw corrupt(this.kind, 'truncated entry');
      const name = new TextDecoder('utf-8').decode(this.bytes.subarray(nameStart, nameStart + nameLength));
      let extra = nameStart + nameLength;
      const extraEnd = extra + extraLength;
      while (extra + 4 <= extraEnd) {
        const id = this.u16(extra);
        const size = this.u16(extra + 2);
        if (id === 0x0001) {
          let field = extra + 4;
          if (uncompressedSize === 0xffffffff) {
            uncompressedSize = this.u64(field);
            field += 8;
          }
          if (compressedSize === 0xffffffff) {
            compressedSize = this.u64(field);
            field += 8;
          }
          if (localHeaderOffset === 0xffffffff) localHeaderOffset = this.u64(field);
        }
        extra += 4 + size;
      }
      entries.push({ name, method, flags, crc, compressedSize, uncompressedSize, localHeaderOffset });
      offset = extraEnd + commentLength;
    }
    return entries;
  }

  private checkLimits(entries: readonly ZipEntry[]): void {
    let total = 0;
    let compressed = 0;
    for (const entry of entries) {
      total += entry.uncompressedSize;
      compressed += entry.compressedSize;
      if (
        entry.uncompressedSize > ONE_MIB &&
        entry.uncompressedSize > entry.compressedSize * this.limits.maxCompressionRatio
      ) {
        throw new PlanImportError(
          'ZIP_BOMB',
          `The ${this.kind} file's entry ${entry.name} inflates more than ${this.limits.maxCompressionRatio} times: refused as a ZIP bomb.`,
        );
      }
    }
    if (total > this.limits.maxUncompressedBytes) {
      throw new PlanImportError(
        'ZIP_BOMB',
        `The ${this.kind} file would inflate to ${total} bytes, more than the ${this.limits.maxUncompressedBytes} allowed.`,
      );
    }
    if (total > ONE_MIB && total > Math.max(compressed, 1) * this.limits.maxCompressionRatio) {
      throw new PlanImportError(
        'ZIP_BOMB',
        `The ${this.kind} file inflates more than ${this.limits.maxCompressionRatio} times: refused as a ZIP bomb.`,
      );
    }
  }

  private inflate(entry: ZipEntry): Uint8Array {
    if ((entry.flags & 0x1) !== 0) {
      throw new PlanImportError('ENCRYPTED', `The ${this.kind} file is password-protected: remove the password first.`);
    }
    const local = entry.localHeaderOffset;
    if (this.u32(local) !== LOCAL_HEADER_SIGNATURE) throw corrupt(this.kind, `bad local header for ${entry.name}`);
    const start = local + 30 + this.u16(local + 26) + this.u16(local + 28);
    const end = start + entry.compressedSize;
    if (end > this.bytes.length) throw corrupt(this.kind, `entry ${entry.name} out of range`);
    const data = this.bytes.subarray(start, end);
    let output: Uint8Array;
    if (entry.method === 0) {
      output = data;
    } else if (entry.method === 8) {
      try {
        output = inflateRawSync(data, { maxOutputLength: Math.max(entry.uncompressedSize, 1) });
      } catch (error) {
        // By its code: the error may come from another realm than this module's RangeError.
        if (typeof error === 'object' && error !== null && 'code' in error && error.code === 'ERR_BUFFER_TOO_LARGE') {
          throw new PlanImportError(
            'ZIP_BOMB',
            `The ${this.kind} file's entry ${entry.name} inflates past its declared size: refused.`,
          );
        }
        throw corrupt(this.kind, `entry ${entry.name} does not inflate`);
      }
    } else {
      throw corrupt(this.kind, `entry ${entry.name} uses compression method ${entry.method}`);
    }
    if (output.length !== entry.uncompressedSize) throw corrupt(this.kind, `entry ${entry.name} has the wrong size`);
    if (crc32(output) !== entry.crc) throw corrupt(this.kind, `entry ${entry.name} fails its checksum`);
    return output;
  }
}
