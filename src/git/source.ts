import type { Lang } from '../i18n/lang.js';
import type { RecordSource } from '../load/source.js';
import { UsageError } from '../cli/io.js';

// Placeholder until the git issue lands: --rev is parsed but not yet served.
export async function gitRevisionSource(_dir: string, rev: string, _lang: Lang): Promise<RecordSource> {
  throw new UsageError(`--rev ${rev}: reading a git revision is not implemented yet`);
}
