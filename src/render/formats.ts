/**
 * The report formats, apart from the renderers themselves: a command checks
 * `--format` before it reads anything, and loads the renderers only while
 * the records load (see cli/commands/report-run.ts).
 */
export const REPORT_FORMATS = ['table', 'markdown', 'csv', 'json'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
