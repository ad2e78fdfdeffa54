/** Period names as a Vietnamese report writes them, and their English forms. */
import { describe, expect, it } from 'vitest';
import { daysLeftText, formatNumber, formatPercent, periodName } from '../../src/i18n/reports.js';
import { parsePeriod, type Period } from '../../src/model/periods.js';

const p = (text: string): Period => {
  const r = parsePeriod(text, { vietnamese: true });
  if (!r.ok) throw new Error(text);
  return r.period;
};

describe('periodName', () => {
  it.each([
    ['2022-Q3', 'Quý III năm 2022', 'Q3 2022'],
    ['Q1/2017', 'Quý I năm 2017', 'Q1 2017'],
    ['2017-Q4', 'Quý IV năm 2017', 'Q4 2017'],
    ['2022-H1', '6 tháng đầu năm 2022', 'H1 2022'],
    ['H2/2022', '6 tháng cuối năm 2022', 'H2 2022'],
    ['2022-05', 'Tháng 5 năm 2022', 'May 2022'],
    ['12/2022', 'Tháng 12 năm 2022', 'December 2022'],
    ['2022', 'Năm 2022', '2022'],
    ['2022..2026', 'giai đoạn 2022 – 2026', '2022–2026'],
    ['2017-05-22', 'Ngày 22/05/2017', '2017-05-22'],
    ['2022-05-12..2026-12-31', 'từ 12/05/2022 đến 31/12/2026', '2022-05-12 to 2026-12-31'],
    ['2021-07..2025-06', 'từ 01/07/2021 đến 30/06/2025', '2021-07-01 to 2025-06-30'],
    // A range that is exactly a quarter or a year reads as one.
    ['2022-07..2022-09', 'Quý III năm 2022', 'Q3 2022'],
    ['2022-01-01..2022-12-31', 'Năm 2022', '2022'],
    ['2022-Q1..2022-Q2', '6 tháng đầu năm 2022', 'H1 2022'],
  ])('%s → %s / %s', (text, vi, en) => {
    expect(periodName('vi', p(text))).toBe(vi);
    expect(periodName('en', p(text))).toBe(en);
  });
});

describe('small words', () => {
  it('days left', () => {
    expect(daysLeftText('vi', 14)).toBe('còn 14 ngày');
    expect(daysLeftText('vi', 0)).toBe('hôm nay');
    expect(daysLeftText('vi', -38)).toBe('quá hạn 38 ngày');
    expect(daysLeftText('en', 1)).toBe('1 day left');
    expect(daysLeftText('en', -2)).toBe('2 days overdue');
  });

  it('numbers and percentages', () => {
    expect(formatNumber('vi', 3150)).toBe('3.150');
    expect(formatNumber('en', 3150)).toBe('3,150');
    expect(formatPercent(22 / 30)).toBe('73%');
    expect(formatPercent(29 / 30)).toBe('96%');
    expect(formatPercent(1)).toBe('100%');
  });
});
