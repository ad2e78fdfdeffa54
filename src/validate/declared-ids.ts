/**
 * The ids a record file declares, read from its text without parsing it: for
 * files that could not be used (broken YAML, not UTF-8), so that references
 * to their parties or plans are not reported as unknown on top of the
 * file's own error. A guess is harmless here: the folder already has an
 * error, and once the file is fixed its ids are checked properly.
 */
export interface DeclaredIds {
  /** The file's `kind`, when a line says it. */
  kind: 'plan' | 'parties' | undefined;
  ids: string[];
}

const KIND_LINE = /^kind[ \t]*:[ \t]*(["']?)(plan|parties)\1[ \t]*(?:#.*)?$/m;
// `id: x` as a key of a block mapping, a list item or a flow mapping, quoted or not.
const ID_PAIR = /(?:^|[\s{,-])id[ \t]*:[ \t]*(["']?)([^\s"',{}[\]#]+)\1/gm;

export function declaredIds(text: string): DeclaredIds {
  const kind = KIND_LINE.exec(text)?.[2] as DeclaredIds['kind'];
  const ids = [...text.normalize('NFC').matchAll(ID_PAIR)].map((m) => m[2]);
  return { kind, ids };
}
