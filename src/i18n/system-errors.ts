/**
 * A failed file operation in the user's words. Node's own text
 * (`ENOENT: no such file or directory, mkdir '/x'`) is English and names
 * system calls; a clerk reading Vietnamese gets Vietnamese, with the code
 * kept after it for whoever helps them. A code not listed keeps Node's text.
 */
import type { Lang } from './lang.js';

type Phrase = (path: string | undefined) => string;
const at = (path: string | undefined, before = ' ') => (path === undefined ? '' : `${before}${path}`);

const PHRASES: Record<string, { vi: Phrase; en: Phrase }> = {
  ENOENT: { vi: (p) => `không có tệp hay thư mục${at(p)}`, en: (p) => `no such file or folder${at(p)}` },
  EACCES: { vi: (p) => `không có quyền truy cập${at(p)}`, en: (p) => `permission denied${at(p, ' on ')}` },
  EPERM: { vi: (p) => `không được phép thao tác${at(p, ' trên ')}`, en: (p) => `operation not permitted${at(p, ' on ')}` },
  ENOSPC: { vi: () => 'đĩa đã đầy', en: () => 'the disk is full' },
  EDQUOT: { vi: () => 'đã dùng hết hạn mức dung lượng đĩa', en: () => 'the disk quota is used up' },
  EROFS: { vi: () => 'ổ đĩa chỉ cho phép đọc', en: () => 'the file system is read-only' },
  EISDIR: { vi: (p) => `${p ?? 'đường dẫn'} là một thư mục`, en: (p) => `${p ?? 'the path'} is a folder` },
  ENOTDIR: { vi: (p) => `một phần của đường dẫn${at(p)} không phải thư mục`, en: (p) => `part of the path${at(p)} is not a folder` },
  EEXIST: { vi: (p) => `${p ?? 'tệp'} đã có`, en: (p) => `${p ?? 'the file'} already exists` },
  EMFILE: { vi: () => 'đang mở quá nhiều tệp cùng lúc', en: () => 'too many files are open' },
  ENFILE: { vi: () => 'hệ thống đang mở quá nhiều tệp', en: () => 'the system has too many files open' },
  ENAMETOOLONG: { vi: () => 'tên tệp quá dài', en: () => 'the file name is too long' },
  ELOOP: { vi: () => 'đường dẫn có vòng liên kết', en: () => 'the path has a loop of links' },
  EIO: { vi: () => 'lỗi đọc ghi của thiết bị', en: () => 'an input/output error of the device' },
  EBUSY: { vi: (p) => `${p ?? 'tệp'} đang bị chiếm dụng`, en: (p) => `${p ?? 'the file'} is busy` },
};

/** `error` (a Node error, or `{ code, message }` kept in a diagnostic) as words; `withPath: false` when the message names the file already. */
export function systemError(lang: Lang, error: unknown, { withPath = true } = {}): string {
  const { code, path, message } = (error ?? {}) as { code?: unknown; path?: unknown; message?: unknown };
  const phrase = typeof code === 'string' ? PHRASES[code] : undefined;
  if (phrase === undefined) return typeof message === 'string' && message !== '' ? message : typeof code === 'string' ? code : String(error);
  return `${phrase[lang](withPath && typeof path === 'string' ? path : undefined)} (${code})`;
}
