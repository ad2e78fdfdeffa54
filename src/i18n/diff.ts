/** Words of `diff` and of everything that reads git: usage errors, change descriptions, headings. */
import type { Lang } from './lang.js';

type Args = Record<string, string | number>;
type Entry = { vi: (a: Args) => string; en: (a: Args) => string };

const GIT = {
  'git-missing': {
    vi: () => 'Không chạy được git: hãy cài git và đặt nó trong PATH.',
    en: () => 'Could not run git: install git and put it on the PATH.',
  },
  'git-failed': {
    vi: (a: Args) => `Lệnh ${a.command} thất bại: ${a.detail}`,
    en: (a: Args) => `${a.command} failed: ${a.detail}`,
  },
  'not-a-repo': {
    vi: (a: Args) => `Thư mục hồ sơ không nằm trong một kho git: ${a.dir}`,
    en: (a: Args) => `The records folder is not in a git repository: ${a.dir}`,
  },
  'rev-is-option': {
    vi: (a: Args) => `Phiên bản git không được bắt đầu bằng dấu '-': '${a.rev}'.`,
    en: (a: Args) => `A git revision cannot start with '-': '${a.rev}'.`,
  },
  'unknown-rev': {
    vi: (a: Args) => `Không có phiên bản git '${a.rev}' (một commit, nhánh hoặc thẻ, ví dụ ${a.examples || 'HEAD, HEAD~1'}).`,
    en: (a: Args) => `Unknown git revision '${a.rev}' (a commit, branch or tag, e.g. ${a.examples || 'HEAD, HEAD~1'}).`,
  },
  'rev-not-commit': {
    vi: (a: Args) => `'${a.rev}' là một đối tượng git nhưng không phải một commit (ví dụ một thư mục HEAD:plans hay một tệp): hãy đưa một commit, nhánh hoặc thẻ, ví dụ ${a.examples || 'HEAD, HEAD~1'}.`,
    en: (a: Args) => `'${a.rev}' is a git object but not a commit (such as a folder HEAD:plans, or a file): give a commit, branch or tag, e.g. ${a.examples || 'HEAD, HEAD~1'}.`,
  },
  'unknown-rev-shallow': {
    vi: (a: Args) =>
      `Không có phiên bản git '${a.rev}' trong bản sao này: kho git chỉ có một phần lịch sử (shallow clone). Hãy lấy đủ lịch sử bằng git fetch --unshallow, hoặc fetch-depth: 0 trong actions/checkout.`,
    en: (a: Args) =>
      `Git revision '${a.rev}' is not in this copy: the repository has only part of its history (a shallow clone). Fetch the whole history with git fetch --unshallow, or fetch-depth: 0 in actions/checkout.`,
  },
  'no-commit-yet': {
    vi: (a: Args) => `Kho git chưa có commit nào, nên chưa có phiên bản '${a.rev}' để đọc.`,
    en: (a: Args) => `The git repository has no commit yet, so there is no revision '${a.rev}' to read.`,
  },
  'no-folder-at-rev': {
    vi: (a: Args) => `Thư mục hồ sơ không có ở phiên bản git '${a.rev}': ${a.dir}`,
    en: (a: Args) => `The records folder does not exist at git revision '${a.rev}': ${a.dir}`,
  },
  'no-folder-at-revs': {
    vi: (a: Args) => `Thư mục hồ sơ không có ở cả hai phiên bản git '${a.from}' và '${a.to}': ${a.dir}`,
    en: (a: Args) => `The records folder exists at neither git revision '${a.from}' nor '${a.to}': ${a.dir}`,
  },
  'git-refused': {
    vi: (a: Args) => `git không đọc được kho chứa thư mục hồ sơ ${a.dir}:\n${a.detail}`,
    en: (a: Args) => `git cannot read the repository of the records folder ${a.dir}:\n${a.detail}`,
  },
  'partial-clone-fetch-failed': {
    vi: (a: Args) =>
      `Bản sao git này là bản sao một phần (partial clone) và thiếu nội dung tệp hồ sơ của phiên bản cần đọc (${a.count} đối tượng git); lấy từ ${a.remotes} thất bại: ${a.detail}. Hãy kiểm tra kết nối mạng tới ${a.remotes} rồi chạy lại; nếu kho đó không còn giữ phiên bản này, hãy sao chép đầy đủ (không dùng --filter) từ một kho còn giữ.`,
    en: (a: Args) =>
      `This git copy is a partial clone and lacks the contents of record files at the revision to read (${a.count} git objects); fetching them from ${a.remotes} failed: ${a.detail}. Check the connection to ${a.remotes} and run again; if it no longer holds this revision, make a full clone (without --filter) from a repository that does.`,
  },
  'diff-with-rev': {
    vi: () => 'Lệnh diff không dùng --rev: hãy ghi phiên bản sau chữ diff, ví dụ phoihop diff main..HEAD.',
    en: () => 'diff does not take --rev: give the revisions after diff, e.g. phoihop diff main..HEAD.',
  },
  'three-dot-range': {
    vi: (a: Args) => `diff không nhận khoảng ba chấm '${a.range}': hãy viết phoihop diff $(git merge-base ${a.left} ${a.right})..${a.right}`,
    en: (a: Args) => `diff does not take a three-dot range '${a.range}': write phoihop diff $(git merge-base ${a.left} ${a.right})..${a.right}`,
  },
  'bad-range': {
    vi: (a: Args) => `Khoảng phiên bản không hợp lệ: '${a.range}' (dùng <rev> hoặc <rev>..<rev>).`,
    en: (a: Args) => `Invalid revision range: '${a.range}' (use <rev> or <rev>..<rev>).`,
  },
} satisfies Record<string, Entry>;

export type GitMessage = keyof typeof GIT;

export function gitMessage(lang: Lang, key: GitMessage, args: Args = {}): string {
  return GIT[key][lang](args);
}

const STATUS: Record<string, { vi: string; en: string }> = {
  planned: { vi: 'chưa thực hiện', en: 'planned' },
  'in-progress': { vi: 'đang thực hiện', en: 'in progress' },
  done: { vi: 'đã hoàn thành', en: 'done' },
  cancelled: { vi: 'đã hủy', en: 'cancelled' },
};

export function statusLabel(lang: Lang, status: string): string {
  return STATUS[status]?.[lang] ?? status;
}

const plural = (n: number, word: string) => (n === 1 ? word : `${word}s`);

const WORDS = {
  worktree: { vi: () => 'bản làm việc hiện tại', en: () => 'the work tree' },
  'plan-added': { vi: () => 'thêm kế hoạch', en: () => 'plan added' },
  'plan-removed': { vi: () => 'xóa kế hoạch', en: () => 'plan removed' },
  'task-added': { vi: () => 'thêm nhiệm vụ', en: () => 'task added' },
  'task-removed': { vi: () => 'xóa nhiệm vụ', en: () => 'task removed' },
  'due-later': {
    vi: (a: Args) => `lùi hạn ${a.days} ngày`,
    en: (a: Args) => `due moved ${a.days} ${plural(Number(a.days), 'day')} later`,
  },
  'due-earlier': {
    vi: (a: Args) => `hạn sớm hơn ${a.days} ngày`,
    en: (a: Args) => `due moved ${a.days} ${plural(Number(a.days), 'day')} earlier`,
  },
  'status-changed': { vi: () => 'đổi trạng thái', en: () => 'status changed' },
  'done-recorded': { vi: (a: Args) => `ghi nhận hoàn thành ngày ${a.date}`, en: (a: Args) => `completion recorded on ${a.date}` },
  'lead-changed': { vi: () => 'đổi đơn vị chủ trì', en: () => 'lead changed' },
  'field-changed': { vi: () => 'sửa', en: () => 'changed' },
  occurrence: { vi: (a: Args) => `kỳ ${a.key}`, en: (a: Args) => `occurrence ${a.key}` },
  none: { vi: () => '(trống)', en: () => '(none)' },
  'others-heading': { vi: () => 'Thay đổi ngoài các kế hoạch:', en: () => 'Changes outside the plans:' },
  'md-others-heading': { vi: () => 'Ngoài các kế hoạch', en: () => 'Outside the plans' },
  config: { vi: () => 'cấu hình', en: () => 'config' },
  party: { vi: (a: Args) => `đơn vị ${a.id}`, en: (a: Args) => `party ${a.id}` },
  added: { vi: () => 'thêm', en: () => 'added' },
  removed: { vi: () => 'xóa', en: () => 'removed' },
  'md-more-others': {
    vi: (a: Args) => `… và ${a.count} thay đổi khác ngoài các kế hoạch (xem đủ bằng ${a.check}).`,
    en: (a: Args) => `… and ${a.count} more ${plural(Number(a.count), 'change')} outside the plans (see them all with ${a.check}).`,
  },
  'no-changes': { vi: () => 'Không có thay đổi nào trong các kế hoạch.', en: () => 'No changes in the plans.' },
  'count-line': {
    vi: (a: Args) => `${a.count} thay đổi trong ${a.plans} kế hoạch (${a.from} → ${a.to}).`,
    en: (a: Args) =>
      `${a.count} ${plural(Number(a.count), 'change')} in ${a.plans} ${plural(Number(a.plans), 'plan')} (${a.from} → ${a.to}).`,
  },
  'md-heading': { vi: () => 'Thay đổi trong các kế hoạch phối hợp', en: () => 'Changes to the coordination plans' },
  'md-compared': {
    vi: (a: Args) => `So sánh ${a.from} với ${a.to}: ${a.count} thay đổi trong ${a.plans} kế hoạch.`,
    en: (a: Args) =>
      `Comparing ${a.from} with ${a.to}: ${a.count} ${plural(Number(a.count), 'change')} in ${a.plans} ${plural(Number(a.plans), 'plan')}.`,
  },
  'md-no-changes': {
    vi: (a: Args) => `So sánh ${a.from} với ${a.to}: không có thay đổi nào trong các kế hoạch.`,
    en: (a: Args) => `Comparing ${a.from} with ${a.to}: no changes in the plans.`,
  },
  'md-more-diagnostics': {
    vi: (a: Args) => `… và ${a.count} lỗi, cảnh báo khác (xem đủ bằng ${a.check}).`,
    en: (a: Args) => `… and ${a.count} more (see them all with ${a.check}).`,
  },
  'md-more-changes': {
    vi: (a: Args) => `… và ${a.count} thay đổi khác không hiển thị để bình luận không vượt giới hạn độ dài của GitHub (xem đủ bằng ${a.check}).`,
    en: (a: Args) =>
      `… and ${a.count} more ${plural(Number(a.count), 'change')}, left out to keep the comment within GitHub's limit (see them all with ${a.check}).`,
  },
  'invalid-side': {
    vi: (a: Args) => `Không so sánh được: hồ sơ tại ${a.side} có ${a.errors} lỗi.`,
    en: (a: Args) => `Cannot compare: the records at ${a.side} have ${a.errors} ${plural(Number(a.errors), 'error')}.`,
  },
  'invalid-hint': {
    vi: (a: Args) => `Hãy sửa các lỗi trên (${a.check}) rồi so sánh lại.`,
    en: (a: Args) => `Fix the errors above (${a.check}), then compare again.`,
  },
} satisfies Record<string, Entry>;

export type DiffWord = keyof typeof WORDS;

export function diffWord(lang: Lang, key: DiffWord, args: Args = {}): string {
  return WORDS[key][lang](args);
}
