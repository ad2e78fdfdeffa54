/**
 * Every human-readable word of the reports, in Vietnamese and English: headers,
 * state names, task types, dates, numbers, and period names written as a
 * Vietnamese report writes them (Quý III năm 2022, 6 tháng đầu năm 2022,
 * giai đoạn 2022 – 2026).
 */
import { type Day, formatISO, formatVi, toDay, ymdFromDay } from '../model/dates.js';
import type { ItemState, PlanState, Timeliness } from '../model/items.js';
import type { Period } from '../model/periods.js';
import type { PlanType, TaskType } from '../model/records.js';
import type { Lang } from './lang.js';

type Words = Record<string, { vi: string; en: string }>;

const WORDS = {
  // Columns
  id: { vi: 'Mã', en: 'Id' },
  number: { vi: 'Số, ký hiệu', en: 'Number' },
  title: { vi: 'Tên', en: 'Title' },
  period: { vi: 'Giai đoạn', en: 'Period' },
  planState: { vi: 'Trạng thái', en: 'State' },
  state: { vi: 'Tình trạng', en: 'State' },
  total: { vi: 'Tổng số', en: 'Total' },
  done: { vi: 'Hoàn thành', en: 'Done' },
  overdue: { vi: 'Quá hạn', en: 'Overdue' },
  dueSoon: { vi: 'Sắp đến hạn', en: 'Due soon' },
  open: { vi: 'Chưa đến hạn', en: 'Open' },
  cancelled: { vi: 'Đã hủy', en: 'Cancelled' },
  doneOnTime: { vi: 'Hoàn thành đúng hạn', en: 'Done on time' },
  doneLate: { vi: 'Hoàn thành trễ hạn', en: 'Done late' },
  progress: { vi: 'Tiến độ', en: 'Progress' },
  next: { vi: 'Nhiệm vụ kế tiếp', en: 'Next item' },
  nextDue: { vi: 'Hạn kế tiếp', en: 'Next due' },
  due: { vi: 'Hạn', en: 'Due' },
  daysLeft: { vi: 'Còn lại', en: 'Days left' },
  plan: { vi: 'Kế hoạch', en: 'Plan' },
  task: { vi: 'Nhiệm vụ', en: 'Task' },
  occurrence: { vi: 'Kỳ', en: 'Occurrence' },
  taskTitle: { vi: 'Tên nhiệm vụ', en: 'Title' },
  type: { vi: 'Loại', en: 'Type' },
  lead: { vi: 'Chủ trì', en: 'Lead' },
  support: { vi: 'Phối hợp', en: 'Support' },
  doneOn: { vi: 'Ngày hoàn thành', en: 'Completed' },
  assessment: { vi: 'Đánh giá', en: 'Timeliness' },
  results: { vi: 'Kết quả', en: 'Results' },
  leadParty: { vi: 'Đơn vị chủ trì', en: 'Lead party' },
  taskType: { vi: 'Loại nhiệm vụ', en: 'Task type' },
  metric: { vi: 'Chỉ tiêu', en: 'Metric' },
  amount: { vi: 'Số lượng', en: 'Amount' },
  unit: { vi: 'Đơn vị tính', en: 'Unit' },
  // status
  statusTitle: { vi: 'Tình hình thực hiện các chương trình, kế hoạch phối hợp', en: 'Coordination programs and plans: status' },
  statusEmpty: {
    vi: 'Không có chương trình, kế hoạch nào đang thực hiện hoặc sắp có hiệu lực (thêm --all để xem cả những kế hoạch đã kết thúc).',
    en: 'No plan is active or upcoming (add --all to include ended plans).',
  },
  planItemsEmpty: { vi: 'Kế hoạch không có nhiệm vụ nào.', en: 'The plan has no items.' },
  // deadlines
  deadlinesEmpty: { vi: 'Không có nhiệm vụ nào quá hạn hoặc sắp đến hạn.', en: 'Nothing is overdue or due soon.' },
  overdueEmpty: { vi: 'Không có nhiệm vụ nào quá hạn.', en: 'Nothing is overdue.' },
  overdueTitle: { vi: 'Nhiệm vụ quá hạn', en: 'Overdue items' },
  // summary
  summaryTitle: { vi: 'Tổng hợp kết quả thực hiện chương trình, kế hoạch phối hợp', en: 'Summary of coordination programs and plans' },
  sectionPlans: { vi: 'Chương trình, kế hoạch có hiệu lực trong kỳ', en: 'Plans in force in the period' },
  sectionDue: { vi: 'Nhiệm vụ đến hạn trong kỳ', en: 'Items due in the period' },
  sectionCompleted: { vi: 'Nhiệm vụ hoàn thành trong kỳ', en: 'Completed in the period' },
  sectionByLead: { vi: 'Theo đơn vị chủ trì', en: 'By lead party' },
  sectionByType: { vi: 'Theo loại nhiệm vụ', en: 'By task type' },
  sectionResults: { vi: 'Kết quả đạt được', en: 'Results' },
  noPlans: { vi: 'Không có chương trình, kế hoạch nào có hiệu lực trong kỳ.', en: 'No plan was in force in the period.' },
  noDue: { vi: 'Không có nhiệm vụ nào đến hạn trong kỳ.', en: 'Nothing fell due in the period.' },
  noCompleted: { vi: 'Không có nhiệm vụ nào hoàn thành trong kỳ.', en: 'Nothing was completed in the period.' },
  noResults: { vi: 'Không có kết quả nào được ghi nhận trong kỳ.', en: 'No results were recorded in the period.' },
  noNext: { vi: 'Không có nhiệm vụ nào còn phải thực hiện.', en: 'Nothing remains to be done.' },
  none: { vi: '—', en: '—' },
} satisfies Words;

export type Word = keyof typeof WORDS;

export function word(lang: Lang, key: Word): string {
  return WORDS[key][lang];
}

const ITEM_STATES: Record<ItemState | 'ongoing', { vi: string; en: string }> = {
  overdue: { vi: 'quá hạn', en: 'overdue' },
  'due-soon': { vi: 'sắp đến hạn', en: 'due soon' },
  open: { vi: 'chưa đến hạn', en: 'open' },
  ongoing: { vi: 'thường xuyên', en: 'ongoing' },
  cancelled: { vi: 'đã hủy', en: 'cancelled' },
  done: { vi: 'hoàn thành', en: 'done' },
};

const TIMELINESS: Record<Timeliness, { vi: string; en: string }> = {
  'on-time': { vi: 'đúng hạn', en: 'on time' },
  late: { vi: 'trễ hạn', en: 'late' },
};

/** `quá hạn`, `hoàn thành đúng hạn`, `thường xuyên` (an open item with no due date)… */
export function itemStateName(lang: Lang, state: ItemState, extra: { timeliness?: Timeliness; ongoing?: boolean } = {}): string {
  if (state === 'done' && extra.timeliness) return `${ITEM_STATES.done[lang]} ${TIMELINESS[extra.timeliness][lang]}`;
  if (state === 'open' && extra.ongoing) return ITEM_STATES.ongoing[lang];
  return ITEM_STATES[state][lang];
}

export function timelinessName(lang: Lang, t: Timeliness): string {
  return TIMELINESS[t][lang];
}

const PLAN_STATES: Record<PlanState, { vi: string; en: string }> = {
  upcoming: { vi: 'sắp có hiệu lực', en: 'upcoming' },
  active: { vi: 'đang thực hiện', en: 'active' },
  ended: { vi: 'đã kết thúc', en: 'ended' },
};

export function planStateName(lang: Lang, state: PlanState): string {
  return PLAN_STATES[state][lang];
}

const TASK_TYPES: Record<TaskType, { vi: string; en: string }> = {
  activity: { vi: 'hoạt động', en: 'activity' },
  report: { vi: 'báo cáo', en: 'report' },
  briefing: { vi: 'giao ban', en: 'briefing' },
  'interim-review': { vi: 'sơ kết', en: 'interim review' },
  'final-review': { vi: 'tổng kết', en: 'final review' },
  event: { vi: 'sự kiện', en: 'event' },
};

export function taskTypeName(lang: Lang, type: TaskType): string {
  return TASK_TYPES[type][lang];
}

const PLAN_TYPES: Record<PlanType, { vi: string; en: string }> = {
  program: { vi: 'chương trình', en: 'program' },
  plan: { vi: 'kế hoạch', en: 'plan' },
};

export function planTypeName(lang: Lang, type: PlanType): string {
  return PLAN_TYPES[type][lang];
}

/** A date as the reader writes it: 30/09/2022 in Vietnamese, ISO in English. */
export function formatDay(lang: Lang, day: Day): string {
  // Long reports print the same few thousand days over and over.
  const known = formattedDays[lang].get(day);
  if (known !== undefined) return known;
  const text = lang === 'vi' ? formatVi(day) : formatISO(day);
  if (formattedDays[lang].size < 100_000) formattedDays[lang].set(day, text);
  return text;
}
const formattedDays: Record<Lang, Map<Day, string>> = { vi: new Map(), en: new Map() };

/**
 * An ISO date passed as text (a diagnostic's or an edit's argument) as a
 * Vietnamese reader writes it, 30/09/2022; any other text is left as it is.
 */
export function viDate(text: unknown): string {
  const s = String(text);
  const day = /^\d{4}-\d{2}-\d{2}$/.test(s) ? toDay(s) : undefined;
  return day === undefined ? s : formatDay('vi', day);
}

// Made when first used: a number format loads its locale's data (about 7 ms each), and most reports print no number.
const numberFormats: Partial<Record<Lang, Intl.NumberFormat>> = {};

/** 3.150 in Vietnamese, 3,150 in English. */
export function formatNumber(lang: Lang, n: number): string {
  return (numberFormats[lang] ??= new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-US', { maximumFractionDigits: 2 })).format(n);
}

/** A share 0..1 as a whole percentage, rounded down so that 100% means all done. */
export function formatPercent(share: number): string {
  return `${Math.floor(share * 100 + 1e-9)}%`;
}

/** `còn 14 ngày`, `hôm nay`, `quá hạn 38 ngày`; `14 days left`, `today`, `38 days overdue`. */
export function daysLeftText(lang: Lang, days: number): string {
  // A long report repeats the same few thousand counts.
  let text = daysLeftTexts[lang].get(days);
  if (text === undefined) daysLeftTexts[lang].set(days, (text = daysLeftWords(lang, days)));
  return text;
}
const daysLeftTexts: Record<Lang, Map<number, string>> = { vi: new Map(), en: new Map() };

function daysLeftWords(lang: Lang, days: number): string {
  if (days === 0) return lang === 'vi' ? 'hôm nay' : 'today';
  const n = Math.abs(days);
  if (lang === 'vi') return days > 0 ? `còn ${n} ngày` : `quá hạn ${n} ngày`;
  const unit = n === 1 ? 'day' : 'days';
  return days > 0 ? `${n} ${unit} left` : `${n} ${unit} overdue`;
}

const ROMAN = ['I', 'II', 'III', 'IV'];
const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * A period's name: `Quý III năm 2022`, `6 tháng đầu năm 2022`, `Tháng 5 năm 2022`,
 * `Năm 2022`, `giai đoạn 2022 – 2026`, `từ 12/05/2022 đến 31/12/2026`;
 * `Q3 2022`, `H1 2022`, `May 2022`, `2022`, `2022–2026`, `2022-05-12 to 2026-12-31`.
 */
export function periodName(lang: Lang, period: Pick<Period, 'start' | 'end'>): string {
  // Periods are shared objects (model/periods.ts): a long report names each one once.
  let name = periodNames[lang].get(period);
  if (name === undefined) periodNames[lang].set(period, (name = namePeriod(lang, period)));
  return name;
}
const periodNames: Record<Lang, WeakMap<Pick<Period, 'start' | 'end'>, string>> = { vi: new WeakMap(), en: new WeakMap() };

function namePeriod(lang: Lang, period: Pick<Period, 'start' | 'end'>): string {
  const s = ymdFromDay(period.start);
  const e = ymdFromDay(period.end);
  const next = ymdFromDay(period.end + 1);
  // Recognise spans by their days, so a range that happens to be one quarter reads as that quarter.
  const startsMonth = s.day === 1;
  const endsMonth = next.day === 1;
  if (startsMonth && endsMonth) {
    const months = (e.year - s.year) * 12 + (e.month - s.month) + 1;
    if (s.month === 1 && e.month === 12) {
      if (s.year === e.year) return lang === 'vi' ? `Năm ${s.year}` : `${s.year}`;
      return lang === 'vi' ? `giai đoạn ${s.year} – ${e.year}` : `${s.year}–${e.year}`;
    }
    if (months === 6 && (s.month === 1 || s.month === 7)) {
      const first = s.month === 1;
      if (lang === 'vi') return `6 tháng ${first ? 'đầu' : 'cuối'} năm ${s.year}`;
      return `H${first ? 1 : 2} ${s.year}`;
    }
    if (months === 3 && (s.month - 1) % 3 === 0) {
      const q = (s.month - 1) / 3;
      return lang === 'vi' ? `Quý ${ROMAN[q]} năm ${s.year}` : `Q${q + 1} ${s.year}`;
    }
    if (months === 1) return lang === 'vi' ? `Tháng ${s.month} năm ${s.year}` : `${EN_MONTHS[s.month - 1]} ${s.year}`;
  }
  if (period.start === period.end) return lang === 'vi' ? `Ngày ${formatVi(period.start)}` : formatISO(period.start);
  return lang === 'vi' ? `từ ${formatVi(period.start)} đến ${formatVi(period.end)}` : `${formatISO(period.start)} to ${formatISO(period.end)}`;
}

/** `từ 01/07/2017 đến 30/09/2017`; `2017-07-01 to 2017-09-30`. */
export function spanText(lang: Lang, period: Pick<Period, 'start' | 'end'>): string {
  return lang === 'vi' ? `từ ${formatVi(period.start)} đến ${formatVi(period.end)}` : `${formatISO(period.start)} to ${formatISO(period.end)}`;
}

/** Report header lines. */
export const lines = {
  revision: (lang: Lang, rev: string) => (lang === 'vi' ? `Theo hồ sơ tại phiên bản git ${rev}` : `Records as at git revision ${rev}`),
  asOf: (lang: Lang, day: Day) => (lang === 'vi' ? `Tính đến ngày ${formatVi(day)}` : `As of ${formatISO(day)}`),
  figuresAsOf: (lang: Lang, day: Day) => (lang === 'vi' ? `Số liệu tính đến ngày ${formatVi(day)}` : `Figures as of ${formatISO(day)}`),
  reportPeriod: (lang: Lang, period: Period) => {
    const name = periodName(lang, period);
    const span = spanText(lang, period);
    // A range is named by its span already, and a day needs none.
    const named = name === span || period.start === period.end ? name : `${name} (${span})`;
    return lang === 'vi' ? `Kỳ báo cáo: ${named}` : `Period: ${named}`;
  },
  deadlinesTitle: (lang: Lang, within: number) =>
    lang === 'vi' ? `Nhiệm vụ quá hạn và sắp đến hạn (trong ${within} ngày tới)` : `Overdue items and items due in the next ${within} ${within === 1 ? 'day' : 'days'}`,
  sectionNext: (lang: Lang, period: Period) =>
    lang === 'vi' ? `Nhiệm vụ đến hạn kỳ sau (${periodName(lang, period)})` : `Due in the next period (${periodName(lang, period)})`,
  planHeader: (lang: Lang, type: PlanType, number: string | null) => {
    const kind = planTypeName(lang, type);
    const label = kind.charAt(0).toUpperCase() + kind.slice(1);
    if (number === null) return label;
    return lang === 'vi' ? `${label} số ${number}` : `${label} ${number}`;
  },
  signed: (lang: Lang, day: Day) => (lang === 'vi' ? `ký ngày ${formatVi(day)}` : `signed ${formatISO(day)}`),
  counts: (lang: Lang, c: { total: number; done: number; overdue: number; dueSoon: number; open: number; cancelled: number }) =>
    lang === 'vi'
      ? `${c.total} nhiệm vụ: ${c.done} hoàn thành, ${c.overdue} quá hạn, ${c.dueSoon} sắp đến hạn, ${c.open} chưa đến hạn hoặc thường xuyên, ${c.cancelled} đã hủy`
      : `${c.total} items: ${c.done} done, ${c.overdue} overdue, ${c.dueSoon} due soon, ${c.open} open, ${c.cancelled} cancelled`,
};
