/** Words of the writing commands (init, new, done), in Vietnamese and English. */
import type { Lang } from './lang.js';
import { viDate } from './reports.js';

type Args = Record<string, string | number>;
type Entry = { vi: (a: Args) => string; en: (a: Args) => string };

/** What one occurrence of each `every` is called: một kỳ quý, một kỳ 6 tháng. */
export const EVERY_VI: Record<string, string> = { month: 'tháng', quarter: 'quý', half: '6 tháng', year: 'năm' };
/** How often each `every` recurs: hằng quý, định kỳ 6 tháng. */
const RECURS_VI: Record<string, string> = { month: 'hằng tháng', quarter: 'hằng quý', half: 'định kỳ 6 tháng', year: 'hằng năm' };
const FIELD_VI: Record<string, string> = { note: 'ghi chú (note)', evidence: 'văn bản ghi nhận (evidence)' };
const list = (value: string | number | undefined, none: string) => (value === undefined || value === '' ? none : String(value));

const CATALOGUE = {
  // done: how it was called
  'bad-target': {
    vi: (a) => `'${a.value}' không đúng dạng <mã-kế-hoạch>/<mã-nhiệm-vụ> (ví dụ: btg-bdv-2022-2026/giao-ban-quy).`,
    en: (a) => `'${a.value}' is not of the form <plan-id>/<task-id> (e.g. btg-bdv-2022-2026/giao-ban-quy).`,
  },
  'bad-result': {
    vi: (a) => `--result '${a.value}' không đúng dạng <chỉ-tiêu>=<số> (ví dụ: --result bai-viet=12).`,
    en: (a) => `--result '${a.value}' is not of the form <metric>=<number> (e.g. --result articles=12).`,
  },
  'duplicate-result': {
    vi: (a) => `Chỉ tiêu '${a.metric}' được ghi hai lần bằng --result.`,
    en: (a) => `The metric '${a.metric}' is given twice with --result.`,
  },
  'rev-not-editable': {
    vi: () => 'Không thể ghi vào một phiên bản git (--rev): lệnh này chỉ sửa bản làm việc hiện tại.',
    en: () => 'Cannot write to a git revision (--rev): this command only edits the work tree.',
  },
  'unknown-plan': {
    vi: (a) => `Không có kế hoạch mã '${a.id}'. Các mã hiện có: ${list(a.known, '(không có)')}.`,
    en: (a) => `No plan has the id '${a.id}'. Known ids: ${list(a.known, '(none)')}.`,
  },
  'unknown-task': {
    vi: (a) => `Kế hoạch '${a.plan}' không có nhiệm vụ mã '${a.task}'. Các nhiệm vụ: ${list(a.known, '(không có)')}.`,
    en: (a) => `Plan '${a.plan}' has no task with the id '${a.task}'. Its tasks: ${list(a.known, '(none)')}.`,
  },
  // done: refusals of the request (see edit/done.ts)
  'period-required': {
    vi: (a) => `Nhiệm vụ '${a.task}' là nhiệm vụ định kỳ (${RECURS_VI[a.every] ?? a.every}): hãy ghi kỳ bằng --period.${a.open ? ` Các kỳ chưa ghi nhận, cũ nhất trước: ${a.open}${a.more ? ` và ${a.more} kỳ nữa, đến ${a.last}` : ''}.` : ''}`,
    en: (a) => `Task '${a.task}' recurs every ${a.every}: name the occurrence with --period.${a.open ? ` Occurrences not yet logged, oldest first: ${a.open}${a.more ? ` and ${a.more} more, up to ${a.last}` : ''}.` : ''}`,
  },
  'period-for-one-off': {
    vi: (a) => `Nhiệm vụ '${a.task}' không phải nhiệm vụ định kỳ nên không dùng --period (${a.period}).`,
    en: (a) => `Task '${a.task}' does not recur, so --period (${a.period}) does not apply.`,
  },
  'period-granularity': {
    vi: (a) => `Kỳ ${a.period} không phải một kỳ ${EVERY_VI[a.every] ?? a.every} của nhiệm vụ '${a.task}' (every: ${a.every}).`,
    en: (a) => `${a.period} is not an occurrence of task '${a.task}', which recurs every ${a.every}.`,
  },
  'period-outside': {
    vi: (a) => `Kỳ ${a.period} nằm ngoài thời gian thực hiện định kỳ (from – until) của nhiệm vụ '${a.task}': từ ${viDate(a.from)} đến ${viDate(a.until)}.`,
    en: (a) => `${a.period} is outside the recurrence of task '${a.task}' (${a.from} .. ${a.until}).`,
  },
  'already-logged': {
    vi: (a) => `Kỳ ${a.period} của nhiệm vụ '${a.task}' đã được ghi (${a.value}). Dùng --force để ghi đè.`,
    en: (a) => `Occurrence ${a.period} of task '${a.task}' is already logged (${a.value}). Use --force to replace it.`,
  },
  'already-done': {
    vi: (a) => `Nhiệm vụ '${a.task}' đã hoàn thành${a.date ? ` (ngày ${viDate(a.date)})` : ''}. Dùng --force để ghi lại ngày hoàn thành.`,
    en: (a) => `Task '${a.task}' is already done${a.date ? ` (on ${a.date})` : ''}. Use --force to record it again.`,
  },
  'task-cancelled': {
    vi: (a) => `Nhiệm vụ '${a.task}' đã bị hủy (status: cancelled). Dùng --force nếu nhiệm vụ vẫn được thực hiện.`,
    en: (a) => `Task '${a.task}' is cancelled (status: cancelled). Use --force if it was carried out after all.`,
  },
  'field-exists': {
    vi: (a) => `Nhiệm vụ đã có ${FIELD_VI[a.field] ?? `'${a.field}'`}: ${a.value}. Dùng --force để thay.`,
    en: (a) => `The task already has '${a.field}': ${a.value}. Use --force to replace it.`,
  },
  'unsupported-layout': {
    vi: (a) => `Không sửa được tệp một cách an toàn vì cách viết của '${a.detail}' (ví dụ bí danh *); hãy sửa tay.`,
    en: (a) => `Cannot edit the file safely because of how '${a.detail}' is written (e.g. an alias *); edit it by hand.`,
  },
  'shared-anchor': {
    vi: (a) =>
      `${a.file}:${a.line}:${a.column}: không sửa được nhiệm vụ '${a.task}' một cách an toàn: chỗ cần sửa nằm trong giá trị có neo &${a.anchor}, mà bí danh *${a.anchor} ở chỗ khác trong tệp dùng chung giá trị đó, nên sửa ở đây sẽ đổi cả chỗ kia. Tệp được giữ nguyên; hãy viết lại giá trị thay cho *${a.anchor} (bỏ dùng chung) rồi chạy lại, hoặc sửa tay.`,
    en: (a) =>
      `${a.file}:${a.line}:${a.column}: cannot edit task '${a.task}' safely: the place to change is inside a value with the anchor &${a.anchor}, which the alias *${a.anchor} elsewhere in the file shares, so the change would show up there too. The file was left as it was; write the value out in place of *${a.anchor} (so nothing is shared) and run again, or edit by hand.`,
  },
  'alias-value': {
    vi: (a) =>
      `${a.file}:${a.line}:${a.column}: '${a.field}' của nhiệm vụ '${a.task}' là bí danh *${a.anchor}, dùng chung giá trị viết ở neo &${a.anchor}; phoihop done không sửa giá trị dùng chung. Tệp được giữ nguyên; hãy viết giá trị thật thay cho *${a.anchor} rồi chạy lại, hoặc sửa tay.`,
    en: (a) =>
      `${a.file}:${a.line}:${a.column}: '${a.field}' of task '${a.task}' is the alias *${a.anchor}, sharing the value written at the anchor &${a.anchor}; phoihop done does not edit shared values. The file was left as it was; write the value itself in place of *${a.anchor} and run again, or edit by hand.`,
  },
  'unsafe-edit': {
    vi: () => 'Sau khi sửa, đọc lại tệp không ra đúng giá trị mong muốn nên tệp được giữ nguyên; hãy sửa tay và báo lỗi cho nhóm phát triển.',
    en: () => 'The edit did not read back as the intended values, so the file was left as it was; edit it by hand and report this.',
  },
  // done and new: validation
  'folder-invalid': {
    vi: (a) => `Thư mục hồ sơ đang có lỗi (ở trên) nên không ghi gì: hãy sửa trước (${a.check}).`,
    en: (a) => `The records folder has errors (above), so nothing was written: fix them first (${a.check}).`,
  },
  'result-invalid': {
    vi: () => 'Nội dung sửa sẽ làm hồ sơ có lỗi (nêu ở trên; số dòng tính theo tệp sau khi sửa) nên tệp được giữ nguyên.',
    en: () => 'The edit would make the records invalid (errors above, lines as in the edited file), so the file was left unchanged.',
  },
  'new-invalid': {
    vi: () => 'Kế hoạch mới sẽ không hợp lệ (lỗi ở trên) nên chưa ghi gì.',
    en: () => 'The new plan would not validate (errors above), so nothing was written.',
  },
  'lock-holder': { vi: (a) => `tiến trình ${a.pid} trên máy ${a.host}`, en: (a) => `process ${a.pid} on ${a.host}` },
  'lock-holder-unknown': { vi: () => 'không rõ tiến trình nào', en: () => 'which one is not known' },
  'folder-lock-wait': {
    vi: (a) => `đang chờ một lệnh phoihop khác (${a.holder}) ghi xong vào thư mục hồ sơ…`,
    en: (a) => `waiting for another phoihop run (${a.holder}) to finish writing to the records folder…`,
  },
  'folder-locked': {
    vi: (a) =>
      `Thư mục hồ sơ vẫn đang bị một lệnh phoihop khác giữ sau ${a.seconds} giây chờ (${a.holder}; tệp khóa ${a.lock}), nên không ghi gì; hãy chạy lại lệnh sau. Nếu chắc không còn lệnh nào đang chạy, hãy xóa tệp khóa đó.`,
    en: (a) =>
      `The records folder was still held by another phoihop run after ${a.seconds} s of waiting (${a.holder}; lock file ${a.lock}), so nothing was written; run the command again later. If you are sure no run is still going, delete that lock file.`,
  },
  'file-changed': {
    vi: (a) => `Tệp ${a.file} vừa bị thay đổi trong lúc sửa nên không ghi; hãy chạy lại lệnh.`,
    en: (a) => `${a.file} changed while it was being edited, so nothing was written; run the command again.`,
  },
  'not-writable': {
    vi: (a) => `${a.file}: không có quyền ghi tệp này (tệp chỉ đọc, hoặc thuộc người dùng khác) nên không ghi gì; tệp được giữ nguyên. Hãy cho phép ghi (ví dụ chmod u+w) rồi chạy lại.`,
    en: (a) => `${a.file}: this file is not writable by you (read-only, or owned by another user), so nothing was written; the file is unchanged. Make it writable (e.g. chmod u+w) and run again.`,
  },
  'write-failed': {
    vi: (a) => `Không ghi được ${a.file}: ${a.detail}. Tệp cũ được giữ nguyên.`,
    en: (a) => `Cannot write ${a.file}: ${a.detail}. The old file is unchanged.`,
  },
  'done-recorded': {
    vi: (a) => `${a.file}: đã ghi nhận hoàn thành ${a.target}${a.period ? ` kỳ ${a.period}` : ''} ngày ${a.date}.`,
    en: (a) => `${a.file}: recorded ${a.target}${a.period ? ` (${a.period})` : ''} as done on ${a.date}.`,
  },
  'done-would-record': {
    vi: (a) => `${a.file}: sẽ ghi nhận hoàn thành ${a.target}${a.period ? ` kỳ ${a.period}` : ''} ngày ${a.date}.`,
    en: (a) => `${a.file}: would record ${a.target}${a.period ? ` (${a.period})` : ''} as done on ${a.date}.`,
  },
  'dry-run': {
    vi: () => '(--dry-run: chưa ghi gì vào tệp)',
    en: () => '(--dry-run: nothing was written)',
  },
  // init
  'bad-locale': { vi: (a) => `Ngôn ngữ không hỗ trợ: '${a.value}' (vi hoặc en).`, en: (a) => `Unsupported locale: '${a.value}' (vi or en).` },
  'bad-timezone': {
    vi: (a) => `Múi giờ không hợp lệ: '${a.value}' (dùng tên IANA, ví dụ Asia/Ho_Chi_Minh).`,
    en: (a) => `Invalid time zone: '${a.value}' (use an IANA name, e.g. Asia/Ho_Chi_Minh).`,
  },
  'file-in-the-way': {
    vi: (a) => `Không tạo được ${a.target}: ${a.path} là một tệp, không phải là thư mục. Không ghi gì.`,
    en: (a) => `Cannot make ${a.target}: ${a.path} is a file, not a folder. Nothing was written.`,
  },
  'create-failed': {
    vi: (a) => `Không tạo được ${a.file}: ${a.detail}.`,
    en: (a) => `Cannot create ${a.file}: ${a.detail}.`,
  },
  'init-write-failed': {
    vi: (a) => `Không ghi được thư mục hồ sơ ${a.dir}: ${a.detail}. ${a.undone === 'removed' ? 'Những gì lệnh này vừa tạo đã được xóa.' : 'Chưa có gì được tạo.'}`,
    en: (a) => `Cannot write the records folder ${a.dir}: ${a.detail}. ${a.undone === 'removed' ? 'What this run made was removed.' : 'Nothing was made.'}`,
  },
  'not-a-folder': { vi: (a) => `${a.path} đã có và không phải là thư mục.`, en: (a) => `${a.path} exists and is not a folder.` },
  'init-exists': {
    vi: (a) => `Không ghi gì vì các tệp sau đã có (phoihop init không ghi đè): ${a.files}`,
    en: (a) => `Nothing was written because these files exist (phoihop init never overwrites): ${a.files}`,
  },
  'init-inside-records': {
    vi: (a) =>
      `Không ghi gì: ${a.dir} nằm trong thư mục hồ sơ ${a.outer}, nên thư mục hồ sơ mới sẽ bị đọc như một phần của nó (phoihop.yaml không ở gốc, mã cơ quan trùng). Hãy chọn một thư mục bên ngoài, hoặc trước hết thêm ${a.folder} vào ignore của ${a.config}.`,
    en: (a) =>
      `Nothing was written: ${a.dir} is inside the records folder ${a.outer}, which would read the new folder as part of itself (a phoihop.yaml not at its root, clashing party ids). Choose a folder outside it, or first add ${a.folder} to the ignore list of ${a.config}.`,
  },
  'init-clash': {
    vi: (a) => `Không ghi gì vì thư mục đã có hồ sơ trùng với những gì phoihop init tạo ra (thư mục sẽ không hợp lệ): ${a.files}`,
    en: (a) => `Nothing was written because the folder already holds records that clash with what phoihop init makes (the folder would not validate): ${a.files}`,
  },
  'init-clash-config': {
    vi: (a) => `${a.file} (đã là tệp cấu hình, mà mỗi thư mục hồ sơ chỉ có một: phoihop.yaml)`,
    en: (a) => `${a.file} (already a config, and a records folder has one: phoihop.yaml)`,
  },
  'init-clash-ids': {
    vi: (a) => `${a.file} (trùng mã với ${a.ours}: ${a.ids})`,
    en: (a) => `${a.file} (same ids as ${a.ours}: ${a.ids})`,
  },
  'init-created': {
    vi: (a) => `Đã tạo thư mục hồ sơ ${a.dir}:`,
    en: (a) => `Created the records folder ${a.dir}:`,
  },
  'init-next': {
    vi: (a) => `Tiếp theo: sửa parties.yaml và ${a.plan} cho đúng cơ quan, văn bản của mình, rồi chạy: phoihop validate${a.dirOption}`,
    en: (a) => `Next: edit parties.yaml and ${a.plan} to match your parties and documents, then run: phoihop validate${a.dirOption}`,
  },
  // new
  'bad-id': {
    vi: (a) => `Mã '${a.value}' không hợp lệ: chỉ dùng chữ thường không dấu, chữ số và dấu gạch nối (-), ví dụ kh-bdv-btg-2027.`,
    en: (a) => `'${a.value}' is not a valid id: use lower-case letters without accents, digits and hyphens (e.g. kh-bdv-btg-2027).`,
  },
  'id-exists': {
    vi: (a) => `Mã '${a.id}' đã được dùng trong ${a.file}.`,
    en: (a) => `The id '${a.id}' is already used in ${a.file}.`,
  },
  'file-exists': { vi: (a) => `Tệp ${a.file} đã có; phoihop new không ghi đè.`, en: (a) => `${a.file} exists; phoihop new never overwrites.` },
  'missing-options': {
    vi: (a) => `Thiếu ${a.options} (ví dụ: phoihop new kh-2027 --title "Kế hoạch phối hợp năm 2027" --parties bdv-tu,btg-tu --period 2027).`,
    en: (a) => `Missing ${a.options} (e.g. phoihop new kh-2027 --title "Coordination plan 2027" --parties bdv-tu,btg-tu --period 2027).`,
  },
  'bad-plan-type': { vi: (a) => `Loại văn bản không hợp lệ: '${a.value}' (program hoặc plan).`, en: (a) => `Invalid document type: '${a.value}' (program or plan).` },
  'too-few-parties': {
    vi: () => 'Chương trình, kế hoạch phối hợp cần ít nhất hai bên khác nhau (--parties a,b).',
    en: () => 'A coordination program or plan needs at least two different parties (--parties a,b).',
  },
  'unknown-parties': {
    vi: (a) => `Không có cơ quan mã ${a.ids}. Các mã hiện có: ${list(a.known, '(không có)')}.`,
    en: (a) => `${a.count === 1 ? 'No party has the id' : 'No parties have the ids'} ${a.ids}. Known ids: ${list(a.known, '(none)')}.`,
  },
  'unknown-parent': {
    vi: (a) => `Không có chương trình mã '${a.id}' để làm --parent. Các mã hiện có: ${list(a.known, '(không có)')}.`,
    en: (a) => `No program has the id '${a.id}' for --parent. Known ids: ${list(a.known, '(none)')}.`,
  },
  'new-created': { vi: (a) => `Đã tạo ${a.file}.`, en: (a) => `Created ${a.file}.` },
  'new-next': {
    vi: () => 'Bỏ dấu # ở các dòng mẫu contents và tasks rồi sửa cho đúng văn bản; kiểm tra bằng: phoihop validate',
    en: () => 'Uncomment the sample contents and tasks and make them match the document; check with: phoihop validate',
  },
  'bad-metric': {
    vi: (a) => `Chỉ tiêu '${a.metric}' trong --result không hợp lệ: tên chỉ tiêu chỉ dùng chữ thường không dấu, chữ số và dấu gạch nối (ví dụ bai-viet).`,
    en: (a) => `Metric '${a.metric}' in --result is not a valid name: use lower-case letters without accents, digits and hyphens (e.g. articles).`,
  },
  'empty-evidence': {
    vi: () => '--evidence không được để trống: hãy ghi số, ký hiệu văn bản (ví dụ --evidence 301-BC/BDVTU) hoặc bỏ --evidence.',
    en: () => '--evidence must not be empty: give the document number (e.g. --evidence 301-BC/BDVTU) or leave --evidence out.',
  },
  'schemas-missing': {
    vi: (a) => `Lưu ý: chưa có ${a.path} cho trình soạn thảo; tạo bằng: mkdir -p .phoihop/schemas && phoihop schema plan > ${a.path}`,
    en: (a) => `Note: ${a.path} is missing for the editor; make it with: mkdir -p .phoihop/schemas && phoihop schema plan > ${a.path}`,
  },
} satisfies Record<string, Entry>;

export type EditMessage = keyof typeof CATALOGUE;

export function editMessage(lang: Lang, key: EditMessage, args: Args = {}): string {
  return CATALOGUE[key][lang](args);
}
