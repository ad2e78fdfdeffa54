/**
 * What each diagnostic says, in Vietnamese and English: what is wrong and how
 * to fix it. The project's own catalogue: no ajv locale covers Vietnamese.
 */
import type { Diagnostic, DiagnosticArgs } from '../validate/diagnostic.js';
import type { Lang } from './lang.js';

type Message = (a: DiagnosticArgs) => string;
type Entry = { vi: Message; en: Message };

const WHAT_VI: Record<string, string> = {
  slug: 'mã (chữ thường không dấu, số và dấu gạch ngang, ví dụ bdv-tu)',
  date: 'ngày (YYYY-MM-DD hoặc D/M/YYYY)',
  period: 'kỳ (2022, 2022-H1, 2022-Q3, 2022-05, 2022-05-12 hoặc khoảng 2022..2026)',
  logEntry: 'mục nhật ký (một ngày, hoặc { done: ngày } hoặc { status: cancelled })',
  occurrenceKey: 'kỳ thực hiện (2022-Q3, 2022-H1, 2022, 2022-07)',
};
const WHAT_EN: Record<string, string> = {
  slug: 'id (lower-case letters without accents, digits and hyphens, e.g. bdv-tu)',
  date: 'date (YYYY-MM-DD or D/M/YYYY)',
  period: 'period (2022, 2022-H1, 2022-Q3, 2022-05, 2022-05-12 or a range 2022..2026)',
  logEntry: 'log entry (a date, or { done: date } or { status: cancelled })',
  occurrenceKey: 'occurrence (2022-Q3, 2022-H1, 2022, 2022-07)',
};

/** Vietnamese for the yaml package's error codes; its English text is used as is. */
const YAML_CODES_VI: Record<string, string> = {
  BAD_INDENT: 'thụt lề không đúng',
  TAB_AS_INDENT: 'dùng phím Tab để thụt lề (YAML chỉ cho phép dấu cách)',
  MISSING_CHAR: 'thiếu ký tự đóng (ngoặc hoặc dấu nháy)',
  MULTILINE_IMPLICIT_KEY: 'khóa ngầm không được trải trên nhiều dòng',
  BLOCK_AS_IMPLICIT_KEY: 'khối không được dùng làm khóa',
  UNEXPECTED_TOKEN: 'gặp ký hiệu không mong đợi',
  BAD_SCALAR_START: 'giá trị bắt đầu bằng ký tự không hợp lệ (hãy đặt trong dấu nháy)',
  BAD_DIRECTIVE: 'chỉ thị % không hợp lệ',
  BAD_ALIAS: 'bí danh (*) không hợp lệ',
  BAD_DQ_ESCAPE: 'chuỗi thoát trong dấu nháy kép không hợp lệ',
  DUPLICATE_KEY: 'khóa bị trùng',
  KEY_OVER_1024_CHARS: 'khóa dài quá 1024 ký tự',
  IMPOSSIBLE: 'cấu trúc không thể phân tích',
  MISSING_ANCHOR: 'bí danh trỏ tới neo (&) không tồn tại',
  MULTIPLE_ANCHORS: 'một nút có nhiều neo',
  MULTIPLE_TAGS: 'một nút có nhiều thẻ',
  NON_STRING_KEY: 'khóa không phải chuỗi',
  TAG_RESOLVE_FAILED: 'không đọc được giá trị theo thẻ của nó',
  UNEXPECTED_SCALAR_AT_NODE_END: 'giá trị thừa ở cuối nút',
  BAD_COLLECTION_TYPE: 'kiểu tập hợp không hợp lệ',
};

const field = (a: DiagnosticArgs) => (a.field ? `'${a.field}'` : '');
const whatVi = (a: DiagnosticArgs) => WHAT_VI[String(a.what)] ?? `giá trị '${a.what}' hợp lệ`;
const whatEn = (a: DiagnosticArgs) => WHAT_EN[String(a.what)] ?? `valid '${a.what}'`;
const ROLE_VI: Record<string, string> = { lead: 'chủ trì', support: 'phối hợp', signatory: 'người ký', contact: 'đầu mối' };

const CATALOGUE: Record<string, Entry> = {
  // Loading
  'read-error': { vi: (a) => `Không đọc được tệp: ${a.detail}`, en: (a) => `Cannot read the file: ${a.detail}` },
  'invalid-utf8': {
    vi: () => 'Tệp không phải UTF-8 hợp lệ: hãy lưu lại tệp với mã hóa UTF-8 (Unicode).',
    en: () => 'The file is not valid UTF-8: save it again with the UTF-8 (Unicode) encoding.',
  },
  'merge-conflict': {
    vi: (a) => `Còn dấu xung đột hợp nhất của git (${a.marker}): hãy chọn giữa hai phiên bản, xóa các dòng <<<<<<<, ======= và >>>>>>> rồi lưu lại.`,
    en: (a) => `Unresolved git merge conflict marker (${a.marker}): choose between the two versions, delete the <<<<<<<, ======= and >>>>>>> lines, and save.`,
  },
  'empty-file': {
    vi: () => 'Tệp rỗng: mỗi tệp hồ sơ cần một ánh xạ có trường kind (config, parties hoặc plan).',
    en: () => 'The file is empty: every record file needs a mapping with a kind field (config, parties or plan).',
  },
  'multiple-documents': {
    vi: (a) => `Tệp có ${a.count} tài liệu YAML (phân cách bởi ---): mỗi tệp chỉ được chứa một; hãy tách ra thành nhiều tệp.`,
    en: (a) => `The file holds ${a.count} YAML documents (separated by ---): one file holds one; split them into several files.`,
  },
  'duplicate-key': {
    vi: (a) => `Khóa '${a.key}' xuất hiện hai lần trong cùng một ánh xạ: hãy xóa hoặc đổi tên một khóa.`,
    en: (a) => `The key '${a.key}' appears twice in the same mapping: remove or rename one of them.`,
  },
  'yaml-syntax': {
    vi: (a) => `Lỗi cú pháp YAML: ${YAML_CODES_VI[String(a.code)] ?? a.detail}.`,
    en: (a) => `YAML syntax error: ${a.detail}.`,
  },
  'yaml-warning': { vi: (a) => `Cảnh báo YAML: ${a.detail}.`, en: (a) => `YAML warning: ${a.detail}.` },
  'complex-key': {
    vi: () => 'Khóa là một danh sách hoặc ánh xạ: hồ sơ chỉ dùng khóa là chữ; hãy viết lại khóa này.',
    en: () => 'A key that is a list or a mapping: records only use plain text keys; rewrite this key.',
  },
  'alias-limit': {
    vi: (a) => `Quá nhiều bí danh YAML (giới hạn ${a.limit}): tệp có thể là một "quả bom bí danh"; hãy viết giá trị trực tiếp.`,
    en: (a) => `Too many YAML aliases (limit ${a.limit}): the file may be an alias bomb; write the values out.`,
  },
  'not-a-mapping': {
    vi: () => 'Tệp phải là một ánh xạ (các dòng khóa: giá trị) bắt đầu bằng kind.',
    en: () => 'The file must be a mapping (key: value lines) starting with kind.',
  },
  'missing-kind': {
    vi: () => 'Thiếu trường kind: hãy thêm dòng kind: plan (hoặc parties, config) ở đầu tệp.',
    en: () => 'Missing kind: add a line kind: plan (or parties, config) at the top of the file.',
  },
  'unknown-kind': {
    vi: (a) => `kind '${a.kind}' không được hỗ trợ: dùng một trong ${a.expected}.`,
    en: (a) => `Unknown kind '${a.kind}': use one of ${a.expected}.`,
  },
  // Schema
  'unknown-field': {
    vi: (a) =>
      `Trường ${field(a)} không có trong định dạng` +
      (a.suggestion ? `: có phải ý bạn là '${a.suggestion}'?` : '.') +
      (a.hint === 'quote' ? ' Nếu đây là phần sau dấu phẩy của một đoạn văn trong { }, hãy đặt cả đoạn văn trong dấu nháy.' : ''),
    en: (a) =>
      `Unknown field ${field(a)}` +
      (a.suggestion ? `: did you mean '${a.suggestion}'?` : '.') +
      (a.hint === 'quote' ? ' If this is text after a comma inside { }, put the whole text in quotes.' : ''),
  },
  'missing-field': {
    vi: (a) => `Thiếu trường bắt buộc ${field(a)}.`,
    en: (a) => `Missing required field ${field(a)}.`,
  },
  'wrong-type': {
    vi: (a) => `${field(a)} phải là ${typeVi(String(a.expected))}, không phải ${a.value}.`,
    en: (a) => `${field(a)} must be ${typeEn(String(a.expected))}, not ${a.value}.`,
  },
  'invalid-value': {
    vi: (a) => `Giá trị ${a.value} của ${field(a)} không hợp lệ: dùng một trong ${a.allowed}.`,
    en: (a) => `${field(a)} cannot be ${a.value}: use one of ${a.allowed}.`,
  },
  'invalid-format': {
    vi: (a) => `${field(a)} = ${a.value} không đúng định dạng: cần một ${whatVi(a)}.`,
    en: (a) => `${field(a)} = ${a.value} is not well formed: expected a ${whatEn(a)}.`,
  },
  'invalid-key': {
    vi: (a) => `Khóa '${a.key}' không đúng định dạng: cần một ${whatVi(a)}.`,
    en: (a) => `The key '${a.key}' is not well formed: expected a ${whatEn(a)}.`,
  },
  'too-few-items': {
    vi: (a) => `${field(a)} cần ít nhất ${a.limit} phần tử.`,
    en: (a) => `${field(a)} needs at least ${a.limit} items.`,
  },
  'duplicate-item': {
    vi: (a) => `${field(a)} có phần tử bị lặp: hãy xóa phần tử trùng.`,
    en: (a) => `${field(a)} lists an item twice: remove the duplicate.`,
  },
  'empty-value': { vi: (a) => `${field(a)} không được để trống.`, en: (a) => `${field(a)} must not be empty.` },
  'out-of-range': {
    vi: (a) => `${field(a)} = ${a.value} nằm ngoài giới hạn (phải ${a.comparison} ${a.limit}).`,
    en: (a) => `${field(a)} = ${a.value} is out of range (must be ${a.comparison} ${a.limit}).`,
  },
  schema: { vi: (a) => `${field(a)} không hợp lệ: ${a.detail}.`, en: (a) => `${field(a)} is not valid: ${a.detail}.` },
  // Values
  'invalid-date': {
    vi: (a) => `'${a.value}' không phải là một ngày có thật trên lịch: kiểm tra lại ngày và tháng.`,
    en: (a) => `'${a.value}' is not a real calendar date: check the day and the month.`,
  },
  'invalid-period': {
    vi: (a) => `'${a.value}' không phải là một kỳ hợp lệ: ví dụ 2022, 2022-Q3, 2022-H1, 2022-05 hoặc 2022..2026.`,
    en: (a) => `'${a.value}' is not a valid period: e.g. 2022, 2022-Q3, 2022-H1, 2022-05 or 2022..2026.`,
  },
  'reversed-period': {
    vi: (a) => `Khoảng '${a.value}' kết thúc trước khi bắt đầu: hãy đổi chỗ hai đầu.`,
    en: (a) => `The range '${a.value}' ends before it starts: swap its two ends.`,
  },
  // Semantic rules
  'config-not-at-root': {
    vi: (a) => `Tệp cấu hình (kind: config) phải là ${a.expected} ở thư mục gốc của hồ sơ.`,
    en: (a) => `The config (kind: config) must be ${a.expected} at the root of the records folder.`,
  },
  'invalid-timezone': {
    vi: (a) => `Múi giờ '${a.timezone}' không tồn tại: dùng tên IANA, ví dụ Asia/Ho_Chi_Minh.`,
    en: (a) => `Unknown time zone '${a.timezone}': use an IANA name such as Asia/Ho_Chi_Minh.`,
  },
  'unknown-metric': {
    vi: (a) => `Chỉ tiêu '${a.metric}' chưa khai báo trong metrics của phoihop.yaml (đã có: ${a.known}).`,
    en: (a) => `Metric '${a.metric}' is not declared under metrics in phoihop.yaml (declared: ${a.known}).`,
  },
  'duplicate-plan-id': {
    vi: (a) => `Mã kế hoạch '${a.id}' đã dùng trong ${a.first}: mỗi kế hoạch cần một mã riêng.`,
    en: (a) => `Plan id '${a.id}' is already used in ${a.first}: every plan needs its own id.`,
  },
  'duplicate-party-id': {
    vi: (a) => `Mã cơ quan '${a.id}' đã dùng trong ${a.first}: mỗi cơ quan cần một mã riêng.`,
    en: (a) => `Party id '${a.id}' is already used in ${a.first}: every party needs its own id.`,
  },
  'duplicate-content-id': {
    vi: (a) => `Mã nội dung '${a.id}' bị trùng trong kế hoạch này.`,
    en: (a) => `Content id '${a.id}' is used twice in this plan.`,
  },
  'duplicate-task-id': {
    vi: (a) => `Mã nhiệm vụ '${a.id}' bị trùng trong kế hoạch này.`,
    en: (a) => `Task id '${a.id}' is used twice in this plan.`,
  },
  'unknown-party': {
    vi: (a) => `Không có cơ quan mã '${a.party}': hãy khai báo trong parties.yaml hoặc sửa lại mã.`,
    en: (a) => `No party has the id '${a.party}': declare it in parties.yaml or correct the id.`,
  },
  'party-not-in-plan': {
    vi: (a) => `'${a.party}' (${ROLE_VI[String(a.role)] ?? a.role}) không phải là bên tham gia kế hoạch ${a.plan}: thêm vào parties của kế hoạch hoặc chọn một bên khác.`,
    en: (a) => `'${a.party}' (${a.role}) is not one of the parties of plan ${a.plan}: add it to the plan's parties or pick another.`,
  },
  'lead-in-support': {
    vi: (a) => `'${a.party}' vừa chủ trì vừa phối hợp: hãy bỏ khỏi support.`,
    en: (a) => `'${a.party}' both leads and supports: remove it from support.`,
  },
  'unknown-content': {
    vi: (a) => `Kế hoạch không có nội dung mã '${a.content}': hãy thêm vào contents hoặc sửa lại mã.`,
    en: (a) => `The plan has no content with id '${a.content}': add it to contents or correct the id.`,
  },
  'unknown-parent': {
    vi: (a) => `Không có chương trình mã '${a.parent}' để làm chương trình cha.`,
    en: (a) => `No plan has the id '${a.parent}' to serve as parent.`,
  },
  'parent-cycle': {
    vi: (a) => `Quan hệ cha–con tạo thành vòng: ${a.chain}.`,
    en: (a) => `The parent chain loops: ${a.chain}.`,
  },
  'period-outside-parent': {
    vi: (a) => `Kỳ ${a.period} nằm ngoài giai đoạn ${a.parentPeriod} của chương trình cha ${a.parent}.`,
    en: (a) => `Period ${a.period} is not inside ${a.parentPeriod}, the period of parent ${a.parent}.`,
  },
  'done-without-date': {
    vi: () => 'status: done cần ngày hoàn thành: thêm done: YYYY-MM-DD.',
    en: () => 'status: done needs a completion date: add done: YYYY-MM-DD.',
  },
  'date-without-done': {
    vi: (a) => `Có ngày hoàn thành (done) nhưng status là '${a.status}': đặt status: done hoặc xóa done.`,
    en: (a) => `A completion date (done) with status '${a.status}': set status: done or remove done.`,
  },
  'results-without-done': {
    vi: () => 'Kết quả (results) chỉ được tính khi nhiệm vụ đã hoàn thành (status: done).',
    en: () => 'Results only count once the task is done (status: done).',
  },
  'cancelled-with-date': {
    vi: (a) => `Kỳ ${a.occurrence} đã hủy (status: cancelled) nên không có ngày hoàn thành: xóa done hoặc bỏ status.`,
    en: (a) => `Occurrence ${a.occurrence} is cancelled, so it has no completion date: remove done or the status.`,
  },
  'log-without-date': {
    vi: (a) => `Kỳ ${a.occurrence} cần done: ngày hoàn thành, hoặc status: cancelled.`,
    en: (a) => `Occurrence ${a.occurrence} needs done: <date>, or status: cancelled.`,
  },
  'one-off-with-recurring-field': {
    vi: (a) => `'${a.field}' chỉ dùng cho nhiệm vụ định kỳ (có every): thêm every hoặc xóa '${a.field}'.`,
    en: (a) => `'${a.field}' is only for recurring tasks (with every): add every or remove '${a.field}'.`,
  },
  'recurring-with-one-off-field': {
    vi: (a) => `Nhiệm vụ định kỳ không có '${a.field}': ghi kết quả từng kỳ trong log.`,
    en: (a) => `A recurring task has no '${a.field}': record each occurrence under log.`,
  },
  'offset-with-day': {
    vi: () => 'Chỉ dùng một trong offset và day.',
    en: () => 'Use either offset or day, not both.',
  },
  'from-after-until': {
    vi: (a) => `Khoảng lặp lại bắt đầu ${a.from} sau khi kết thúc ${a.until}.`,
    en: (a) => `The recurrence starts on ${a.from}, after it ends on ${a.until}.`,
  },
  'log-key-granularity': {
    vi: (a) => `'${a.key}' không phải một kỳ của every: ${a.every} (ví dụ ${exampleKey(String(a.every))}).`,
    en: (a) => `'${a.key}' is not an occurrence of every: ${a.every} (e.g. ${exampleKey(String(a.every))}).`,
  },
  'log-key-outside': {
    vi: (a) => `Kỳ '${a.key}' nằm ngoài khoảng lặp lại ${a.from} .. ${a.until}.`,
    en: (a) => `Occurrence '${a.key}' is outside the recurrence ${a.from} .. ${a.until}.`,
  },
  'due-outside-period': {
    vi: (a) => `Hạn ${a.due} nằm ngoài giai đoạn ${a.period} của kế hoạch.`,
    en: (a) => `Due date ${a.due} is outside the plan's period ${a.period}.`,
  },
  'done-in-future': {
    vi: (a) => `Ngày hoàn thành ${a.date} sau ngày tính báo cáo ${a.asOf}.`,
    en: (a) => `Completion date ${a.date} is after the as-of date ${a.asOf}.`,
  },
  'done-before-signed': {
    vi: (a) => `Ngày hoàn thành ${a.date} trước ngày ký ${a.signed}.`,
    en: (a) => `Completion date ${a.date} is before the signing date ${a.signed}.`,
  },
  'number-format': {
    vi: (a) => `Số, ký hiệu '${a.number}' không có dạng thường gặp N-XX/YYY (ví dụ 39-KH/BDVTU-HNB).`,
    en: (a) => `Document number '${a.number}' does not look like N-XX/YYY (e.g. 39-KH/BDVTU-HNB).`,
  },
};

function exampleKey(every: string): string {
  return { month: '2022-07', quarter: '2022-Q3', half: '2022-H1', year: '2022' }[every] ?? '2022-Q3';
}

function typeVi(t: string): string {
  return ({ string: 'một chuỗi', number: 'một số', integer: 'một số nguyên', array: 'một danh sách', object: 'một ánh xạ', boolean: 'true hoặc false' } as Record<string, string>)[t] ?? t;
}
function typeEn(t: string): string {
  return ({ string: 'text', number: 'a number', integer: 'a whole number', array: 'a list', object: 'a mapping', boolean: 'true or false' } as Record<string, string>)[t] ?? t;
}

/** The rule ids this catalogue knows: every rule must have a message in both languages. */
export const KNOWN_RULES = Object.keys(CATALOGUE);

export function diagnosticMessage(d: Pick<Diagnostic, 'rule' | 'args'>, lang: Lang): string {
  const entry = CATALOGUE[d.rule];
  if (!entry) return `${d.rule}: ${JSON.stringify(d.args)}`;
  return entry[lang](d.args).replace(/^''\s*/, '').replace(/^./, (c) => c.toUpperCase());
}
