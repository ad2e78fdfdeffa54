/**
 * The Vietnamese words a clerk may write for a field whose name is English
 * (`hạn` for `due`), so that `unknown-field` can say which field was meant.
 */

/**
 * Each word, folded (see fold), with the fields it may name, most likely
 * first: the first one the place has is suggested (`tên` is a party's
 * `name` but a plan's `title`; `đơn vị` a plan's `parties` but a metric's `unit`).
 */
const WORDS: Record<string, readonly string[]> = {
  han: ['due'],
  'han chot': ['due'],
  'thoi han': ['due'],
  'han hoan thanh': ['due'],
  'ngay het han': ['due'],
  'ghi chu': ['note'],
  'chu tri': ['lead'],
  'don vi chu tri': ['lead'],
  'co quan chu tri': ['lead'],
  'ben chu tri': ['lead'],
  'phoi hop': ['support'],
  'don vi phoi hop': ['support'],
  'co quan phoi hop': ['support'],
  'ben phoi hop': ['support'],
  'tieu de': ['title', 'label'],
  'trich yeu': ['title'],
  ten: ['name', 'title', 'label'],
  'ten goi': ['name', 'title', 'label'],
  'ho ten': ['name'],
  'ho va ten': ['name'],
  'chuc vu': ['title'],
  'ten ngan': ['short'],
  'ten goi tat': ['short'],
  'viet tat': ['abbr'],
  'ten viet tat': ['abbr'],
  'trang thai': ['status'],
  'tinh trang': ['status'],
  'ket qua': ['results'],
  'hoan thanh': ['done'],
  'ngay hoan thanh': ['done'],
  'minh chung': ['evidence'],
  'van ban minh chung': ['evidence'],
  loai: ['type', 'kind'],
  'loai van ban': ['type'],
  'loai nhiem vu': ['type'],
  'loai ho so': ['kind'],
  'noi dung': ['content', 'contents'],
  'noi dung phoi hop': ['contents', 'content'],
  'dinh ky': ['every'],
  'lap lai': ['every'],
  'chu ky': ['every'],
  so: ['number'],
  'so hieu': ['number'],
  'so ky hieu': ['number'],
  'ky hieu': ['number'],
  'so van ban': ['number'],
  'ngay ky': ['signed'],
  'ngay ban hanh': ['date', 'signed'],
  ngay: ['date'],
  'giai doan': ['period'],
  'thoi gian': ['period'],
  'thoi gian thuc hien': ['period'],
  'can cu': ['basis'],
  'van ban can cu': ['basis'],
  'cac ben': ['parties'],
  'ben tham gia': ['parties'],
  'cac ben tham gia': ['parties'],
  'don vi': ['parties', 'party', 'unit'],
  'cac don vi': ['parties'],
  'co quan': ['parties', 'party'],
  'cac co quan': ['parties'],
  ben: ['party', 'parties'],
  ma: ['id'],
  'nhiem vu': ['tasks'],
  'cac nhiem vu': ['tasks'],
  'nhat ky': ['log'],
  'nguoi ky': ['signatories'],
  'dau moi': ['contacts'],
  'lanh dao': ['leader'],
  'can bo': ['staff'],
  'can bo theo doi': ['staff'],
  'chuong trinh cha': ['parent'],
  'tu ngay': ['from'],
  'bat dau': ['from'],
  'den ngay': ['until'],
  'ket thuc': ['until'],
  'ngon ngu': ['locale'],
  'mui gio': ['timezone'],
  'chi tieu': ['metrics'],
  'bo qua': ['ignore'],
  'sap den han': ['soon'],
  nhan: ['label'],
  'don vi tinh': ['unit'],
};

/** A key without diacritics, case, or the difference between spaces, hyphens and underscores: `Hạn_chót` → `han chot`. */
export function fold(key: string): string {
  return key
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ')
    .trim();
}

/** The field among `allowed` that a Vietnamese key names, if it is one of the words above. */
export function fieldForWord(key: string, allowed: readonly string[]): string | undefined {
  const word = fold(key);
  // hasOwn: a key may be `constructor` or `__proto__`.
  return Object.hasOwn(WORDS, word) ? WORDS[word].find((field) => allowed.includes(field)) : undefined;
}

/** Every field some word names: each must be a field of the format (a test holds it to that). */
export const FIELDS_NAMED: readonly string[] = [...new Set(Object.values(WORDS).flat())];
