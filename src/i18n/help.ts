/**
 * The words of `--help`, in Vietnamese and English: what each command and
 * option does, and commander's own headings. Loaded at start-up with the
 * program, so it holds text only.
 */
import type { Lang } from './lang.js';

export interface HelpText {
  /** Commander's headings, and the word before a default value. */
  titles: Record<'Usage:' | 'Arguments:' | 'Options:' | 'Commands:' | 'Global Options:', string>;
  /** Commander's placeholders in a usage line (`phoihop [options] [command]`). */
  placeholders: Record<'[options]' | '[command]', string>;
  program: string;
  global: { dir: string; asOf: string; rev: string; lang: string; format: string; noColor: string; version: string; help: string; helpCommand: string };
  validate: { about: string; paths: string; strict: string; changed: string };
  status: { about: string; planId: string; party: string; all: string };
  deadlines: { about: string; within: string; party: string; plan: string; type: string; overdue: string; failOnOverdue: string };
  summary: { about: string; period: string };
  diff: { about: string; range: string };
  init: { about: string; dir: string; locale: string; timezone: string };
  new: { about: string; planId: string; title: string; type: string; parties: string; period: string; signed: string; parent: string; number: string };
  done: { about: string; target: string; date: string; period: string; result: string; note: string; evidence: string; force: string; dryRun: string };
  schema: { about: string; kind: string };
}

const VI: HelpText = {
  titles: { 'Usage:': 'Cách dùng:', 'Arguments:': 'Tham số:', 'Options:': 'Tùy chọn:', 'Commands:': 'Lệnh:', 'Global Options:': 'Tùy chọn chung:' },
  placeholders: { '[options]': '[tùy chọn]', '[command]': '[lệnh]' },
  program: 'Theo dõi chương trình, kế hoạch phối hợp lưu dưới dạng hồ sơ YAML',
  global: {
    dir: 'thư mục hồ sơ (mặc định: thư mục gần nhất có phoihop.yaml, tính từ thư mục hiện tại trở lên)',
    asOf: 'ngày tính báo cáo, ví dụ 2026-11-22 hoặc 22/11/2026 (mặc định: hôm nay theo múi giờ của phoihop.yaml)',
    rev: 'đọc hồ sơ tại một phiên bản git, ví dụ HEAD~1',
    lang: 'ngôn ngữ: vi hoặc en (mặc định: locale của phoihop.yaml, nếu không thì vi)',
    format: 'định dạng kết quả (xem từng lệnh)',
    noColor: 'không tô màu',
    version: 'in số phiên bản',
    help: 'xem hướng dẫn của lệnh',
    helpCommand: 'xem hướng dẫn của một lệnh',
  },
  validate: {
    about: 'kiểm tra hồ sơ theo lược đồ và các quy tắc (định dạng: text, json, github)',
    paths: 'chỉ báo lỗi của các tệp này (tham chiếu vẫn đối chiếu với cả thư mục)',
    strict: 'coi cảnh báo là lỗi',
    changed: 'chỉ các tệp thay đổi so với một phiên bản git (mặc định HEAD), kể cả thay đổi chưa commit',
  },
  status: {
    about: 'tình hình thực hiện từng kế hoạch, hoặc từng nhiệm vụ của một kế hoạch (định dạng: table, markdown, csv, json)',
    planId: 'liệt kê các nhiệm vụ của kế hoạch này',
    party: 'chỉ các kế hoạch có đơn vị này',
    all: 'gồm cả kế hoạch đã kết thúc',
  },
  deadlines: {
    about: 'nhiệm vụ quá hạn và sắp đến hạn (định dạng: table, markdown, csv, json)',
    within: 'số ngày tới tính là sắp đến hạn (mặc định: soon của phoihop.yaml)',
    party: 'nhiệm vụ đơn vị này chủ trì hoặc phối hợp',
    plan: 'nhiệm vụ của một kế hoạch',
    type: 'loại nhiệm vụ: activity, report, briefing, interim-review, final-review hoặc event',
    overdue: 'chỉ nhiệm vụ quá hạn',
    failOnOverdue: 'thoát với mã 1 khi có nhiệm vụ quá hạn trong danh sách',
  },
  summary: {
    about: 'tổng hợp theo kỳ cho giao ban, sơ kết, tổng kết (định dạng: table, markdown, csv, json)',
    period: 'kỳ báo cáo, ví dụ 2022-Q3, Q3/2022, 2022-H1, H1/2022, 5/2022, 2022, 2022..2026 (mặc định: quý của ngày tính báo cáo)',
  },
  diff: {
    about: 'những gì thay đổi trong các kế hoạch giữa hai phiên bản git (định dạng: text, markdown, json)',
    range: '<rev> (so với thư mục làm việc) hoặc <rev>..<rev>; mặc định HEAD so với thư mục làm việc',
  },
  init: {
    about: 'tạo thư mục hồ sơ mới; không bao giờ ghi đè',
    dir: 'thư mục cần tạo (mặc định: -C, nếu không thì thư mục hiện tại)',
    locale: 'ngôn ngữ của thư mục: vi hoặc en (mặc định: --lang, nếu không thì ngôn ngữ của hệ thống)',
    timezone: 'múi giờ IANA, ví dụ Asia/Ho_Chi_Minh (mặc định: múi giờ của hệ thống)',
  },
  new: {
    about: 'tạo tệp kế hoạch mới plans/<plan-id>.yaml',
    planId: 'mã của chương trình hoặc kế hoạch mới, ví dụ kh-bdv-btg-2027',
    title: 'trích yếu — bắt buộc',
    type: 'program hoặc plan (mặc định: plan nếu có --parent, nếu không thì program)',
    parties: 'mã của hai đơn vị trở lên, cách nhau bằng dấu phẩy — bắt buộc',
    period: 'giai đoạn, ví dụ 2027, 2022..2026, H1/2027 — bắt buộc',
    signed: 'ngày ký (mặc định: hôm nay)',
    parent: 'chương trình mà kế hoạch này thực hiện',
    number: 'số, ký hiệu văn bản, ví dụ 12-KH/BDVTU-BTGTU',
  },
  done: {
    about: 'ghi nhận hoàn thành vào tệp kế hoạch, giữ nguyên mọi phần khác',
    target: 'nhiệm vụ, ví dụ btg-bdv-2022-2026/giao-ban-quy',
    date: 'ngày hoàn thành (mặc định: ngày của --as-of nếu có, nếu không thì hôm nay)',
    period: 'kỳ của nhiệm vụ định kỳ, ví dụ 2026-Q3 hoặc Q3/2026',
    result: 'một kết quả, dạng chỉ-tiêu=số; lặp lại được',
    note: 'ghi chú',
    evidence: 'số văn bản ghi nhận',
    force: 'ghi đè ngày hoàn thành, ghi chú, văn bản hoặc kết quả đã có',
    dryRun: 'chỉ xem thay đổi, không ghi',
  },
  schema: { about: 'in JSON Schema của một loại hồ sơ (config, parties, plan)', kind: 'config, parties hoặc plan (mặc định: plan)' },
};

const EN: HelpText = {
  titles: { 'Usage:': 'Usage:', 'Arguments:': 'Arguments:', 'Options:': 'Options:', 'Commands:': 'Commands:', 'Global Options:': 'Global Options:' },
  placeholders: { '[options]': '[options]', '[command]': '[command]' },
  program: 'Follow up coordination programs and plans kept as YAML records',
  global: {
    dir: 'records folder (default: the nearest one with a phoihop.yaml, from the current folder up)',
    asOf: "day the reports are computed for, e.g. 2026-11-22 or 22/11/2026 (default: today in phoihop.yaml's time zone)",
    rev: 'read the records at a git revision, e.g. HEAD~1',
    lang: "language: vi or en (default: phoihop.yaml's locale, else vi)",
    format: 'output format (see each command)',
    noColor: 'plain output, no colour',
    version: 'print the version number',
    help: 'show help for the command',
    helpCommand: 'show help for a command',
  },
  validate: {
    about: 'check records against the schemas and rules (formats: text, json, github)',
    paths: 'only report on these files (references still resolve against the whole folder)',
    strict: 'treat warnings as errors',
    changed: 'only files changed against a git revision (default HEAD), work tree included',
  },
  status: {
    about: "where every plan stands, or one plan's items (formats: table, markdown, csv, json)",
    planId: 'list the items of this plan',
    party: 'only plans this party is in',
    all: 'include ended plans',
  },
  deadlines: {
    about: 'overdue and due-soon items (formats: table, markdown, csv, json)',
    within: "due-soon window in days (default: phoihop.yaml's soon)",
    party: 'items this party leads or supports',
    plan: 'items of one plan',
    type: 'task type: activity, report, briefing, interim-review, final-review or event',
    overdue: 'only overdue items',
    failOnOverdue: 'exit 1 when the list has an overdue item',
  },
  summary: {
    about: 'period summary for a briefing or review (formats: table, markdown, csv, json)',
    period: 'the period, e.g. 2022-Q3, Q3/2022, 2022-H1, H1/2022, 5/2022, 2022, 2022..2026 (default: the quarter of --as-of)',
  },
  diff: {
    about: 'what changed in the plans between two git revisions (formats: text, markdown, json)',
    range: '<rev> (against the work tree) or <rev>..<rev>; default HEAD against the work tree',
  },
  init: {
    about: 'make a new records folder; never overwrites',
    dir: 'the folder to make (default: -C, else the current folder)',
    locale: "language of the folder: vi or en (default: --lang, else the system's language)",
    timezone: "IANA time zone, e.g. Asia/Ho_Chi_Minh (default: the system's zone)",
  },
  new: {
    about: 'write a new plan file plans/<plan-id>.yaml',
    planId: 'id of the new program or plan, e.g. kh-bdv-btg-2027',
    title: 'title (trích yếu) — required',
    type: 'program or plan (default: plan with --parent, else program)',
    parties: 'two or more party ids, comma-separated — required',
    period: 'period covered, e.g. 2027, 2022..2026, H1/2027 — required',
    signed: 'date signed (default: today)',
    parent: 'the program this plan implements',
    number: 'document number and symbol, e.g. 12-KH/BDVTU-BTGTU',
  },
  done: {
    about: 'record a completion in the plan file, keeping everything else',
    target: 'the task, e.g. btg-bdv-2022-2026/giao-ban-quy',
    date: 'completion date (default: the --as-of day if given, else today)',
    period: 'occurrence of a recurring task, e.g. 2026-Q3 or Q3/2026',
    result: 'a result as metric=number; repeatable',
    note: 'note',
    evidence: 'number of the document recording it',
    force: 'replace an existing completion, note, evidence or result',
    dryRun: 'show the change without writing',
  },
  schema: { about: 'print the JSON Schema of a kind of record (config, parties, plan)', kind: 'config, parties or plan (default: plan)' },
};

export function helpText(lang: Lang): HelpText {
  return lang === 'en' ? EN : VI;
}
