/** Words of the command line itself: usage errors, summaries of runs. */
import type { Lang } from './lang.js';

type Args = Record<string, string | number>;
const CATALOGUE = {
  'bad-date': { vi: (a: Args) => `Ngày không hợp lệ: '${a.value}' (dùng YYYY-MM-DD hoặc D/M/YYYY).`, en: (a: Args) => `Invalid date: '${a.value}' (use YYYY-MM-DD or D/M/YYYY).` },
  'bad-period': {
    vi: (a: Args) => `Kỳ không hợp lệ: '${a.value}' (ví dụ 2022, 2022-Q3, Q3/2022, 2022-H1, H1/2022, 2022-05, 5/2022 hoặc 2022..2026).`,
    en: (a: Args) => `Invalid period: '${a.value}' (e.g. 2022, 2022-Q3, Q3/2022, 2022-H1, H1/2022, 2022-05, 5/2022 or 2022..2026).`,
  },
  'bad-lang': { vi: (a: Args) => `Ngôn ngữ không hỗ trợ: '${a.value}' (vi hoặc en).`, en: (a: Args) => `Unsupported language: '${a.value}' (vi or en).` },
  'bad-format': {
    vi: (a: Args) => `Định dạng '${a.value}' không dùng được cho lệnh này (chọn: ${a.allowed}).`,
    en: (a: Args) => `Format '${a.value}' is not available for this command (choose: ${a.allowed}).`,
  },
  'bad-number': { vi: (a: Args) => `--within '${a.value}' không hợp lệ: cần một số ngày (số nguyên ≥ 0), ví dụ --within 14.`, en: (a: Args) => `'${a.value}' is not a valid number of days.` },
  'no-cwd': {
    vi: (a: Args) => `Không đọc được thư mục hiện tại (có thể nó vừa bị xóa): ${a.detail}. Hãy cd sang một thư mục có thật.`,
    en: (a: Args) => `Cannot read the current folder (it may have been deleted): ${a.detail}. cd to a folder that exists.`,
  },
  'write-failed': {
    vi: (a: Args) => `Không ghi được kết quả ra màn hình hoặc tệp: ${a.detail}.`,
    en: (a: Args) => `Cannot write the output: ${a.detail}.`,
  },
  'no-folder': { vi: (a: Args) => `Không tìm thấy thư mục hồ sơ: ${a.dir}`, en: (a: Args) => `Records folder not found: ${a.dir}` },
  'unknown-plan': { vi: (a: Args) => `Không có kế hoạch mã '${a.id}'.`, en: (a: Args) => `No plan has the id '${a.id}'.` },
  'unknown-party': { vi: (a: Args) => `Không có cơ quan mã '${a.id}'.`, en: (a: Args) => `No party has the id '${a.id}'.` },
  'unknown-type': { vi: (a: Args) => `Loại nhiệm vụ không hợp lệ: '${a.value}' (chọn: ${a.allowed}).`, en: (a: Args) => `Unknown task type: '${a.value}' (choose: ${a.allowed}).` },
  'unknown-kind': { vi: (a: Args) => `Không có loại hồ sơ '${a.value}' (chọn: ${a.allowed}).`, en: (a: Args) => `No record kind '${a.value}' (choose: ${a.allowed}).` },
  'path-outside': { vi: (a: Args) => `Tệp không nằm trong thư mục hồ sơ: ${a.path}`, en: (a: Args) => `The file is not inside the records folder: ${a.path}` },
  'path-not-record': { vi: (a: Args) => `Không phải tệp hồ sơ được nạp (*.yaml, *.yml): ${a.path}`, en: (a: Args) => `Not a loaded record file (*.yaml, *.yml): ${a.path}` },
  'report-refused': {
    vi: () => 'Hồ sơ có lỗi nên không lập báo cáo: hãy sửa các lỗi trên (phoihop validate).',
    en: () => 'The records have errors, so no report was made: fix the errors above (phoihop validate).',
  },
  'more-done-in-future': {
    vi: (a: Args) => `… và ${a.count} lần ghi nhận hoàn thành khác có ngày sau ngày tính số liệu (chưa được tính; phoihop validate --as-of liệt kê đủ).`,
    en: (a: Args) => `… and ${a.count} more completions dated after the as-of date (not counted yet; phoihop validate --as-of lists them all).`,
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

function plural(n: number, word: string): string {
  return n === 1 ? word : `${word}s`;
}

export function cliMessage(lang: Lang, key: CliMessage, args: Args = {}): string {
  return CATALOGUE[key][lang](args);
}
