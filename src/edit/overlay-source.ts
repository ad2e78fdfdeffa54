/**
 * A record source with some files replaced or added in memory: how an edit is
 * validated as part of the whole folder before anything is written.
 */
import { isRecordPath, type RecordSource } from '../load/source.js';

export class OverlaySource implements RecordSource {
  readonly label: string;

  /** `base` may be undefined for a folder that exists only in memory (init). */
  constructor(
    private readonly base: RecordSource | undefined,
    private readonly files: ReadonlyMap<string, Uint8Array>,
  ) {
    this.label = base?.label ?? '(memory)';
  }

  async listRecordFiles(): Promise<string[]> {
    const paths = new Set(this.base ? await this.base.listRecordFiles() : []);
    for (const path of this.files.keys()) if (isRecordPath(path)) paths.add(path);
    return [...paths].sort();
  }

  async readFile(path: string): Promise<Uint8Array> {
    const own = this.files.get(path);
    if (own) return own;
    if (!this.base) throw new Error(`no such file: ${path}`);
    return this.base.readFile(path);
  }
}
