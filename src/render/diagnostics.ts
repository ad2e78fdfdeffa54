/**
 * Diagnostics as text (one clickable line each), JSON (cli.md's shape) or
 * GitHub workflow annotations.
 */
import { cliMessage } from '../i18n/cli.js';
import { diagnosticMessage } from '../i18n/diagnostics.js';
import type { Lang } from '../i18n/lang.js';
import { countBySeverity, type Diagnostic } from '../validate/diagnostic.js';
import type { Paint } from './paint.js';

export const DIAGNOSTIC_FORMATS = ['text', 'json', 'github'] as const;

export interface DiagnosticReport {
  files: number;
  diagnostics: Diagnostic[];
}

/** `file:line:column: error [rule] message`; `error`/`warning` stay English so editors' problem matchers work. */
export function diagnosticLine(d: Diagnostic, lang: Lang, paint: Paint): string {
  const severity = d.severity === 'error' ? paint.red('error') : paint.yellow('warning');
  return `${d.file}:${d.line}:${d.column}: ${severity} [${d.rule}] ${diagnosticMessage(d, lang)}`;
}

export function renderDiagnosticsText(report: DiagnosticReport, lang: Lang, paint: Paint): string {
  const { errors, warnings } = countBySeverity(report.diagnostics);
  const lines = report.diagnostics.map((d) => diagnosticLine(d, lang, paint));
  const summary = cliMessage(lang, 'validate-summary', { errors, warnings, files: report.files });
  lines.push(errors > 0 ? paint.red(summary) : warnings > 0 ? paint.yellow(summary) : paint.green(summary));
  return lines.join('\n') + '\n';
}

export function renderDiagnosticsJson(report: DiagnosticReport, lang: Lang): string {
  const { errors, warnings } = countBySeverity(report.diagnostics);
  const json = {
    files: report.files,
    errors,
    warnings,
    diagnostics: report.diagnostics.map((d) => diagnosticJson(d, lang)),
  };
  return JSON.stringify(json, null, 2) + '\n';
}

/** One diagnostic in cli.md's JSON shape, its message in `lang`. */
export function diagnosticJson(d: Diagnostic, lang: Lang) {
  return { file: d.file, line: d.line, column: d.column, severity: d.severity, rule: d.rule, message: diagnosticMessage(d, lang) };
}

const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/**
 * `::error file=F,line=L,col=C,title=rule::message`. `prefix` turns a
 * records-folder path into one relative to the repository, as GitHub wants.
 */
export function renderDiagnosticsGithub(report: DiagnosticReport, lang: Lang, prefix = ''): string {
  const lines = report.diagnostics.map((d) => {
    const props = [`file=${escapeProperty(prefix + d.file)}`, `line=${d.line}`, `col=${d.column}`, `title=${escapeProperty(d.rule)}`].join(',');
    return `::${d.severity === 'error' ? 'error' : 'warning'} ${props}::${escapeData(diagnosticMessage(d, lang))}`;
  });
  const { errors, warnings } = countBySeverity(report.diagnostics);
  lines.push(cliMessage(lang, 'validate-summary', { errors, warnings, files: report.files }));
  return lines.join('\n') + '\n';
}
