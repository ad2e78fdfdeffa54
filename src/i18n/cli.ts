/** Words of the command line itself: usage errors, summaries of runs. */
import type { Lang } from './lang.js';

type Args = Record<string, string | number | readonly string[]>;
const CATALOGUE = {
  'bad-date': { vi: (a: Args) => `Ngày không hợp lệ: '${a.value}' (dùng YYYY-MM-DD hoặc D/M/YYYY).`, en: (a: Args) => `Invalid date: '${a.value}' (use YYYY-MM-DD or D/M/YYYY).` },
  'bad-period': {
    vi: (a: Args) => `Kỳ không hợp lệ: '${a.value}' (ví dụ 2022, 2022-Q3, Q3/2022, 2022-H1, H1/2022, 2022-05, 5/2022 hoặc 2022..2026).`,
    en: (a: Args) => `Invalid period: '${a.value}' (e.g. 2022, 2022-Q3, Q3/2022, 2022-H1, H1/2022, 2022-05, 5/2022 or 2022..2026).`,
  },
  'no-records-here': {
    vi: (a: Args) => `Không có tệp hồ sơ nào trong ${a.dir}, và không thấy phoihop.yaml ở đó hay ở thư mục cha: có đúng là thư mục hồ sơ không? (chọn thư mục bằng -C <thư mục>)`,
    en: (a: Args) => `No record files in ${a.dir}, and no phoihop.yaml there or above: is this the records folder? (choose it with -C <folder>)`,
  },
  'date-not-in-calendar': {
    vi: (a: Args) => `Ngày không có thật: '${a.value}' không phải là một ngày trên lịch (tháng có ít ngày hơn, hoặc tháng quá 12).`,
    en: (a: Args) => `No such day: '${a.value}' is not a day of the calendar (the month has fewer days, or there is no such month).`,
  },
  'next-period-out-of-range': {
    vi: (a: Args) => `Kỳ '${a.value}' không tổng hợp được: kỳ sau của nó vượt quá năm 9999 (ngày cuối cùng phoihop biết là 9999-12-31).`,
    en: (a: Args) => `Cannot summarise '${a.value}': its next period goes beyond the year 9999 (the last day phoihop knows is 9999-12-31).`,
  },
  'period-not-in-calendar': {
    vi: (a: Args) => `Kỳ không có thật: '${a.value}' có ngày, tháng, quý hoặc năm không có trên lịch (tháng có ít ngày hơn, tháng quá 12, quý quá 4, năm ngoài 1–9999).`,
    en: (a: Args) => `No such period: '${a.value}' names a day, month, quarter or year that is not on the calendar (the month has fewer days, or no such month, quarter or year).`,
  },
  'reversed-period-option': {
    vi: (a: Args) => `Kỳ không hợp lệ: '${a.value}' kết thúc trước khi bắt đầu; hãy viết kỳ đầu trước (ví dụ 2026-Q1..2026-Q4).`,
    en: (a: Args) => `Invalid period: '${a.value}' ends before it starts; write the earlier end first (e.g. 2026-Q1..2026-Q4).`,
  },
  'bad-lang': { vi: (a: Args) => `Ngôn ngữ không hỗ trợ: '${a.value}' (vi hoặc en).`, en: (a: Args) => `Unsupported language: '${a.value}' (vi or en).` },
  'bad-format': {
    vi: (a: Args) => `Định dạng '${a.value}' không dùng được cho lệnh này (chọn: ${a.allowed}).`,
    en: (a: Args) => `Format '${a.value}' is not available for this command (choose: ${a.allowed}).`,
  },
  'bad-number': { vi: (a: Args) => `--within '${a.value}' không hợp lệ: cần một số ngày (số nguyên ≥ 0), ví dụ --within 14.`, en: (a: Args) => `--within '${a.value}' is not valid: it takes a number of days (a whole number ≥ 0), e.g. --within 14.` },
  'no-cwd': {
    vi: (a: Args) => `Không đọc được thư mục hiện tại (có thể nó vừa bị xóa): ${a.detail}. Hãy cd sang một thư mục có thật.`,
    en: (a: Args) => `Cannot read the current folder (it may have been deleted): ${a.detail}. cd to a folder that exists.`,
  },
  'write-failed': {
    vi: (a: Args) => `Không ghi được kết quả ra màn hình hoặc tệp: ${a.detail}.`,
    en: (a: Args) => `Cannot write the output: ${a.detail}.`,
  },
  // Commander's own usage errors (src/cli/usage-errors.ts reads what its English line names).
  'usage-unknown-option': {
    vi: (a: Args) => `Không có tùy chọn '${a.option}'${didYouMean('vi', a.suggestions)}`,
    en: (a: Args) => `Unknown option '${a.option}'${didYouMean('en', a.suggestions)}`,
  },
  'usage-option-elsewhere': {
    vi: (a: Args) => `Lệnh này không có tùy chọn '${a.option}'; ${Array.isArray(a.commands) && a.commands.length > 1 ? 'các lệnh' : 'lệnh'} ${joined('vi', a.commands)} có tùy chọn này.`,
    en: (a: Args) => `This command has no option '${a.option}'; ${joined('en', a.commands)} ${Array.isArray(a.commands) && a.commands.length > 1 ? 'have' : 'has'} it.`,
  },
  'usage-unknown-command': {
    vi: (a: Args) => `Không có lệnh '${a.command}'${didYouMean('vi', a.suggestions)}`,
    en: (a: Args) => `Unknown command '${a.command}'${didYouMean('en', a.suggestions)}`,
  },
  'usage-missing-argument': { vi: (a: Args) => `Thiếu tham số bắt buộc '${a.argument}'.`, en: (a: Args) => `Missing required argument '${a.argument}'.` },
  'usage-option-missing-value': { vi: (a: Args) => `Tùy chọn '${a.option}' thiếu giá trị.`, en: (a: Args) => `Option '${a.option}' needs a value.` },
  'usage-missing-option': { vi: (a: Args) => `Thiếu tùy chọn bắt buộc '${a.option}'.`, en: (a: Args) => `Required option '${a.option}' is missing.` },
  'usage-too-many-arguments': {
    vi: (a: Args) =>
      `Thừa tham số${a.command ? ` cho lệnh '${a.command}'` : ''}: ${Number(a.expected) === 0 ? 'lệnh này không nhận tham số nào' : `chỉ nhận tối đa ${a.expected}`}, có ${a.got}.`,
    en: (a: Args) =>
      `Too many arguments${a.command ? ` for '${a.command}'` : ''}: expected ${Number(a.expected) === 0 ? 'none' : `at most ${a.expected}`}, got ${a.got}.`,
  },
  'usage-invalid-value': {
    vi: (a: Args) =>
      `Giá trị '${a.value}' của ${a.of === 'option' ? 'tùy chọn' : 'tham số'} '${a.name}' không hợp lệ${a.choices ? ` (chọn: ${a.choices}).` : a.detail ? `: ${a.detail}` : '.'}`,
    en: (a: Args) => `Invalid value '${a.value}' for ${a.of === 'option' ? 'option' : 'argument'} '${a.name}'${a.choices ? ` (choose: ${a.choices}).` : a.detail ? `: ${a.detail}` : '.'}`,
  },
  'usage-conflicting-option': {
    vi: (a: Args) => `Không dùng được ${a.firstOf === 'env' ? 'biến môi trường' : 'tùy chọn'} '${a.first}' cùng với ${a.secondOf === 'env' ? 'biến môi trường' : 'tùy chọn'} '${a.second}'.`,
    en: (a: Args) => `${a.firstOf === 'env' ? 'Environment variable' : 'Option'} '${a.first}' cannot be used with ${a.secondOf === 'env' ? 'environment variable' : 'option'} '${a.second}'.`,
  },
  'usage-help-hint': { vi: (a: Args) => `Xem hướng dẫn: ${a.command} --help`, en: (a: Args) => `See: ${a.command} --help` },
  'no-folder': { vi: (a: Args) => `Không tìm thấy thư mục hồ sơ: ${a.dir}`, en: (a: Args) => `Records folder not found: ${a.dir}` },
  'empty-dir': {
    vi: () => `-C/--dir để trống: hãy ghi thư mục hồ sơ (một biến môi trường chưa đặt, như -C "$RECORDS_DIR", cho ra giá trị trống), hoặc bỏ -C để dùng thư mục hiện tại.`,
    en: () => `-C/--dir is empty: give the records folder (an unset variable, as in -C "$RECORDS_DIR", gives an empty value), or leave -C out for the current folder.`,
  },
  'unknown-plan': {
    vi: (a: Args) => `Không có kế hoạch mã '${a.id}'${didYouMean('vi', a.suggestions)}`,
    en: (a: Args) => `No plan has the id '${a.id}'${didYouMean('en', a.suggestions)}`,
  },
  'unknown-party': {
    vi: (a: Args) => `Không có cơ quan mã '${a.id}'${didYouMean('vi', a.suggestions)}`,
    en: (a: Args) => `No party has the id '${a.id}'${didYouMean('en', a.suggestions)}`,
  },
  'unknown-type': { vi: (a: Args) => `Loại nhiệm vụ không hợp lệ: '${a.value}' (chọn: ${a.allowed}).`, en: (a: Args) => `Unknown task type: '${a.value}' (choose: ${a.allowed}).` },
  'unknown-kind': { vi: (a: Args) => `Không có loại hồ sơ '${a.value}' (chọn: ${a.allowed}).`, en: (a: Args) => `No record kind '${a.value}' (choose: ${a.allowed}).` },
  'path-outside': { vi: (a: Args) => `Tệp không nằm trong thư mục hồ sơ: ${a.path}`, en: (a: Args) => `The file is not inside the records folder: ${a.path}` },
  'path-missing': { vi: (a: Args) => `Không có tệp hay thư mục này: ${a.path}`, en: (a: Args) => `No such file or folder: ${a.path}` },
  'path-not-record': { vi: (a: Args) => `Không phải tệp hồ sơ được nạp (*.yaml, *.yml): ${a.path}`, en: (a: Args) => `Not a loaded record file (*.yaml, *.yml): ${a.path}` },
  'path-ignored': {
    vi: (a: Args) => `bỏ qua ${a.path}: mục ignore của phoihop.yaml để nó ngoài hồ sơ, nên không kiểm tra.`,
    en: (a: Args) => `passed over ${a.path}: the ignore globs of phoihop.yaml leave it out of the records, so it is not checked.`,
  },
  'path-not-at-rev': {
    vi: (a: Args) => `Không có tệp hồ sơ nào ở '${a.path}' tại phiên bản git '${a.rev}'.`,
    en: (a: Args) => `No record file at '${a.path}' in git revision '${a.rev}'.`,
  },
  'report-refused': {
    vi: (a: Args) => `Hồ sơ có lỗi nên không lập báo cáo: hãy sửa các lỗi trên (${a.check}).`,
    en: (a: Args) => `The records have errors, so no report was made: fix the errors above (${a.check}).`,
  },
  'more-done-in-future': {
    vi: (a: Args) => `… và ${a.count} lần ghi nhận hoàn thành khác có ngày sau ngày tính số liệu (chưa được tính; ${a.check} liệt kê đủ).`,
    en: (a: Args) => `… and ${a.count} more completions dated after the as-of date (not counted yet; ${a.check} lists them all).`,
  },
  'internal-error': {
    vi: (a: Args) => `Lỗi nội bộ của phoihop: ${a.detail}. Đặt PHOIHOP_DEBUG=1 để xem chi tiết và báo lỗi cho nhóm phát triển.`,
    en: (a: Args) => `Internal phoihop error: ${a.detail}. Set PHOIHOP_DEBUG=1 for details and report it to the developers.`,
  },
  'validate-summary': {
    vi: (a: Args) => `${a.errors} lỗi, ${a.warnings} cảnh báo trong ${a.files} tệp.`,
    en: (a: Args) => `${a.errors} ${plural(Number(a.errors), 'error')}, ${a.warnings} ${plural(Number(a.warnings), 'warning')} in ${a.files} ${plural(Number(a.files), 'file')}.`,
  },
} satisfies Record<string, { vi: (a: Args) => string; en: (a: Args) => string }>;

export type CliMessage = keyof typeof CATALOGUE;

/** `: có phải ý bạn là '--all'?`, `: did you mean 'a' or 'b'?`; a full stop when there is nothing to suggest. */
/** `status và deadlines`, `status and deadlines`. */
function joined(lang: Lang, items: Args[string] | undefined): string {
  const list = Array.isArray(items) ? items.map(String) : [String(items)];
  const last = list.pop()!;
  return list.length > 0 ? `${list.join(', ')} ${lang === 'vi' ? 'và' : 'and'} ${last}` : last;
}

function didYouMean(lang: Lang, suggestions: Args[string] | undefined): string {
  const names = Array.isArray(suggestions) ? suggestions.map((s) => `'${s}'`) : [];
  if (names.length === 0) return '.';
  const last = names.pop()!;
  const or = lang === 'vi' ? 'hay' : 'or';
  const list = names.length ? `${names.join(', ')} ${or} ${last}` : last;
  return lang === 'vi' ? `: có phải ý bạn là ${list}?` : `: did you mean ${list}?`;
}

function plural(n: number, word: string): string {
  return n === 1 ? word : `${word}s`;
}

export function cliMessage(lang: Lang, key: CliMessage, args: Args = {}): string {
  return CATALOGUE[key][lang](args);
}

/** A revision or path as one shell word: as it is when nothing in it is special to a shell, else single-quoted. */
export function shellWord(word: string): string {
  return /^[\w.\/~^@{}:-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** `-C <dir>` as it was given, or nothing: run from the repository root, a command must name the records folder too. */
const dirWords = (dir: string | undefined) => (dir === undefined ? [] : ['-C', shellWord(dir)]);

/** The command that checks the records a report or diff read: with its -C, and at a revision, `--rev` it (quoted for a shell if need be). */
export function validateCommand(rev?: string, dir?: string): string {
  return ['phoihop validate', ...dirWords(dir), ...(rev === undefined ? [] : ['--rev', shellWord(rev)])].join(' ');
}

/** The command that compares `from` with `to`, or with the work tree when `to` is not given. */
export function diffCommand(from: string, to?: string, dir?: string): string {
  return ['phoihop diff', ...dirWords(dir), shellWord(to === undefined ? from : `${from}..${to}`)].join(' ');
}
