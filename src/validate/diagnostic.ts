/**
 * A problem found in the records: the value that flows through every stage.
 * The message is not stored: it is rendered from `rule` and `args` in the
 * user's language at the edge (see i18n/diagnostics.ts).
 */
export type Severity = 'error' | 'warning';

export type DiagnosticArgs = Record<string, string | number | undefined>;

export interface Diagnostic {
  /** Path relative to the records folder, with `/`. */
  file: string;
  /** 1-based, always within the file (a problem with the whole file is at 1:1), so editors and GitHub can show it. */
  line: number;
  /** 1-based, in UTF-16 units of the decoded line (BOM excluded), as editors count. */
  column: number;
  severity: Severity;
  rule: string;
  args: DiagnosticArgs;
}

/** A total order: file, line, column, rule, then severity and args, so output is stable. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    cmp(a.file, b.file) ||
    a.line - b.line ||
    a.column - b.column ||
    cmp(a.rule, b.rule) ||
    cmp(a.severity, b.severity) ||
    cmp(JSON.stringify(a.args), JSON.stringify(b.args))
  );
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function sortDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(compareDiagnostics);
}

export function countBySeverity(diagnostics: readonly Diagnostic[]): { errors: number; warnings: number } {
  let errors = 0;
  for (const d of diagnostics) if (d.severity === 'error') errors++;
  return { errors, warnings: diagnostics.length - errors };
}
