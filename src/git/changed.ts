import type { Lang } from '../i18n/lang.js';
import { UsageError } from '../cli/io.js';

// Placeholder until the git issue lands.
export async function changedRecordFiles(_dir: string, ref: string, _lang: Lang): Promise<Set<string>> {
  throw new UsageError(`--changed ${ref}: not implemented yet`);
}
