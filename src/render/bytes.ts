/**
 * Output built as UTF-8 bytes, in chunks. A long table is tens of megabytes
 * of text made of a few thousand distinct cells: copying their encoded bytes
 * costs a fraction of building, joining and then encoding one huge string.
 * Chunks are handed out as they fill, so the text is never held whole, and
 * each is a fresh buffer, since its reader may keep it (an asynchronous pipe).
 */
const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Large enough that one write a chunk costs nothing, small enough to be reused memory, not fresh pages. */
export const CHUNK_BYTES = 1 << 20;

export class ByteChunks {
  private full: Uint8Array[] = [];
  private buffer: Uint8Array;
  private used = 0;

  constructor(private readonly chunkBytes = CHUNK_BYTES) {
    // allocUnsafe: every byte handed out has been written; zeroing them first would be wasted.
    this.buffer = Buffer.allocUnsafe(chunkBytes);
  }

  /** Where the next byte goes in the buffer `room` returns. */
  get offset(): number {
    return this.used;
  }

  /**
   * A buffer with room for `size` more bytes from `offset` on, for a caller
   * that copies many small pieces itself (a long table), then calls `advance`.
   */
  room(size: number): Uint8Array {
    if (this.used + size > this.buffer.length) {
      this.hand();
      this.buffer = Buffer.allocUnsafe(Math.max(this.chunkBytes, size));
    }
    return this.buffer;
  }

  /** Counts `n` bytes copied into the buffer `room` returned. */
  advance(n: number): void {
    this.used += n;
  }

  text(s: string): void {
    // UTF-16 code units become at most 3 bytes each.
    const buffer = this.room(s.length * 3);
    this.used += encoder.encodeInto(s, buffer.subarray(this.used)).written;
  }

  /** Whether a chunk is filled and waits to be taken. */
  get ready(): boolean {
    return this.full.length > 0;
  }

  /** The chunks filled since the last call. */
  take(): Uint8Array[] {
    const full = this.full;
    this.full = [];
    return full;
  }

  /** The chunks not yet taken, the last one only as far as it is filled. */
  finish(): Uint8Array[] {
    this.hand();
    return this.take();
  }

  private hand(): void {
    if (this.used > 0) this.full.push(this.buffer.subarray(0, this.used));
    this.buffer = Buffer.allocUnsafe(0);
    this.used = 0;
  }
}

export const encode = (s: string): Uint8Array => encoder.encode(s);
export const decode = (bytes: Uint8Array): string => decoder.decode(bytes);
