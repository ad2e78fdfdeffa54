/**
 * files → parsed records with positions. Order: find, read, decode, parse,
 * check `kind`. Every problem is a diagnostic; a file that cannot be used is
 * left out of `files` but still counted.
 */
import { pushAll } from '../arrays.js';
import type { Diagnostic } from '../validate/diagnostic.js';
import { decodeLoosely, decodeUtf8 } from './decode.js';
import { ignoredBy } from './ignore-globs.js';
import { defaultParser, fastOutcome, parseRecord, type ParserChoice } from './fast-parse.js';
import type { Pointer, Position } from './parse.js';
import type { RecordSource } from './source.js';
import { CHUNK, type Parsed, sampleCores, startWorkers, type ThreadJob, workerCount } from './worker-pool.js';
import { WorkTreeSource } from './worktree.js';

export const KINDS = ['config', 'parties', 'plan'] as const;
export type Kind = (typeof KINDS)[number];
export const CONFIG_FILE = 'phoihop.yaml';

export interface RecordFile {
  path: string;
  kind: Kind;
  /** The file's text as decoded (BOM removed), for editing and re-location. */
  text: string;
  data: Record<string, unknown>;
  locate: (pointer: Pointer, target?: 'key' | 'value') => Position;
}

export interface Loaded {
  /** How many record files were found (usable or not). */
  fileCount: number;
  /** Every record file found and not ignored, usable or not: relative, with `/`, sorted. */
  paths: string[];
  files: RecordFile[];
  diagnostics: Diagnostic[];
  /**
   * The text of files that could be read but not used (not UTF-8, broken
   * YAML, no kind), read as well as possible: validation takes the ids they
   * declare as known, so one broken parties file does not make every
   * reference to its parties an error as well.
   */
  unusable: { path: string; text: string }[];
}

export interface LoadOptions {
  /** `yaml` parses every file on the positions path; the default (`fast`) gives the same result sooner. */
  parser?: ParserChoice;
  /** Hands the records over instead of keeping them (see Stream). */
  stream?: Stream;
}

/**
 * Records handed over, not kept: `files` stays empty, so a caller that lets
 * a record go keeps no memory for it.
 */
export interface Stream {
  /** Each usable record as soon as it is read: the root config first, then in no set order. */
  onRecord: (file: RecordFile) => void;
  /**
   * What the threads do with their files instead (src/validate/check-worker.ts):
   * asked for once the root config has been handed over, as the job may depend on it.
   */
  threadJob: () => ThreadJob;
}

export async function loadRecords(source: RecordSource, options: LoadOptions = {}): Promise<Loaded> {
  const parser = options.parser ?? defaultParser();
  const onRecord = options.stream?.onRecord;
  // How busy the cores are is measured over the listing (see workerCount).
  const cores = sampleCores();
  const paths = await source.listRecordFiles();
  const diagnostics: Diagnostic[] = (source.unreadableFolders ?? []).map((f) => fileDiagnostic(f.path, 'unreadable-folder', { detail: f.detail, ...(f.code !== undefined && { code: f.code }) }));
  const parsed = new Map<string, RecordFile | undefined>();
  const unusable: Loaded['unusable'] = [];

  // Files parsed ahead by worker threads (big work trees only); the rest are loaded here.
  let ahead = new Map<string, Parsed>();
  const readOne = async (path: string): Promise<RecordFile | undefined> => {
    const ready = ahead.get(path);
    if (ready) return recordOfParsed(ready);
    let bytes: Uint8Array;
    try {
      bytes = source.readFileSync ? source.readFileSync(path) : await source.readFile(path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      diagnostics.push(fileDiagnostic(path, 'read-error', { detail: (error as Error).message, ...(typeof code === 'string' && { code }) }));
      return undefined;
    }
    const decoded = decodeUtf8(bytes);
    if (!decoded.ok) {
      diagnostics.push({ file: path, line: decoded.line, column: decoded.column, severity: 'error', rule: 'invalid-utf8', args: decoded.encoding ? { encoding: decoded.encoding } : {} });
      unusable.push({ path, text: decodeLoosely(bytes) });
      return undefined;
    }
    const record = recordOfText(path, decoded.text, parser, diagnostics);
    if (!record) unusable.push({ path, text: decoded.text });
    return record;
  };

  // The config is read first: its `ignore` globs decide which other files count.
  let isIgnored = ignoredBy(undefined);
  if (paths.includes(CONFIG_FILE)) {
    const config = await readOne(CONFIG_FILE);
    parsed.set(CONFIG_FILE, config);
    isIgnored = ignoredBy(config?.data.ignore);
    if (config && onRecord) onRecord(config);
  }
  const wanted = paths.filter((p) => p === CONFIG_FILE || !isIgnored(p));
  for (const link of source.unreadLinks ?? []) {
    if (!isIgnored(link.path)) diagnostics.push({ ...fileDiagnostic(link.path, 'link-not-read', { reason: link.reason, target: link.target }), severity: 'warning' });
  }
  // A usable record is kept, or handed over at once when streaming.
  const settle = (path: string, record: RecordFile | undefined) => {
    parsed.set(path, onRecord ? undefined : record);
    if (record && onRecord) onRecord(record);
  };
  // A big work tree is parsed on every core: threads and this one take chunks of files until none are left.
  const root = parser === 'fast' && source instanceof WorkTreeSource ? source.root : undefined;
  const threads = root ? await workerCount(wanted.length, cores) : 0;
  if (root && threads > 0) {
    const shared = wanted.filter((p) => !parsed.has(p));
    // Streaming, the threads' work is handed over as their batches come, so none of it waits in memory.
    const pool = startWorkers(root, shared, threads, options.stream && handedOver(options.stream.threadJob(), settle));
    for (let start = pool.claim(); start >= 0; start = pool.claim()) {
      for (const path of shared.slice(start, start + CHUNK)) settle(path, await readOne(path));
      // Lets the threads' batches in as they come, rather than all at the end.
      await new Promise((resolve) => setImmediate(resolve));
    }
    ahead = await pool.results;
  }
  for (const path of wanted) {
    if (!parsed.has(path)) settle(path, await readOne(path));
  }
  const files = onRecord ? [] : wanted.map((p) => parsed.get(p)).filter((f): f is RecordFile => f !== undefined);
  // In path order, as `files` are: which file's ids are read first must not depend on the threads.
  unusable.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { fileCount: wanted.length, paths: wanted, files, diagnostics, unusable };
}

/** A streaming caller's thread job, which also marks each file the threads dealt with as loaded. */
function handedOver(job: ThreadJob, settle: (path: string, record: RecordFile | undefined) => void): ThreadJob {
  const take = (result: { path: string }) => {
    settle(result.path, undefined); // the thread has dealt with it: nothing to load here
    job.take(result);
  };
  return { ...job, take };
}

/** A record a thread read and parsed cleanly; its positions are found only if a diagnostic needs one. */
function recordOfParsed({ path, text, data }: Parsed): RecordFile {
  return { path, kind: data.kind as Kind, text, data, locate: fastOutcome(path, text, data).locate };
}

/** The record one file's text holds, or undefined after adding to `diagnostics` why it holds none. */
function recordOfText(path: string, text: string, parser: ParserChoice, diagnostics: Diagnostic[]): RecordFile | undefined {
  const outcome = parseRecord(path, text, parser);
  pushAll(diagnostics, outcome.diagnostics);
  if (outcome.data === undefined) return undefined;
  const problem = notARecord(outcome.data);
  if (problem) {
    diagnostics.push({ file: path, ...outcome.locate(problem.at), severity: 'error', rule: problem.rule, args: problem.args });
    return undefined;
  }
  const record = outcome.data as Record<string, unknown>;
  return { path, kind: record.kind as Kind, text, data: record, locate: outcome.locate };
}

/** Why a parsed value is not a record (a mapping with a known `kind`); undefined when it is one. */
function notARecord(data: unknown): { at: Pointer; rule: string; args: Record<string, string> } | undefined {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return { at: [], rule: 'not-a-mapping', args: {} };
  const record = data as Record<string, unknown>;
  if (!('kind' in record)) return { at: [], rule: 'missing-kind', args: {} };
  if (KINDS.includes(record.kind as Kind)) return undefined;
  // `kind:` with nothing after it is left empty (''), not a kind named null.
  const kind = record.kind === null ? '' : typeof record.kind === 'string' ? record.kind : JSON.stringify(record.kind) ?? String(record.kind);
  return { at: ['kind'], rule: 'unknown-kind', args: { kind, expected: KINDS.join(', ') } };
}

function fileDiagnostic(file: string, rule: string, args: Record<string, string>): Diagnostic {
  return { file, line: 1, column: 1, severity: 'error', rule, args };
}
