/** A records folder held in memory, for in-process loader and validator tests. */
import type { RecordSource } from '../../src/load/source.js';
import { isSkippedFolder, RECORD_FILE } from '../../src/load/source.js';

export class InMemorySource implements RecordSource {
  readonly label = '(memory)';
  private readonly files: Map<string, Uint8Array>;

  /** `files`: relative path with `/` → text (written as UTF-8) or raw bytes. */
  constructor(files: Record<string, string | Uint8Array>) {
    this.files = new Map(Object.entries(files).map(([p, c]) => [p, typeof c === 'string' ? new TextEncoder().encode(c) : c]));
  }

  async listRecordFiles(): Promise<string[]> {
    return [...this.files.keys()]
      .filter((p) => RECORD_FILE.test(p) && !p.split('/').slice(0, -1).some(isSkippedFolder))
      .sort();
  }

  async readFile(path: string): Promise<Uint8Array> {
    const bytes = this.files.get(path);
    if (!bytes) throw new Error(`ENOENT: ${path}`);
    return bytes;
  }
}

/**
 * A folder whose file at `path` reads as `first` the first time and as
 * `then` ever after: a clerk saving it while it is read. `reads` counts the
 * readings of that file.
 */
export class ChangingSource extends InMemorySource {
  reads = 0;

  constructor(
    files: Record<string, string | Uint8Array>,
    private readonly path: string,
    private readonly first: string,
    private readonly then: string,
  ) {
    super(files);
  }

  override async readFile(path: string): Promise<Uint8Array> {
    if (path !== this.path) return super.readFile(path);
    return new TextEncoder().encode(this.reads++ === 0 ? this.first : this.then);
  }
}
