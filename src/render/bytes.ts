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
  private written = 0;

  get length(): number {
    return this.written;
  }

  text(s: string): void {
    // UTF-16 code units become at most 3 bytes each.
    this.reserve(s.length * 3);
    this.written += encoder.encodeInto(s, this.buffer.subarray(this.written)).written;
  }

  result(): Uint8Array {
    return this.buffer.subarray(0, this.written);
  }

  /**
   * Room for `extra` more bytes, for a caller that copies many small chunks
   * itself (a long table): it writes from `length` on, then calls `advance`.
   */
  reserve(extra: number): Uint8Array {
    if (this.written + extra > this.buffer.length) {
      const grown = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.written + extra));
      grown.set(this.buffer.subarray(0, this.written));
      this.buffer = grown;
    }
    return this.buffer;
  }

  /** Counts `n` bytes written into the buffer `reserve` returned. */
  advance(n: number): void {
    this.written += n;
  }
}

export const encode = (s: string): Uint8Array => encoder.encode(s);
export const decode = (bytes: Uint8Array): string => decoder.decode(bytes);
