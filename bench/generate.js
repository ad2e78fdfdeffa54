/**
 * A seeded generator of realistic records folders for the benchmark: a
 * config, a parties file, and N plans of 80–150 lines in Vietnamese, with
 * one-off and recurring tasks, laid out by province as in a national roll-up.
 * About 1% of plans carry one mistake a clerk makes (a typo'd field, an
 * impossible date, a duplicate key, a broken indent, an unknown party…).
 *
 * Same seed and N → the same bytes, so runs on different days compare.
 *
 * A recurring task's log is cut at 24 entries so that a plan stays within
 * 150 lines, which leaves the later past occurrences of a monthly task
 * unrecorded, hence overdue: `deadlines` lists about 8.6 items a plan.
 * `logs: 'complete'` records every past occurrence instead (a plan may then
 * run past 150 lines), as a folder kept up to date would.
 *
 *   node bench/generate.js <dir> [--n 1000] [--seed 2026] [--clean] [--complete-logs]
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The as-of date the folders are made for: no completion is later than this. */
export const AS_OF = '2026-11-22';

/** mulberry32: a small, fast, well-mixed 32-bit PRNG. */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PROVINCES = [
  ['phu-yen', 'Phú Yên'], ['ben-tre', 'Bến Tre'], ['dien-bien', 'Điện Biên'], ['nghe-an', 'Nghệ An'],
  ['thanh-hoa', 'Thanh Hóa'], ['quang-ngai', 'Quảng Ngãi'], ['lao-cai', 'Lào Cai'], ['an-giang', 'An Giang'],
  ['ha-tinh', 'Hà Tĩnh'], ['dak-lak', 'Đắk Lắk'], ['gia-lai', 'Gia Lai'], ['soc-trang', 'Sóc Trăng'],
  ['quang-tri', 'Quảng Trị'], ['bac-giang', 'Bắc Giang'], ['tay-ninh', 'Tây Ninh'], ['ca-mau', 'Cà Mau'],
];

const BODIES = [
  ['bdv', 'BDVTU', 'Ban Dân vận Tỉnh ủy'], ['btg', 'BTGTU', 'Ban Tuyên giáo Tỉnh ủy'],
  ['mttq', 'MTTQ', 'Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh'], ['hnd', 'HND', 'Hội Nông dân tỉnh'],
  ['hlhpn', 'HLHPN', 'Hội Liên hiệp Phụ nữ tỉnh'], ['tdtn', 'TĐTN', 'Tỉnh đoàn'],
  ['ldld', 'LĐLĐ', 'Liên đoàn Lao động tỉnh'], ['hccb', 'HCCB', 'Hội Cựu chiến binh tỉnh'],
  ['bcht', 'BCHQS', 'Bộ Chỉ huy Quân sự tỉnh'], ['ca', 'CAT', 'Công an tỉnh'],
  ['sgd', 'SGDĐT', 'Sở Giáo dục và Đào tạo'], ['syt', 'SYT', 'Sở Y tế'],
  ['snn', 'SNNPTNT', 'Sở Nông nghiệp và Phát triển nông thôn'], ['bdt', 'BDT', 'Ban Dân tộc tỉnh'],
];

const TOPICS = [
  'thực hiện công tác dân vận, công tác tuyên giáo',
  'vận động Nhân dân tham gia xây dựng nông thôn mới, đô thị văn minh',
  'phát huy vai trò của Nhân dân trong giám sát, phản biện xã hội',
  'thực hiện Quy chế dân chủ ở cơ sở',
  'tuyên truyền, vận động đồng bào dân tộc thiểu số phát triển kinh tế - xã hội',
  'thực hiện phong trào thi đua "Dân vận khéo"',
  'bảo đảm an ninh, trật tự ở địa bàn cơ sở',
  'chăm lo đời sống đoàn viên, hội viên, người lao động',
  'phòng, chống tác hại của thuốc lá và đồ uống có cồn trong Nhân dân',
  'xây dựng gia đình no ấm, tiến bộ, hạnh phúc, văn minh',
];

const CONTENT_TITLES = [
  'Tuyên truyền, phổ biến, quán triệt các nghị quyết, chỉ thị, kết luận của Đảng về công tác dân vận',
  'Nắm bắt tình hình tư tưởng, tâm trạng, dư luận xã hội của cán bộ, đảng viên và Nhân dân',
  'Phối hợp giải quyết những vấn đề bức xúc, nổi cộm ở cơ sở, không để phát sinh điểm nóng',
  'Xây dựng, nhân rộng các mô hình, điển hình "Dân vận khéo" trên các lĩnh vực',
  'Vận động hội viên, đoàn viên tham gia các phong trào thi đua yêu nước',
  'Đấu tranh phản bác các quan điểm sai trái, thù địch, thông tin xấu, độc trên không gian mạng',
  'Kiểm tra, giám sát việc thực hiện chương trình phối hợp ở các huyện, thị xã, thành phố',
  'Bồi dưỡng nghiệp vụ công tác dân vận cho cán bộ làm công tác dân vận ở cơ sở',
];

const TASK_TITLES = [
  ['activity', 'Tổ chức hội nghị quán triệt, triển khai chương trình phối hợp đến cơ sở'],
  ['activity', 'Biên soạn tài liệu tuyên truyền bằng tiếng dân tộc thiểu số'],
  ['activity', 'Tập huấn nghiệp vụ công tác dân vận cho cán bộ cấp xã'],
  ['activity', 'Khảo sát tình hình thực hiện Quy chế dân chủ ở cơ sở tại một số xã'],
  ['activity', 'Theo dõi, nắm bắt dư luận xã hội về các vấn đề được Nhân dân quan tâm'],
  ['event', 'Tổ chức các hoạt động kỷ niệm Ngày truyền thống công tác dân vận của Đảng (15/10)'],
  ['event', 'Tuyên dương điển hình tiên tiến trong phong trào thi đua "Dân vận khéo"'],
  ['report', 'Báo cáo kết quả thực hiện chương trình phối hợp gửi Thường trực Tỉnh ủy'],
  ['interim-review', 'Sơ kết giữa kỳ thực hiện chương trình phối hợp'],
  ['final-review', 'Tổng kết thực hiện chương trình phối hợp, đề xuất nội dung giai đoạn tiếp theo'],
];

const RECURRING = [
  ['briefing', 'Giao ban định kỳ giữa các cơ quan phối hợp', 'quarter', { offset: 15 }],
  ['report', 'Báo cáo kết quả thực hiện chương trình phối hợp hằng năm', 'year', { day: 5 }],
  ['report', 'Báo cáo sáu tháng về tình hình dư luận xã hội', 'half', { offset: 10 }],
  ['briefing', 'Giao ban hằng tháng về công tác dân vận', 'month', { day: 25 }],
  ['report', 'Báo cáo quý về tình hình tôn giáo, dân tộc trên địa bàn', 'quarter', { offset: -5 }],
];

const SURNAMES = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý'];
const MIDDLE = ['Văn', 'Thị', 'Hữu', 'Đức', 'Thanh', 'Minh', 'Ngọc', 'Quốc', 'Thu', 'Xuân'];
const GIVEN = ['An', 'Bình', 'Cường', 'Dũng', 'Hà', 'Hoa', 'Hùng', 'Lan', 'Long', 'Mai', 'Nam', 'Phương', 'Sơn', 'Thảo', 'Toàn', 'Trang', 'Tuấn', 'Yến'];

const BASIS = [
  ['01-KL/TW', '2021-05-18', 'Kết luận của Bộ Chính trị về tiếp tục thực hiện Chỉ thị số 05-CT/TW'],
  ['23-QĐ/TW', '2021-07-30', 'Quy định của Bộ Chính trị về công tác dân vận của hệ thống chính trị'],
  ['25-NQ/TW', '2013-06-03', 'Nghị quyết Trung ương 7 khóa XI về tăng cường và đổi mới sự lãnh đạo của Đảng đối với công tác dân vận'],
  ['43-CT/TW', '2020-05-20', 'Chỉ thị của Ban Bí thư về tiếp tục đổi mới, nâng cao chất lượng thực hiện Quy chế dân chủ ở cơ sở'],
  ['120-KL/TW', '2015-01-07', 'Kết luận về tiếp tục đẩy mạnh thực hiện Quy chế dân chủ ở cơ sở'],
];

const MISTAKES = ['unknown-field', 'impossible-date', 'duplicate-key', 'bad-indent', 'unknown-party', 'done-without-date', 'missing-title', 'log-key-granularity', 'comma-in-flow'];

const pad = (n) => String(n).padStart(2, '0');
const iso = (y, m, d) => `${y}-${pad(m)}-${pad(d)}`;
const daysIn = (y, m) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const dayNumber = (y, m, d) => Date.UTC(y, m - 1, d) / 86400000;
const fromDay = (n) => {
  const t = new Date(n * 86400000);
  return [t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate()];
};
const AS_OF_DAY = dayNumber(2026, 11, 22);

/** The periods of `every` covering [start, end], as [key, lastDay]. */
function periods(every, start, end) {
  const out = [];
  const [y0] = fromDay(start);
  const [y1] = fromDay(end);
  for (let y = y0; y <= y1; y++) {
    const spans =
      every === 'year' ? [[String(y), 1, 12]]
      : every === 'half' ? [[`${y}-H1`, 1, 6], [`${y}-H2`, 7, 12]]
      : every === 'quarter' ? [1, 2, 3, 4].map((q) => [`${y}-Q${q}`, q * 3 - 2, q * 3])
      : Array.from({ length: 12 }, (_, i) => [`${y}-${pad(i + 1)}`, i + 1, i + 1]);
    for (const [key, m0, m1] of spans) {
      const first = dayNumber(y, m0, 1);
      const last = dayNumber(y, m1, daysIn(y, m1));
      if (last >= start && first <= end) out.push([key, last, y, m1]);
    }
  }
  return out;
}

/** One plan's text. `mistake` (or undefined) is the error planted in it. */
function planText(rng, index, parties, mistake, logs = 'capped') {
  const pick = (list) => list[Math.floor(rng() * list.length)];
  const int = (lo, hi) => lo + Math.floor(rng() * (hi - lo + 1));
  const person = () => `${pick(SURNAMES)} ${pick(MIDDLE)} ${pick(GIVEN)}`;

  const [lead, other] = pickDistinct(rng, parties, 2);
  const third = rng() < 0.2 ? pickDistinct(rng, parties.filter((p) => p !== lead && p !== other), 1)[0] : undefined;
  const members = third ? [lead, other, third] : [lead, other];
  const y0 = int(2017, 2025);
  const years = pick([1, 3, 5]);
  const y1 = Math.min(y0 + years - 1, 2030);
  const signedMonth = int(1, 6);
  const signed = iso(y0, signedMonth, int(1, 28));
  const signedDay = dayNumber(y0, signedMonth, Number(signed.slice(8)));
  const periodEnd = dayNumber(y1, 12, 31);
  const kind = years === 1 ? 'plan' : 'program';
  const abbr = members.map((p) => p.abbr).join('-');
  const id = `${kind === 'plan' ? 'kh' : 'ctr'}-${members.map((p) => p.short).join('-')}-${y0}-${index}`;
  const topic = pick(TOPICS);
  const names = members.map((p) => p.name);

  const L = [];
  L.push(`# Bản chính lưu tại ${members[0].abbr}.`);
  L.push('kind: plan');
  L.push(`id: ${id}`);
  L.push(`type: ${kind}`);
  L.push(`number: ${int(1, 250)}-${kind === 'plan' ? 'KH' : 'CTPH'}/${abbr}`);
  L.push('title: >-');
  L.push(`  ${kind === 'plan' ? 'Kế hoạch' : 'Chương trình'} phối hợp giữa ${names.slice(0, -1).join(', ')} và ${names[names.length - 1]}`);
  L.push(`  về ${topic} ${years === 1 ? `năm ${y0}` : `giai đoạn ${y0} - ${y1}`}`);
  L.push(mistake === 'impossible-date' ? `signed: 31/2/${y0}` : rng() < 0.2 ? `signed: ${Number(signed.slice(8))}/${signedMonth}/${y0}` : `signed: ${signed}`);
  L.push(`period: ${years === 1 ? y0 : `${y0}..${y1}`}`);
  L.push(`parties: [${members.map((p) => p.id).join(', ')}]`);
  L.push('basis:');
  for (const [number, date, title] of pickDistinct(rng, BASIS, int(1, 2))) {
    L.push(`  - number: ${number}`, `    date: ${date}`, `    title: ${title}`);
  }
  L.push('signatories:');
  for (const p of members) L.push(`  - { party: ${mistake === 'unknown-party' && p === lead ? 'ban-khong-co' : p.id}, name: ${person()} }`);
  L.push('contacts:');
  for (const p of members) {
    L.push(`  - party: ${p.id}`, `    leader: ${person()}`);
    if (rng() < 0.4) L.push(`    staff: [${person()}]`);
  }
  const contents = pickDistinct(rng, CONTENT_TITLES, int(2, 3)).map((title, i) => ({ id: `noi-dung-${i + 1}`, title }));
  L.push('contents:');
  for (const c of contents) {
    if (mistake === 'comma-in-flow' && c === contents[0]) L.push(`  - { id: ${c.id}, title: ${c.title} }`);
    else L.push(`  - id: ${c.id}`, '    title: >-', `      ${c.title}`);
  }

  L.push('tasks:');
  const taskLines = [];
  let planted = false;
  const target = int(80, 150);
  let t = 0;
  // Tasks are added until the plan reaches its length; recurring ones make most of a real file's lines.
  // Late mistakes add up to 6 lines; a block never takes the file past 150 lines.
  const room = () => 150 - (mistake ? 6 : 0) - L.length - taskLines.length;
  while (L.length + taskLines.length < target && room() >= 12) {
    const recurring = t % 2 === 1 || rng() < 0.35;
    taskLines.push(...(recurring ? recurringTask(room()) : oneOffTask()));
    t++;
  }
  L.push(...taskLines);
  if (mistake && !planted) L.push(...plantLate(mistake));
  return L.join('\n') + '\n';

  function partyLines(first) {
    const support = members.filter((p) => p !== first);
    return [`    lead: ${first.id}`, `    support: [${support.map((p) => p.id).join(', ')}]`];
  }

  function oneOffTask() {
    const [type, title] = pick(TASK_TITLES);
    const content = pick(contents).id;
    const due = dayNumber(int(y0, y1), int(1, 12), int(1, 28));
    const dueDay = Math.max(due, signedDay + 30);
    const [dy, dm, dd] = fromDay(Math.min(dueDay, periodEnd));
    const lines = [`  - id: nhiem-vu-${t + 1}`, `    title: ${title}`];
    if (type !== 'activity') lines.push(`    type: ${type}`);
    lines.push(`    content: ${content}`, ...partyLines(pick(members)), `    due: ${iso(dy, dm, dd)}`);
    const dueN = dayNumber(dy, dm, dd);
    if (dueN < AS_OF_DAY - 20 && rng() < 0.8) {
      const doneDay = Math.min(dueN + int(-20, 10), AS_OF_DAY - 1);
      const [cy, cm, cd] = fromDay(Math.max(doneDay, signedDay));
      if (mistake === 'done-without-date' && !planted) {
        planted = true;
        lines.push('    status: done');
      } else {
        lines.push('    status: done', `    done: ${iso(cy, cm, cd)}`, `    evidence: ${int(1, 400)}-BC/${lead.abbr}`);
        if (rng() < 0.4) lines.push(`    results: { articles: ${int(1, 60)} }`);
      }
    } else if (rng() < 0.3) lines.push('    status: in-progress');
    if (rng() < 0.15) lines.push(`    note: Giao ${pick(members).name} chủ động đề xuất nội dung cụ thể`);
    if (mistake === 'missing-title' && !planted) {
      planted = true;
      lines.splice(1, 1);
    }
    return lines;
  }

  function recurringTask(maxLines) {
    const [type, title, every, extra] = pick(RECURRING);
    const lines = [`  - id: dinh-ky-${t + 1}`, `    title: ${title}`, `    type: ${type}`, ...partyLines(pick(members)), `    every: ${every}`];
    if (extra.offset !== undefined) lines.push(`    offset: ${extra.offset}`);
    else lines.push(`    day: ${extra.day}`);
    const from = Math.max(signedDay, dayNumber(y0, 1, 1));
    const entries = [];
    for (const [key, last, y, m] of periods(every, from, periodEnd)) {
      const due = extra.offset !== undefined ? last + extra.offset : dayNumber(y, m, Math.min(extra.day, daysIn(y, m)));
      const drawn = due + int(-6, 4);
      // A complete log records an occurrence that fell due before the plan was signed as done on signing.
      const done = logs === 'complete' ? Math.max(drawn, signedDay) : drawn;
      if (done >= AS_OF_DAY || done < signedDay) continue;
      const r = rng();
      if (r < 0.08) entries.push(`      ${key}: { status: cancelled, note: Lùi sang kỳ sau do trùng lịch công tác }`);
      else if (r < 0.2) entries.push(`      ${key}: { done: ${iso(...fromDay(done))}, results: { participants: ${int(12, 80)} } }`);
      else entries.push(`      ${key}: ${iso(...fromDay(done))}`);
      if (logs === 'capped' && entries.length >= Math.min(24, maxLines - lines.length - 2)) break;
    }
    if (entries.length > 0) {
      lines.push('    log:', ...entries);
      if (mistake === 'log-key-granularity' && !planted) {
        planted = true;
        lines.push(`      ${y0}-13: ${iso(y0, 12, 30)}`);
      }
    }
    return lines;
  }

  // Mistakes that do not belong to a particular task go near the end, like a late edit.
  function plantLate(m) {
    if (m === 'unknown-field') return ['  - id: bo-sung', '    title: Nhiệm vụ bổ sung theo chỉ đạo của Thường trực', `    lead: ${lead.id}`, '    dealine: 2026-12-31'];
    if (m === 'duplicate-key') return ['  - id: bo-sung', '    title: Nhiệm vụ bổ sung', `    lead: ${lead.id}`, `    lead: ${other.id}`];
    if (m === 'bad-indent') return ['  - id: bo-sung', '    title: Nhiệm vụ bổ sung', `   lead: ${lead.id}`, '      due: 2026-12-31'];
    if (m === 'done-without-date') return ['  - id: bo-sung', '    title: Nhiệm vụ bổ sung', `    lead: ${lead.id}`, '    status: done'];
    if (m === 'missing-title') return ['  - id: bo-sung', `    lead: ${lead.id}`];
    if (m === 'log-key-granularity') return ['  - id: bo-sung', '    title: Giao ban bổ sung', `    lead: ${lead.id}`, '    every: quarter', '    log:', `      ${y0}-13: ${iso(y0, 12, 30)}`];
    return [];
  }
}

function pickDistinct(rng, list, count) {
  const copy = [...list];
  const out = [];
  while (out.length < count && copy.length > 0) out.push(copy.splice(Math.floor(rng() * copy.length), 1)[0]);
  return out;
}

/**
 * Writes the folder. `clean: true` leaves out the planted mistakes (the same
 * plans otherwise), for timing reports, which refuse a folder with errors.
 * Returns what was written.
 */
export function generateFolder(dir, { n = 1000, seed = 2026, clean = false, logs = 'capped' } = {}) {
  rmSync(dir, { recursive: true, force: true });
  const rng = mulberry32(seed);
  const parties = [];
  for (const [slug, province] of PROVINCES) {
    for (const [short, abbr, name] of BODIES) parties.push({ id: `${short}-${slug}`, short, abbr, name: `${name} ${province}`, province: slug });
  }
  const byProvince = new Map(PROVINCES.map(([slug]) => [slug, parties.filter((p) => p.province === slug)]));
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'phoihop.yaml'),
    [
      '# Thư mục tổng hợp chương trình phối hợp (dữ liệu sinh tự động cho benchmark).',
      'kind: config',
      'title: Ban Dân vận Trung ương (tổng hợp)',
      'locale: vi',
      'timezone: Asia/Ho_Chi_Minh',
      'soon: 14',
      'metrics:',
      '  articles: { label: "Tin, bài", unit: bài }',
      '  participants: { label: Người tham dự, unit: người }',
      '',
    ].join('\n'),
  );
  const partyLines = ['kind: parties', 'parties:'];
  for (const p of parties) partyLines.push(`  - id: ${p.id}`, `    name: ${p.name}`, `    short: ${p.name.replace(/ tỉnh$/, '').split(' ').slice(0, 4).join(' ')}`, `    abbr: ${p.abbr}`);
  writeFileSync(join(dir, 'parties.yaml'), partyLines.join('\n') + '\n');

  // Exactly 1% of plans (at least one) carry a mistake; which ones is seeded too.
  const mistakeCount = Math.max(1, Math.round(n / 100));
  const order = pickDistinct(mulberry32(seed ^ 0x9e3779b9), Array.from({ length: n }, (_, i) => i), mistakeCount);
  const mistakes = new Map(order.map((i, k) => [i, MISTAKES[k % MISTAKES.length]]));

  let bytes = 0;
  let lines = 0;
  const written = [];
  for (let i = 0; i < n; i++) {
    const [slug] = PROVINCES[i % PROVINCES.length];
    const planRng = mulberry32((seed * 7919 + i) >>> 0);
    const mistake = clean ? undefined : mistakes.get(i);
    let text = planText(planRng, i + 1, byProvince.get(slug), mistake, logs);
    // Some clerks type with Unikey's decomposed Unicode, some save with Windows line ends.
    if (i % 37 === 5) text = text.normalize('NFD');
    if (i % 23 === 7) text = text.replace(/\n/g, '\r\n');
    const folder = join(dir, 'plans', slug);
    if (i < PROVINCES.length) mkdirSync(folder, { recursive: true });
    const path = join(folder, `${String(i + 1).padStart(5, '0')}.yaml`);
    writeFileSync(path, text);
    bytes += Buffer.byteLength(text);
    lines += text.split('\n').length - 1;
    written.push(path);
  }
  return { dir, plans: n, invalid: clean ? 0 : mistakeCount, meanBytes: Math.round(bytes / n), meanLines: Math.round(lines / n), paths: written };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  const value = (flag, fallback) => {
    const i = args.indexOf(flag);
    return i >= 0 ? args[i + 1] : fallback;
  };
  const dir = args.find((a, i) => !a.startsWith('--') && !(i > 0 && ['--n', '--seed'].includes(args[i - 1])));
  if (!dir) {
    process.stderr.write('usage: node bench/generate.js <dir> [--n 1000] [--seed 2026] [--clean] [--complete-logs]\n');
    process.exit(2);
  }
  const logs = args.includes('--complete-logs') ? 'complete' : 'capped';
  const r = generateFolder(dir, { n: Number(value('--n', 1000)), seed: Number(value('--seed', 2026)), clean: args.includes('--clean'), logs });
  process.stdout.write(`${r.plans} plans (${r.invalid} with a mistake) in ${r.dir}: ${r.meanLines} lines, ${r.meanBytes} bytes on average\n`);
}
