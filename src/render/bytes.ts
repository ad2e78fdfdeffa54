/**
 * Output built as UTF-8 bytes, in chunks. A long table is tens of megabytes
 * of text made of a few thousand distinct cells: copying their encoded bytes
 * costs a fraction of building, joining and then encoding one huge string.
 * Chunks are handed out as they fill, so the text is never held whole.
 *
 * Each chunk is a fresh buffer, since its reader may keep it, unless the
 * chunks are lent: the reader is then done with each chunk taken before it
 * lets the writer go on, and their memory is filled again. Tens of megabytes
 * of fresh buffers cost more than their filling: V8 counts them as external
 * memory and, past its limit, marks the whole heap (all the loaded records).
 */
const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Large enough that one write a chunk costs nothing, small enough to be reused memory, not fresh pages. */
export const CHUNK_BYTES = 1 << 20;

export class ByteChunks {
  private full: Uint8Array[] = [];
  /** The whole buffers behind `full`, in the same order. */
  private fullBuffers: Uint8Array[] = [];
  /** Buffers of chunks lent earlier, to be filled again. */
  private spare: Uint8Array[] = [];
  private buffer: Uint8Array;
  private used = 0;

  /**
   * `lend`: chunks taken are lent. Their reader must be done with them
   * before the writer asks for `room` again, which a generator that yields
   * every chunk it takes and is resumed by its reader guarantees.
   */
  constructor(
    private readonly chunkBytes = CHUNK_BYTES,
    private readonly lend = false,
  ) {
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
      this.buffer = this.fresh(Math.max(this.chunkBytes, size));
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
    if (this.lend) this.spare.push(...this.fullBuffers);
    this.fullBuffers = [];
    return full;
  }

  /** The chunks not yet taken, the last one only as far as it is filled. */
  finish(): Uint8Array[] {
    this.hand();
    return this.take();
  }

  private fresh(size: number): Uint8Array {
    const i = this.spare.findIndex((buffer) => buffer.length >= size);
    return i >= 0 ? this.spare.splice(i, 1)[0] : Buffer.allocUnsafe(size);
  }

  private hand(): void {
    if (this.used > 0) {
      this.full.push(this.buffer.subarray(0, this.used));
      this.fullBuffers.push(this.buffer);
    }
    this.buffer = Buffer.allocUnsafe(0);
    this.used = 0;
  }
}

export const encode = (s: string): Uint8Array => encoder.encode(s);
export const decode = (bytes: Uint8Array): string => decoder.decode(bytes);
