/**
 * Output built as UTF-8 bytes. A long table is tens of megabytes of text
 * made of a few thousand distinct cells: copying their encoded bytes costs a
 * fraction of building, joining and then encoding one huge string.
 */
const encoder = new TextEncoder();
const decoder = new TextDecoder();

export class ByteBuilder {
  // allocUnsafe: every byte handed out has been written; zeroing tens of megabytes first would be wasted.
  private buffer: Uint8Array = Buffer.allocUnsafe(1 << 16);
  private length = 0;

  /** Appends bytes encoded earlier (see `encode`). */
  bytes(chunk: Uint8Array): void {
    const n = chunk.length;
    this.reserve(n);
    const buffer = this.buffer;
    const at = this.length;
    // A table cell is a few dozen bytes, where a loop beats set()'s call overhead severalfold.
    if (n < 64) for (let i = 0; i < n; i++) buffer[at + i] = chunk[i];
    else buffer.set(chunk, at);
    this.length = at + n;
  }

  text(s: string): void {
    // UTF-16 code units become at most 3 bytes each.
    this.reserve(s.length * 3);
    this.length += encoder.encodeInto(s, this.buffer.subarray(this.length)).written;
  }

  result(): Uint8Array {
    return this.buffer.subarray(0, this.length);
  }

  /** Makes room for `extra` more bytes (once, for a table whose size is known). */
  reserve(extra: number): void {
    if (this.length + extra <= this.buffer.length) return;
    const grown = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.length + extra));
    grown.set(this.buffer.subarray(0, this.length));
    this.buffer = grown;
  }
}

export const encode = (s: string): Uint8Array => encoder.encode(s);
export const decode = (bytes: Uint8Array): string => decoder.decode(bytes);
