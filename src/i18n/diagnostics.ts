/**
 * What each diagnostic says, in Vietnamese and English: what is wrong and how
 * to fix it. The project's own catalogue: no ajv locale covers Vietnamese.
 */
import { visible } from '../render/visible.js';
import type { Diagnostic, DiagnosticArgs } from '../validate/diagnostic.js';
import { EVERY_VI } from './edit.js';
import type { Lang } from './lang.js';
import { shellWord } from './cli.js';
import { systemError } from './system-errors.js';
import { viDate } from './reports.js';

type Message = (a: DiagnosticArgs) => string;
/** A rule's severity (as reported; `--strict` may raise warnings) and its message in each language. */
type Entry = { severity: 'error' | 'warning'; vi: Message; en: Message };

const WHAT_VI: Record<string, string> = {
  slug: 'mã (chữ thường không dấu, chữ số và dấu gạch nối (-), ví dụ bdv-tu)',
  date: 'ngày (YYYY-MM-DD hoặc D/M/YYYY)',
  period: 'kỳ (2022, 2022-H1, 2022-Q3, 2022-05, 2022-05-12 hoặc khoảng 2022..2026)',
  logEntry: 'mục nhật ký: một ngày, hoặc { done: ngày }, hoặc { status: cancelled }',
  occurrenceKey: 'kỳ thực hiện (2022-Q3, 2022-H1, 2022, 2022-07)',
};
const WHAT_EN: Record<string, string> = {
  slug: 'an id (lower-case letters without accents, digits and hyphens, e.g. bdv-tu)',
  date: 'a date (YYYY-MM-DD or D/M/YYYY)',
  period: 'a period (2022, 2022-H1, 2022-Q3, 2022-05, 2022-05-12 or a range 2022..2026)',
  logEntry: 'a log entry: a date, { done: date } or { status: cancelled }',
  occurrenceKey: 'an occurrence (2022-Q3, 2022-H1, 2022, 2022-07)',
};

/** Vietnamese for the yaml package's error codes; its English text is used as is. */
const YAML_CODES_VI: Record<string, string> = {
  BAD_INDENT: 'thụt lề không đúng',
  TAB_AS_INDENT: 'dùng phím Tab để thụt lề (YAML chỉ cho phép dấu cách)',
  MISSING_CHAR: 'thiếu ký tự đóng (ngoặc hoặc dấu nháy)',
  MULTILINE_IMPLICIT_KEY: 'phần trước dấu hai chấm không được xuống dòng',
  BLOCK_AS_IMPLICIT_KEY: 'một dòng không được chứa khóa: giá trị lồng nhau (nếu nội dung có dấu hai chấm, hãy đặt cả nội dung trong dấu nháy)',
  UNEXPECTED_TOKEN: 'có ký tự đặt sai chỗ',
  BAD_SCALAR_START: 'giá trị bắt đầu bằng ký tự không hợp lệ (hãy đặt trong dấu nháy)',
  BAD_DIRECTIVE: 'chỉ thị % không hợp lệ',
  BAD_ALIAS: 'bí danh (*) không hợp lệ',
  BAD_DQ_ESCAPE: 'dấu \\ trong dấu nháy kép đứng trước một ký tự không hợp lệ (hãy dùng dấu nháy đơn)',
  DUPLICATE_KEY: 'khóa bị trùng',
  KEY_OVER_1024_CHARS: 'khóa dài quá 1024 ký tự',
  IMPOSSIBLE: 'không đọc được cấu trúc ở đây',
  MISSING_ANCHOR: 'bí danh trỏ tới neo (&) không tồn tại',
  MULTIPLE_ANCHORS: 'một giá trị có nhiều neo (&)',
  MULTIPLE_TAGS: 'một giá trị có nhiều thẻ (!)',
  NON_STRING_KEY: 'khóa không phải là chữ',
  TAG_RESOLVE_FAILED: 'không đọc được giá trị theo thẻ của nó',
  UNEXPECTED_SCALAR_AT_NODE_END: 'có giá trị thừa ở cuối',
  BAD_COLLECTION_TYPE: 'thẻ (!) không dùng được cho danh sách hay nhóm này',
  ALIAS_PROPS: 'bí danh (*) không được có thẻ hay neo',
  BAD_PROP_ORDER: 'thẻ (!) và neo (&) đặt sai thứ tự',
  BLOCK_IN_FLOW: 'khối nhiều dòng không được nằm trong { } hoặc [ ]',
  MULTIPLE_DOCS: 'nhiều tài liệu trong một tệp',
  // yaml gives this code only when nesting overflows its stack; too many aliases are 'alias-limit'.
  RESOURCE_EXHAUSTION: 'các ngoặc [ ] { } hoặc mức thụt lề lồng nhau quá sâu để đọc',
};

/** English for the yaml package's codes whose own text would mislead a clerk ("Maximum call stack size exceeded"). */
const YAML_CODES_EN: Record<string, string> = {
  RESOURCE_EXHAUSTION: 'brackets [ ] { } or indentation nest too deeply to read',
};

/**
 * yaml gives one code to several problems (MISSING_CHAR is a closing quote,
 * a comma, a list item's dash…, BAD_INDENT an unclosed bracket): told apart
 * by its English text, each gets its own words. The first match decides; a
 * code with no match here keeps its code's words.
 */
const YAML_MESSAGES: [code: string, detail: RegExp, vi: (m: RegExpExecArray) => string, en?: (m: RegExpExecArray) => string][] = [
  [
    'OVER_INDENTED',
    /./,
    () => 'dòng này thụt lề sâu hơn khóa ở dòng trên nên bị đọc như phần tiếp theo của giá trị ở đó (hãy thụt lề bằng các khóa cùng cấp)',
    () => 'this line is indented deeper than the key above it, so it reads as the rest of that value (indent it as its sibling keys)',
  ],
  [
    'MISSING_CHAR',
    /^Sequence item without - indicator/,
    () => 'dòng này thụt lề ít hơn các khóa của mục ở trên, hoặc thiếu dấu - đầu một mục danh sách (hãy thụt lề bằng các khóa cùng cấp)',
    () => 'this line is indented less than the keys of the item above it, or lacks the - of a list item (indent it as its sibling keys)',
  ],
  ['*', /end with an? ([\]}])/, (m) => `ngoặc mở ở đây chưa được đóng bằng ${m[1]}`, (m) => `the bracket opened here is not closed with ${m[1]}`],
  ['MISSING_CHAR', /^Missing closing ["']quote/, () => 'dấu nháy mở ở đây chưa được đóng'],
  ['MISSING_CHAR', /^Implicit map keys need to be followed by map values/, () => 'khóa thiếu dấu hai chấm và giá trị (khóa: giá trị)'],
  ['MISSING_CHAR', /^Missing , or : between/, () => 'thiếu dấu phẩy hoặc dấu hai chấm giữa các mục trong ngoặc'],
  ['MISSING_CHAR', /^Missing , between/, () => 'thiếu dấu phẩy giữa các mục trong ngoặc'],
  ['MISSING_CHAR', /^Missing space after :/, () => 'thiếu dấu cách sau dấu hai chấm'],
  ['MISSING_CHAR', /^Comments must be separated/, () => 'dấu # của ghi chú phải cách phần đứng trước bằng một dấu cách'],
  ['MISSING_CHAR', /^Tags and anchors must be separated/, () => 'thẻ (!) hoặc neo (&) phải cách phần đứng sau bằng một dấu cách'],
];

/** The words for a yaml syntax problem, in `lang`. */
function yamlProblem(a: DiagnosticArgs, lang: 'vi' | 'en'): string {
  const code = String(a.code);
  const detail = String(a.detail ?? '');
  for (const [c, pattern, vi, en] of YAML_MESSAGES) {
    const m = (c === '*' || c === code) && pattern.exec(detail);
    if (m) return lang === 'vi' ? vi(m) : en ? en(m) : detail;
  }
  return lang === 'vi' ? YAML_CODES_VI[code] ?? detail : YAML_CODES_EN[code] ?? detail;
}

/** `'field'`, "an item of 'field'" for a list item, or "the value" when it has no name. */
const fieldVi = (a: DiagnosticArgs) => (!a.field ? 'giá trị' : a.item ? `một mục của '${a.field}'` : `'${a.field}'`);
const fieldEn = (a: DiagnosticArgs) => (!a.field ? 'the value' : a.item ? `an item of '${a.field}'` : `'${a.field}'`);
/** ` (lần đầu ở dòng 12)`: where the first of two equal keys or ids is, when known. */
const firstLineVi = (a: DiagnosticArgs) => (a.firstLine === undefined ? '' : ` (lần đầu ở dòng ${a.firstLine})`);
const firstLineEn = (a: DiagnosticArgs) => (a.firstLine === undefined ? '' : ` (first on line ${a.firstLine})`);
const whatVi = (a: DiagnosticArgs) => WHAT_VI[String(a.what)] ?? `một giá trị '${a.what}' hợp lệ`;
const whatEn = (a: DiagnosticArgs) => WHAT_EN[String(a.what)] ?? `a valid '${a.what}'`;
const ROLE_VI: Record<string, string> = {
  lead: 'chủ trì, trường lead',
  support: 'phối hợp, trường support',
  signatory: 'cơ quan của người ký, trường signatories',
  contact: 'đầu mối, trường contacts',
};
const ROLE_FIELD: Record<string, string> = { lead: 'lead', support: 'support', signatory: 'signatories', contact: 'contacts' };

const CATALOGUE: Record<string, Entry> = {
  // Loading: the file as a whole
  'unreadable-folder': {
    severity: 'error',
    vi: (a) => `Không đọc được thư mục: ${systemError('vi', { code: a.code, message: a.detail }, { withPath: false })}. Các tệp hồ sơ trong đó chưa được kiểm tra; kiểm tra quyền đọc của thư mục.`,
    en: (a) => `Cannot read the folder: ${systemError('en', { code: a.code, message: a.detail }, { withPath: false })}. The record files in it were not checked; check that it is readable.`,
  },
  'link-not-read': {
    severity: 'warning',
    vi: (a) =>
      a.reason === 'outside'
        ? `Liên kết (symlink) trỏ ra ngoài thư mục hồ sơ (${a.target}): phoihop không đọc tệp ngoài thư mục; hãy chép tệp vào trong thư mục.`
        : a.reason === 'loop'
          ? `Liên kết (symlink) đi vòng qua các liên kết khác (${a.target}): không đọc được; sửa hoặc xóa liên kết.`
          : `Liên kết (symlink) trỏ tới ${a.target}, nơi không có tệp nào: không đọc được; sửa hoặc xóa liên kết.`,
    en: (a) =>
      a.reason === 'outside'
        ? `This symbolic link leads out of the records folder (${a.target}): phoihop reads no file outside the folder; copy the file in instead.`
        : a.reason === 'loop'
          ? `This symbolic link goes round a loop of links (${a.target}): it was not read; fix or remove it.`
          : `This symbolic link points to ${a.target}, where there is no file: it was not read; fix or remove it.`,
  },
  'read-error': {
    severity: 'error',
    vi: (a) => `Không đọc được tệp: ${systemError('vi', { code: a.code, message: a.detail }, { withPath: false })}. Kiểm tra quyền đọc của tệp.`,
    en: (a) => `Cannot read the file: ${systemError('en', { code: a.code, message: a.detail }, { withPath: false })}. Check that it is readable.`,
  },
  'invalid-utf8': {
    severity: 'error',
    vi: (a) =>
      a.encoding === 'UTF-16'
        ? 'Tệp được lưu ở mã UTF-16 (trong Notepad là "Unicode"), không phải UTF-8: hãy lưu lại tệp với mã hóa UTF-8.'
        : a.encoding === 'UTF-32'
          ? 'Tệp được lưu ở mã UTF-32, không phải UTF-8: hãy lưu lại tệp với mã hóa UTF-8.'
          : 'Tệp không phải UTF-8 hợp lệ (có byte lạ ở đây): hãy lưu lại tệp với mã hóa UTF-8 (Unicode).',
    en: (a) =>
      a.encoding === 'UTF-16'
        ? 'The file is saved as UTF-16 (Notepad\'s "Unicode"), not UTF-8: save it again with the UTF-8 encoding.'
        : a.encoding === 'UTF-32'
          ? 'The file is saved as UTF-32, not UTF-8: save it again with the UTF-8 encoding.'
          : 'The file is not valid UTF-8 (a stray byte here): save it again with the UTF-8 (Unicode) encoding.',
  },
  'control-character': {
    severity: 'error',
    vi: (a) => `Ký tự điều khiển ${a.code} không được phép trong YAML: hãy xóa ký tự này (thường do sao chép từ tệp khác).`,
    en: (a) => `Control character ${a.code} is not allowed in YAML: delete it (it usually comes from copying text from elsewhere).`,
  },
  'lone-cr': {
    severity: 'error',
    vi: () => 'Xuống dòng bằng CR đứng riêng (kiểu Mac cũ, hoặc ký tự CR dán vào giữa dòng): phoihop chỉ đọc xuống dòng LF hoặc CRLF; hãy lưu lại tệp với kiểu xuống dòng LF hoặc CRLF.',
    en: () => 'A line break that is a lone CR (old Mac line ends, or a CR pasted into a line): phoihop reads LF or CRLF line ends only; save the file with LF or CRLF line ends.',
  },
  'merge-conflict': {
    severity: 'error',
    vi: (a) => `Còn dấu xung đột hợp nhất của git (${a.marker}): hai phiên bản của tệp chưa được gộp. Hãy chọn giữa hai phiên bản, xóa các dòng <<<<<<<, ======= và >>>>>>> rồi lưu lại.`,
    en: (a) => `Unresolved git merge conflict marker (${a.marker}): two versions of this file were not merged. Choose between them, delete the <<<<<<<, ======= and >>>>>>> lines, and save.`,
  },
  'empty-file': {
    severity: 'error',
    vi: () => 'Tệp rỗng: mỗi tệp hồ sơ cần một ánh xạ có trường kind (config, parties hoặc plan); hãy điền nội dung hoặc xóa tệp.',
    en: () => 'The file is empty: every record file needs a mapping with a kind field (config, parties or plan); fill it in or delete the file.',
  },
  'multiple-documents': {
    severity: 'error',
    vi: (a) => `Tệp có ${a.count} tài liệu YAML (phân cách bởi ---): mỗi tệp chỉ được chứa một; hãy tách ra thành nhiều tệp hoặc xóa dòng ---.`,
    en: (a) => `The file holds ${a.count} YAML documents (separated by ---): one file holds one; split it into several files or delete the --- line.`,
  },
  'duplicate-key': {
    severity: 'error',
    vi: (a) => `Khóa '${a.key}' xuất hiện hai lần trong cùng một ánh xạ${firstLineVi(a)}: hãy xóa hoặc đổi tên một khóa.`,
    en: (a) => `The key '${a.key}' appears twice in the same mapping${firstLineEn(a)}: remove or rename one of them.`,
  },
  'yaml-syntax': {
    severity: 'error',
    vi: (a) => `Lỗi cú pháp YAML: ${yamlProblem(a, 'vi')}. Kiểm tra thụt lề, dấu hai chấm và dấu nháy ở dòng này.`,
    en: (a) => `YAML syntax error: ${yamlProblem(a, 'en')}. Check the indentation, colons and quotes on this line.`,
  },
  'yaml-warning': {
    severity: 'warning',
    vi: (a) => `Cảnh báo YAML: ${YAML_CODES_VI[String(a.code)] ?? a.detail}; hãy kiểm tra lại dòng này (hồ sơ không cần chỉ thị %, thẻ ! hay neo &).`,
    en: (a) => `YAML warning: ${a.detail}; check this line (records need no % directives, ! tags or & anchors).`,
  },
  'unsupported-tag': {
    severity: 'error',
    vi: (a) => `Thẻ YAML ${a.tag} không được dùng trong hồ sơ: hãy xóa thẻ và viết giá trị bình thường (đặt trong dấu nháy nếu cần).`,
    en: (a) => `The YAML tag ${a.tag} is not used in records: remove the tag and write the value plainly (quoted if needed).`,
  },
  'complex-key': {
    severity: 'error',
    vi: () => 'Khóa là một danh sách hoặc ánh xạ: hồ sơ chỉ dùng khóa là chữ; hãy viết lại khóa này.',
    en: () => 'A key that is a list or a mapping: records only use plain text keys; rewrite this key.',
  },
  'alias-limit': {
    severity: 'error',
    vi: (a) => `Quá nhiều bí danh YAML (*, giới hạn ${a.limit}): tệp có thể là một "quả bom bí danh"; hãy viết giá trị trực tiếp thay vì dùng bí danh.`,
    en: (a) => `Too many YAML aliases (*, limit ${a.limit}): the file may be an alias bomb; write the values out instead of using aliases.`,
  },
  'not-a-mapping': {
    severity: 'error',
    vi: () => 'Tệp phải là một ánh xạ (các dòng khóa: giá trị) bắt đầu bằng kind, không phải một giá trị đơn hay một danh sách.',
    en: () => 'The file must be a mapping (key: value lines) starting with kind, not a single value or a list.',
  },
  'missing-kind': {
    severity: 'error',
    vi: () => 'Thiếu trường kind: hãy thêm dòng kind: plan (hoặc parties, config) ở đầu tệp.',
    en: () => 'Missing kind: add a line kind: plan (or parties, config) at the top of the file.',
  },
  'unknown-kind': {
    severity: 'error',
    vi: (a) => (a.kind === '' ? 'Loại hồ sơ (kind) không được để trống' : `Loại hồ sơ (kind) '${a.kind}' không được hỗ trợ`) + `: dùng một trong ${a.expected}.`,
    en: (a) => (a.kind === '' ? 'The kind must not be left empty' : `Unknown kind '${a.kind}'`) + `: use one of ${a.expected}.`,
  },
  // Schema: the shape of each record
  'unknown-field': {
    severity: 'error',
    vi: (a) =>
      `Trường '${a.field}' không có trong định dạng` +
      (a.translated ? ' (tên các trường viết bằng tiếng Anh)' : '') +
      (a.suggestion
        ? `: có phải ý bạn là '${a.suggestion}'?`
        : a.allowed
          ? `: ở đây chỉ dùng các trường ${a.allowed}; hãy sửa lại tên trường hoặc xóa trường này.`
          : ': hãy xóa hoặc sửa lại tên trường.') +
      (a.hint === 'quote' ? ' Nếu đây là phần sau dấu phẩy của một đoạn văn viết trong { }, hãy đặt cả đoạn văn trong dấu nháy kép.' : ''),
    en: (a) =>
      `Unknown field '${a.field}'` +
      (a.translated ? ' (field names are in English)' : '') +
      (a.suggestion ? `: did you mean '${a.suggestion}'?` : a.allowed ? `: the fields here are ${a.allowed}; correct its name or remove it.` : ': remove it or correct its name.') +
      (a.hint === 'quote' ? ' If this is text after a comma inside { }, put the whole text in double quotes.' : ''),
  },
  'missing-field': {
    severity: 'error',
    vi: (a) => `Thiếu trường bắt buộc '${a.field}': hãy thêm ${a.field}: ... vào mục này.`,
    en: (a) => `Missing required field '${a.field}': add ${a.field}: ... to this entry.`,
  },
  'wrong-type': {
    severity: 'error',
    vi: (a) =>
      `${fieldVi(a)} phải là ${typeVi(String(a.expected))}, không phải ${a.text ? `chữ "${a.value}"` : a.value}` +
      (a.hint === 'unquote' ? `: hãy bỏ dấu nháy: ${String(a.value).trim()}` : typeHint(a, 'hãy đặt trong dấu nháy', 'hãy viết')) +
      '.',
    en: (a) =>
      `${fieldEn(a)} must be ${typeEn(String(a.expected))}, not ${a.text ? `the text "${a.value}"` : a.value}` +
      (a.hint === 'unquote' ? `: remove the quotes: ${String(a.value).trim()}` : typeHint(a, 'put it in quotes', 'write')) +
      '.',
  },
  'invalid-value': {
    severity: 'error',
    vi: (a) => `Giá trị ${a.value} của ${fieldVi(a)} không hợp lệ: dùng một trong ${a.allowed}.`,
    en: (a) => `${fieldEn(a)} cannot be ${a.value}: use one of ${a.allowed}.`,
  },
  'invalid-format': {
    severity: 'error',
    vi: (a) =>
      `${fieldVi(a)} = ${a.value} không đúng định dạng: cần ${whatVi(a)}.` +
      (a.hint === 'quote-number' ? ` YAML đọc ${a.value} là một số: hãy viết mã trong dấu nháy, '${a.value}'.` : ''),
    en: (a) =>
      `${fieldEn(a)} = ${a.value} is not well formed: expected ${whatEn(a)}.` +
      (a.hint === 'quote-number' ? ` YAML reads ${a.value} as a number: write the id in quotes, '${a.value}'.` : ''),
  },
  'invalid-key': {
    severity: 'error',
    vi: (a) => `Khóa '${a.key}' không đúng định dạng: cần ${whatVi(a)}.`,
    en: (a) => `The key '${a.key}' is not well formed: expected ${whatEn(a)}.`,
  },
  'too-few-items': {
    severity: 'error',
    vi: (a) => `${fieldVi(a)} cần ít nhất ${a.limit} mục: hãy bổ sung.`,
    en: (a) => `${fieldEn(a)} needs at least ${a.limit === 1 ? 'one item' : `${a.limit} items`}: add the missing ones.`,
  },
  'duplicate-item': {
    severity: 'error',
    vi: (a) => `${fieldVi(a)} có ${a.value} hai lần: hãy xóa mục trùng.`,
    en: (a) => `${fieldEn(a)} lists ${a.value} twice: remove the duplicate.`,
  },
  'empty-value': {
    severity: 'error',
    vi: (a) => `${fieldVi(a)} ${emptyList(a) ? 'đang' : 'không được'} để trống: ${emptyFixVi(a)}${a.item ? '; hoặc xóa mục này' : a.optional ? '; hoặc xóa dòng này' : ''}.`,
    en: (a) => `${fieldEn(a)} ${emptyList(a) ? 'is' : 'must not be'} left empty: ${emptyFixEn(a)}${a.item ? '; or remove the item' : a.optional ? '; or remove the line' : ''}.`,
  },
  'out-of-range': {
    severity: 'error',
    vi: (a) => `${fieldVi(a)} = ${a.value} nằm ngoài giới hạn: ${COMPARISON_VI[String(a.comparison)] ?? `phải ${a.comparison}`} ${a.limit}.`,
    en: (a) => `${fieldEn(a)} = ${a.value} is out of range: it must be ${COMPARISON_EN[String(a.comparison)] ?? a.comparison} ${a.limit}.`,
  },
  'not-a-number': {
    severity: 'error',
    vi: (a) =>
      (a.tooLarge
        ? `${fieldVi(a)} = ${a.value} quá lớn, YAML hiểu là vô cực chứ không phải một số hữu hạn: `
        : `${fieldVi(a)} = ${a.value} không phải là một số${a.value === '.nan' ? '' : ' hữu hạn'} (YAML hiểu ${a.value} là ${NON_FINITE_VI[String(a.value)]}): `) +
      (a.what ? `cần ${whatVi(a)}.` : `hãy viết ${typeVi(String(a.expected))}.`),
    en: (a) =>
      (a.tooLarge
        ? `${fieldEn(a)} = ${a.value} is too large: YAML reads it as infinity, not as a finite number: `
        : `${fieldEn(a)} = ${a.value} is not a${a.value === '.nan' ? '' : ' finite'} number (YAML reads ${a.value} as ${NON_FINITE_EN[String(a.value)]}): `) +
      (a.what ? `expected ${whatEn(a)}.` : `write ${typeEn(String(a.expected))}.`),
  },
  schema: {
    severity: 'error',
    vi: (a) => `${fieldVi(a)} không hợp lệ theo định dạng hồ sơ (${a.detail}).`,
    en: (a) => `${fieldEn(a)} does not fit the record format (${a.detail}).`,
  },
  // Values
  'invalid-date': {
    severity: 'error',
    vi: (a) => `'${a.value}' không phải là một ngày có thật trên lịch: kiểm tra lại ngày và tháng.`,
    en: (a) => `'${a.value}' is not a real calendar date: check the day and the month.`,
  },
  'invalid-period': {
    severity: 'error',
    vi: (a) => `'${a.value}' không phải là một kỳ có thật: ví dụ 2022, 2022-Q3, 2022-H1, 2022-05 hoặc 2022..2026.`,
    en: (a) => `'${a.value}' is not a real period: e.g. 2022, 2022-Q3, 2022-H1, 2022-05 or 2022..2026.`,
  },
  'reversed-period': {
    severity: 'error',
    vi: (a) => `Khoảng '${a.value}' kết thúc trước khi bắt đầu: hãy đổi chỗ hai đầu.`,
    en: (a) => `The range '${a.value}' ends before it starts: swap its two ends.`,
  },
  // Semantic rules
  'config-not-at-root': {
    severity: 'error',
    vi: (a) =>
      a.folders
        ? `Đây là tệp cấu hình của thư mục hồ sơ ${a.folder}, một trong các thư mục hồ sơ ${folderList(a.folders)}, nhưng lệnh đang đọc thư mục bên ngoài chúng như một thư mục hồ sơ: hãy chạy phoihop với ${dashC(a.folders, 'hoặc')} (mỗi lần một thư mục), hoặc từ trong thư mục đó.`
        : a.folder
          ? `Đây là tệp cấu hình của thư mục hồ sơ ${a.folder}, nhưng lệnh đang đọc thư mục bên ngoài nó: hãy chạy phoihop với -C ${shellWord(String(a.folder))}, hoặc từ trong thư mục đó.`
          : `Tệp cấu hình (kind: config) phải là ${a.expected} ở thư mục gốc của hồ sơ: hãy chuyển nội dung vào đó và xóa tệp này.`,
    en: (a) =>
      a.folders
        ? `This is the config of the records folder ${a.folder}, one of the records folders ${folderList(a.folders)}, but the command is reading the folder around them as one: run phoihop with ${dashC(a.folders, 'or')} (one folder at a time), or from inside that folder.`
        : a.folder
          ? `This is the config of the records folder ${a.folder}, but the command is reading the folder around it: run phoihop with -C ${shellWord(String(a.folder))}, or from inside that folder.`
          : `The config (kind: config) must be ${a.expected} at the root of the records folder: move its content there and delete this file.`,
  },
  'invalid-timezone': {
    severity: 'error',
    vi: (a) => `Múi giờ '${a.timezone}' không tồn tại: dùng tên IANA, ví dụ Asia/Ho_Chi_Minh.`,
    en: (a) => `Unknown time zone '${a.timezone}': use an IANA name such as Asia/Ho_Chi_Minh.`,
  },
  'invalid-ignore': {
    severity: 'error',
    vi: (a) =>
      a.reason === 'empty'
        ? `Mẫu bỏ qua '${shownGlob(a.glob)}' không chỉ tệp hay thư mục nào: hãy viết tên thư mục (drafts) hoặc mẫu glob (drafts/**, *.bak.yaml), hoặc xóa dòng này.`
        : `Mẫu bỏ qua '${shownGlob(a.glob)}' không dùng được (quá dài hoặc sai cú pháp glob): hãy viết tên thư mục (drafts) hoặc mẫu glob (drafts/**, *.bak.yaml).`,
    en: (a) =>
      a.reason === 'empty'
        ? `The ignore pattern '${shownGlob(a.glob)}' names no file or folder: write a folder's name (drafts) or a glob (drafts/**, *.bak.yaml), or delete this line.`
        : `The ignore pattern '${shownGlob(a.glob)}' cannot be used (too long, or not a glob): write a folder's name (drafts) or a glob (drafts/**, *.bak.yaml).`,
  },
  'unknown-metric': {
    severity: 'warning',
    vi: (a) => `Chỉ tiêu '${a.metric}' chưa khai báo trong metrics của phoihop.yaml (đã có: ${a.known}${a.more ? ` … và ${a.more} chỉ tiêu khác` : ''}): hãy khai báo hoặc sửa lại mã.`,
    en: (a) => `Metric '${a.metric}' is not declared under metrics in phoihop.yaml (declared: ${a.known}${a.more ? ` … and ${a.more} more` : ''}): declare it or correct the id.`,
  },
  'duplicate-plan-id': {
    severity: 'error',
    vi: (a) => `Mã kế hoạch '${a.id}' đã dùng trong ${a.first}: mỗi kế hoạch cần một mã riêng; hãy đổi mã này.`,
    en: (a) => `Plan id '${a.id}' is already used in ${a.first}: every plan needs its own id; change this one.`,
  },
  'duplicate-party-id': {
    severity: 'error',
    vi: (a) => `Mã cơ quan '${a.id}' đã dùng trong ${a.first}: mỗi cơ quan cần một mã riêng; hãy đổi hoặc xóa mục trùng.`,
    en: (a) => `Party id '${a.id}' is already used in ${a.first}: every party needs its own id; rename or remove the duplicate.`,
  },
  'duplicate-content-id': {
    severity: 'error',
    vi: (a) => `Mã nội dung '${a.id}' bị trùng trong kế hoạch này${firstLineVi(a)}: hãy đổi một mã.`,
    en: (a) => `Content id '${a.id}' is used twice in this plan${firstLineEn(a)}: rename one of them.`,
  },
  'duplicate-task-id': {
    severity: 'error',
    vi: (a) => `Mã nhiệm vụ '${a.id}' bị trùng trong kế hoạch này${firstLineVi(a)}: hãy đổi một mã.`,
    en: (a) => `Task id '${a.id}' is used twice in this plan${firstLineEn(a)}: rename one of them.`,
  },
  'unknown-party': {
    severity: 'error',
    vi: (a) => `Không có cơ quan mã '${a.party}'` + (a.suggestion ? `: có phải ý bạn là '${a.suggestion}'?` : ': hãy khai báo trong parties.yaml hoặc sửa lại mã.'),
    en: (a) => `No party has the id '${a.party}'` + (a.suggestion ? `: did you mean '${a.suggestion}'?` : ': declare it in parties.yaml or correct the id.'),
  },
  'party-not-in-plan': {
    severity: 'error',
    vi: (a) => `'${a.party}' (${ROLE_VI[String(a.role)] ?? a.role}) không phải là bên tham gia kế hoạch ${a.plan}: thêm vào parties của kế hoạch hoặc chọn một bên khác.`,
    en: (a) => `'${a.party}' (${ROLE_FIELD[String(a.role)] ?? a.role}) is not one of the parties of plan ${a.plan}: add it to the plan's parties or pick another.`,
  },
  'lead-in-support': {
    severity: 'warning',
    vi: (a) => `'${a.party}' vừa chủ trì vừa phối hợp: hãy bỏ khỏi support.`,
    en: (a) => `'${a.party}' both leads and supports: remove it from support.`,
  },
  'unknown-content': {
    severity: 'error',
    vi: (a) => `Kế hoạch không có nội dung mã '${a.content}': hãy thêm vào contents hoặc sửa lại mã.`,
    en: (a) => `The plan has no content with id '${a.content}': add it to contents or correct the id.`,
  },
  'unknown-parent': {
    severity: 'error',
    vi: (a) => `Không có chương trình mã '${a.parent}' để làm chương trình cha: sửa lại mã hoặc thêm tệp của chương trình đó.`,
    en: (a) => `No plan has the id '${a.parent}' to serve as parent: correct the id or add that program's file.`,
  },
  'parent-cycle': {
    severity: 'error',
    vi: (a) => `Quan hệ cha–con tạo thành vòng (${a.chain}): một chương trình không thể thực hiện chính nó; hãy sửa parent.`,
    en: (a) => `The parent chain loops (${a.chain}): a program cannot implement itself; correct parent.`,
  },
  'period-outside-parent': {
    severity: 'error',
    vi: (a) => `Thời gian thực hiện ${a.period} không nằm trọn trong giai đoạn ${a.parentPeriod} của chương trình cha ${a.parent}: sửa period hoặc parent.`,
    en: (a) => `Period ${a.period} is not inside ${a.parentPeriod}, the period of parent ${a.parent}: correct period or parent.`,
  },
  'done-without-date': {
    severity: 'error',
    vi: () => 'Nhiệm vụ có status: done cần ngày hoàn thành: thêm done: YYYY-MM-DD.',
    en: () => 'A task with status: done needs a completion date: add done: YYYY-MM-DD.',
  },
  'date-without-done': {
    severity: 'error',
    vi: (a) => `Có ngày hoàn thành (done) nhưng status là '${a.status}': đặt status: done hoặc xóa done.`,
    en: (a) => `A completion date (done) with status '${a.status}': set status: done or remove done.`,
  },
  'results-without-done': {
    severity: 'warning',
    vi: (a) =>
      a.occurrence !== undefined
        ? `Kết quả (results) của kỳ ${a.occurrence} không được tính vì kỳ này đã hủy (status: cancelled): nếu đã thực hiện, ghi done thay cho status; nếu không, xóa results.`
        : 'Kết quả (results) chỉ được tính khi nhiệm vụ đã hoàn thành: đặt status: done với ngày done, hoặc chờ đến khi hoàn thành mới ghi.',
    en: (a) =>
      a.occurrence !== undefined
        ? `The results of occurrence ${a.occurrence} never count, as it is cancelled (status: cancelled): if it was done, write done instead of the status; if not, remove results.`
        : 'Results only count once the task is done: set status: done with a done date, or record them when it is done.',
  },
  'cancelled-with-date': {
    severity: 'error',
    vi: (a) => `Kỳ ${a.occurrence} đã hủy (status: cancelled) nên không có ngày hoàn thành: xóa done hoặc bỏ status.`,
    en: (a) => `Occurrence ${a.occurrence} is cancelled, so it has no completion date: remove done or the status.`,
  },
  'log-without-date': {
    severity: 'error',
    vi: (a) => `Mục nhật ký của kỳ ${a.occurrence} thiếu ngày hoàn thành: ghi done: <ngày> (ví dụ ${a.occurrence}: 2023-01-10), hoặc status: cancelled nếu kỳ này bị hủy.`,
    en: (a) => `The log entry of occurrence ${a.occurrence} has no completion date: write done: <date> (e.g. ${a.occurrence}: 2023-01-10), or status: cancelled if it was cancelled.`,
  },
  'one-off-with-recurring-field': {
    severity: 'error',
    vi: (a) => `'${a.field}' chỉ dùng cho nhiệm vụ định kỳ (có every): thêm every hoặc xóa '${a.field}'.`,
    en: (a) => `'${a.field}' is only for recurring tasks (with every): add every or remove '${a.field}'.`,
  },
  'recurring-with-one-off-field': {
    severity: 'error',
    vi: (a) => `Nhiệm vụ định kỳ (có every) không dùng trường '${a.field}': xóa '${a.field}' và ghi từng kỳ trong log.`,
    en: (a) => `A recurring task (with every) has no '${a.field}': remove it and record each occurrence under log.`,
  },
  'offset-with-day': {
    severity: 'error',
    vi: () => 'Chỉ dùng một trong offset (số ngày sau cuối kỳ) và day (ngày của tháng cuối kỳ): xóa một trường.',
    en: () => 'Use either offset (days after the period) or day (day of its last month), not both: remove one.',
  },
  'from-after-until': {
    severity: 'error',
    vi: (a) => `Thời gian thực hiện định kỳ (from – until) bắt đầu ${viDate(a.from)}, sau khi kết thúc ${viDate(a.until)}: sửa from hoặc until.`,
    en: (a) => `The recurrence starts on ${a.from}, after it ends on ${a.until}: correct from or until.`,
  },
  'due-out-of-range': {
    severity: 'error',
    vi: (a) => `Với offset ${a.offset}, kỳ ${a.occurrence} có hạn ${Number(a.offset) > 0 ? 'sau' : 'trước'} ngày ${viDate(a.limit)}, ngoài các năm 1–9999 mà một ngày có thể có: sửa offset, from hoặc until.`,
    en: (a) => `With offset ${a.offset}, occurrence ${a.occurrence} would fall due ${Number(a.offset) > 0 ? 'after' : 'before'} ${a.limit}, outside the years 1–9999 a date can have: correct offset, from or until.`,
  },
  'log-key-granularity': {
    severity: 'error',
    vi: (a) => `'${a.key}' không phải là một kỳ ${EVERY_VI[String(a.every)] ?? a.every} (every: ${a.every}): hãy viết khóa dạng ${exampleKey(String(a.every))}.`,
    en: (a) => `'${a.key}' is not an occurrence of every: ${a.every}: write the key like ${exampleKey(String(a.every))}.`,
  },
  'log-key-outside': {
    severity: 'error',
    vi: (a) => `Kỳ '${a.key}' nằm ngoài thời gian thực hiện định kỳ (from – until) từ ${viDate(a.from)} đến ${viDate(a.until)}: sửa khóa, hoặc from/until của nhiệm vụ.`,
    en: (a) => `Occurrence '${a.key}' is outside the recurrence ${a.from} .. ${a.until}: correct the key, or the task's from/until.`,
  },
  'bound-outside-period': {
    severity: 'warning',
    vi: (a) =>
      `'${a.bound}' ${viDate(a.date)} nằm ngoài giai đoạn ${a.period} của kế hoạch: các kỳ ${a.bound === 'until' ? 'sau khi kế hoạch kết thúc' : 'trước khi kế hoạch bắt đầu'} cũng được tính; kiểm tra lại năm.`,
    en: (a) => `'${a.bound}' ${a.date} is outside the plan's period ${a.period}: occurrences ${a.bound === 'until' ? 'after the plan ends' : 'before the plan starts'} count too; check the year.`,
  },
  'due-outside-period': {
    severity: 'warning',
    vi: (a) => `Hạn ${viDate(a.due)} nằm ngoài giai đoạn ${a.period} của kế hoạch: kiểm tra lại năm của hạn.`,
    en: (a) => `Due date ${a.due} is outside the plan's period ${a.period}: check its year.`,
  },
  'done-in-future': {
    severity: 'warning',
    vi: (a) => `Ngày hoàn thành ${viDate(a.date)} sau ngày tính số liệu ${viDate(a.asOf)}: kiểm tra lại ngày (chưa được tính là đã hoàn thành).`,
    en: (a) => `Completion date ${a.date} is after the as-of date ${a.asOf}: check the date (it does not count as done yet).`,
  },
  'signed-after-period': {
    severity: 'warning',
    vi: (a) => `Ngày ký ${viDate(a.signed)} sau khi hết thời gian thực hiện (${viDate(a.end)}): kế hoạch không có ngày nào còn hiệu lực và các nhiệm vụ định kỳ không có kỳ thực hiện nào; kiểm tra lại signed hoặc period.`,
    en: (a) => `Signed on ${a.signed}, after its period ends (${a.end}): the plan is never in force and its recurring tasks have no occurrence; check signed or period.`,
  },
  'done-before-signed': {
    severity: 'warning',
    vi: (a) => `Ngày hoàn thành ${viDate(a.date)} trước ngày ký ${viDate(a.signed)}: kiểm tra lại ngày.`,
    en: (a) => `Completion date ${a.date} is before the signing date ${a.signed}: check the date.`,
  },
  'number-format': {
    severity: 'warning',
    vi: (a) => `Số, ký hiệu '${a.number}' không có dạng thường gặp N-XX/YYY (số, loại văn bản, cơ quan ban hành; ví dụ 39-KH/BDVTU-HNB): kiểm tra lại.`,
    en: (a) => `Document number '${a.number}' does not look like N-XX/YYY (number, type, issuer; e.g. 39-KH/BDVTU-HNB): check it.`,
  },
};

/** The folders of a config-not-at-root, given as a JSON list (a name may hold a comma). */
const foldersOf = (folders: string | number | undefined): string[] => JSON.parse(String(folders)) as string[];

/** `-C ban-a or -C 'ban b'` for the folders `ban-a` and `ban b`, each as one shell word. */
function dashC(folders: string | number | undefined, or: string): string {
  return foldersOf(folders)
    .map((folder) => `-C ${shellWord(folder)}`)
    .join(` ${or} `);
}

/** The folders as a list: `ban-a, ban-b`. */
const folderList = (folders: string | number | undefined) => foldersOf(folders).join(', ');

function exampleKey(every: string): string {
  return { month: '2022-07', quarter: '2022-Q3', half: '2022-H1', year: '2022' }[every] ?? '2022-Q3';
}

function typeVi(t: string): string {
  return ({ string: 'chữ (văn bản)', number: 'một số', integer: 'một số nguyên', array: 'một danh sách', object: 'một nhóm các dòng khóa: giá trị', boolean: 'true hoặc false' } as Record<string, string>)[t] ?? t;
}
function typeEn(t: string): string {
  return ({ string: 'text', number: 'a number', integer: 'a whole number', array: 'a list', object: 'a mapping', boolean: 'true or false' } as Record<string, string>)[t] ?? t;
}

/**
 * What goes in a field left empty (`empty-value`): one of its values, a date
 * or id of its shape, text, a number, or a list's or mapping's lines, with
 * `[]` or `{}` for one that may have none.
 */
function emptyFixVi(a: DiagnosticArgs): string {
  if (a.allowed) return `dùng một trong ${a.allowed}`;
  if (a.what) return `cần ${whatVi(a)}`;
  const after = a.item ? 'dấu -' : 'dấu hai chấm';
  switch (a.expected) {
    case 'array':
      return 'hãy liệt kê các mục trong [ ], hoặc mỗi mục một dòng "- " thụt vào bên dưới' + (a.limit ? ` (cần ít nhất ${a.limit} mục)` : '; viết [] nếu không có gì');
    case 'object':
      return 'hãy viết các dòng khóa: giá trị thụt vào bên dưới' + (a.keys ? ` (cần có ${a.keys})` : '; viết {} nếu không có gì');
    case 'number':
    case 'integer':
      return `hãy viết ${typeVi(String(a.expected))} sau ${after}`;
    default:
      return `hãy viết nội dung sau ${after}`;
  }
}
function emptyFixEn(a: DiagnosticArgs): string {
  if (a.allowed) return `use one of ${a.allowed}`;
  if (a.what) return `expected ${whatEn(a)}`;
  const after = a.item ? 'the -' : 'the colon';
  switch (a.expected) {
    case 'array':
      return 'list its items in [ ], or one "- " line each indented below it' + (a.limit ? ` (at least ${a.limit} are needed)` : '; write [] for none');
    case 'object':
      return 'write its key: value lines indented below it' + (a.keys ? ` (${a.keys} needed)` : '; write {} for none');
    case 'number':
    case 'integer':
      return `write ${typeEn(String(a.expected))} after ${after}`;
    default:
      return `write its text after ${after}`;
  }
}
/** A list or mapping that may be written empty (`[]`, `{}`): it is not wrong to have none, only to leave the line bare. */
const emptyList = (a: DiagnosticArgs) => !a.item && !a.limit && !a.keys && (a.expected === 'array' || a.expected === 'object');

/**
 * How to fix a wrong type when the value shows it: a number where text is
 * expected goes in quotes (`: hãy đặt trong dấu nháy: '2022'`), a single value
 * where a list is expected goes in brackets (`: hãy viết [btg-tu]`).
 */
function typeHint(a: DiagnosticArgs, quote: string, write: string): string {
  const value = String(a.value);
  // A number as the file writes it (2022, 0045, 1e3, .nan) is text once quoted.
  if (a.expected === 'string' && YAML_NUMBER.test(value)) return `: ${quote}: '${value}'`;
  if (a.expected === 'array' && value !== '' && value !== 'null' && !/^[[{]|…$/.test(value)) return `: ${write} [${value}]`;
  return '';
}

/** The forms of a number in YAML 1.2's core schema (core-scalars.ts). */
const YAML_NUMBER = /^(?:[-+]?(?:[0-9]+|(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|\.(?:inf|Inf|INF))|0o[0-7]+|0x[0-9a-fA-F]+|\.(?:nan|NaN|NAN))$/;

/** What YAML's non-finite numbers stand for, by how they are quoted (non-finite.ts). */
const NON_FINITE_VI: Record<string, string> = { '.nan': '"không phải số"', '.inf': 'dương vô cực', '-.inf': 'âm vô cực' };
const NON_FINITE_EN: Record<string, string> = { '.nan': '"not a number"', '.inf': 'infinity', '-.inf': 'minus infinity' };

/** ajv's comparisons (minimum, maximum…) in words. */
const COMPARISON_VI: Record<string, string> = { '>=': 'phải lớn hơn hoặc bằng', '<=': 'không được lớn hơn', '>': 'phải lớn hơn', '<': 'phải nhỏ hơn' };
const COMPARISON_EN: Record<string, string> = { '>=': 'at least', '<=': 'at most', '>': 'more than', '<': 'less than' };

/** A glob as a message shows it: one over its length limit is tens of thousands of characters. */
function shownGlob(glob: string | number | undefined): string {
  glob = String(glob);
  return glob.length > 60 ? glob.slice(0, 60) + '…' : glob;
}

/** The rule ids this catalogue knows: every rule must have a message in both languages. */
export const KNOWN_RULES: readonly string[] = Object.keys(CATALOGUE);

/** The severity a rule reports with (before `--strict`). */
export function ruleSeverity(rule: string): 'error' | 'warning' | undefined {
  return CATALOGUE[rule]?.severity;
}

export function diagnosticMessage(d: Pick<Diagnostic, 'rule' | 'args'>, lang: Lang): string {
  const entry = CATALOGUE[d.rule];
  if (!entry) return `${d.rule}: ${JSON.stringify(d.args)}`;
  return entry[lang](visibleArgs(d.args)).replace(/^./, (c) => c.toUpperCase());
}

/**
 * Values quoted from the records with their control characters written out
 * (`\n`, `\u001b`): a diagnostic stays one line, and a terminal shows an
 * escape sequence in a record instead of obeying it.
 */
function visibleArgs(args: DiagnosticArgs): DiagnosticArgs {
  let copy: DiagnosticArgs | undefined;
  for (const [key, value] of Object.entries(args)) {
    if (typeof value !== 'string') continue;
    const shown = visible(value);
    if (shown === value) continue;
    copy ??= { ...args };
    copy[key] = shown;
  }
  return copy ?? args;
}
