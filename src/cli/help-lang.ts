/**
 * The language of `--help` and of the descriptions commander is given, found
 * before commander reads any option: `--lang` if valid, else the `locale:` of
 * the records folder's phoihop.yaml, else vi. The config is scanned, not
 * parsed: `--help` loads no YAML parser, so that it starts fast; a locale
 * written in another YAML form (a flow mapping, a tag) is not seen, and the
 * help is then in Vietnamese while the command would speak English.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { isLang, type Lang } from '../i18n/lang.js';
import { topLevelScalar } from '../load/top-level-scalar.js';

export function helpLang(cwd: string, argv: string[]): Lang {
  const lang = optionArgument(argv, '--lang');
  if (isLang(lang)) return lang;
  const dir = optionArgument(argv, '--dir', '-C');
  try {
    const folder = dir !== undefined ? resolve(cwd, dir) : findRecordsFolder(cwd);
    const locale = topLevelScalar(readFileSync(join(folder, CONFIG_NAME), 'utf8'), 'locale');
    return isLang(locale) ? locale : 'vi';
  } catch {
    return 'vi';
  }
}

/** load.ts's CONFIG_FILE, which this module cannot import without loading the loader at start-up. */
const CONFIG_NAME = 'phoihop.yaml';

/** The nearest folder upward from `start` with a phoihop.yaml, else `start` itself. Here, not in session.ts, so that help can use it at start-up. */
export function findRecordsFolder(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, CONFIG_NAME))) return dir;
    if (dirname(dir) === dir) return start;
  }
}

/** The value of a global option in the raw arguments (`--dir x`, `--dir=x`, `-C x`, `-Cx`; the last one wins, as with commander), none after `--`. */
export function optionArgument(argv: string[], long: string, short?: string): string | undefined {
  let value: string | undefined;
  for (let i = 0; i < argv.length && argv[i] !== '--'; i++) {
    const arg = argv[i];
    if (arg === long || arg === short) value = argv[++i];
    else if (arg.startsWith(`${long}=`)) value = arg.slice(long.length + 1);
    else if (short && arg.startsWith(short)) value = arg.slice(short.length);
  }
  return value;
}
