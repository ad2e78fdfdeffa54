/** The four formats of the reports: table, markdown, csv, json; colour and alignment. */
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { CliIO } from '../../src/cli/io.js';
import { renderTableDocument } from '../../src/render/table.js';
import { renderCsvDocument } from '../../src/render/csv.js';
import { renderMarkdownDocument } from '../../src/render/markdown.js';
import { date, num, text } from '../../src/render/document.js';
import { PLAIN } from '../../src/render/paint.js';
import { EXAMPLES, REPO_ROOT, runCli } from '../helpers/cli.js';
import { copyFolder, minimalFolder } from '../helpers/folder.js';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { day } from '../helpers/report-model.js';

const phuYen = EXAMPLES + 'phu-yen';
const ESC = '\u001b';
const stripAnsi = (s: string) => s.replace(/\u001b\[[0-9;]*m/g, '');
/** Width of a line in terminal columns: NFC, combining marks take none. */
const columns = (s: string) => [...stripAnsi(s).normalize('NFD').replace(/\p{M}/gu, '')].length;

/** Runs the CLI in-process with a fake terminal. */
async function inProcess(args: string[], options: { isTTY: boolean; env?: Record<string, string> }) {
  let stdout = '';
  let stderr = '';
  const io: CliIO = { stdout: (s) => void (stdout += typeof s === 'string' ? s : new TextDecoder().decode(s)), stderr: (s) => void (stderr += s), cwd: REPO_ROOT, env: options.env ?? {}, isTTY: options.isTTY, now: () => Date.now() };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

/** The lines of each box-drawn table in the output. */
function tableBlocks(out: string): string[][] {
  const blocks: string[][] = [];
  let current: string[] | null = null;
  for (const line of out.split('\n')) {
    const plain = stripAnsi(line);
    if (plain.startsWith('┌')) current = [];
    if (current) current.push(line);
    if (plain.startsWith('└') && current) {
      blocks.push(current);
      current = null;
    }
  }
  return blocks;
}

describe('table', () => {
  it('colours overdue red and due soon yellow on a terminal, never the borders', async () => {
    const args = ['deadlines', '-C', phuYen, '--as-of', '2026-11-22'];
    const coloured = await inProcess(args, { isTTY: true });
    expect(coloured.code).toBe(0);
    expect(coloured.stdout).toContain(`${ESC}[31mquá hạn${ESC}[39m`);
    expect(coloured.stdout).toContain(`${ESC}[33msắp đến hạn${ESC}[39m`);
    for (const line of coloured.stdout.split('\n')) {
      // Border lines carry no escape codes; cell separators are never inside one.
      if (/^[┌├└]/.test(line)) expect(line).not.toContain(ESC);
      expect(line).not.toMatch(/\u001b\[[0-9;]*m[│┼┤├]/);
    }
    const plain = await inProcess(args, { isTTY: false });
    expect(plain.stdout).not.toContain(ESC);
    expect(stripAnsi(coloured.stdout)).toBe(plain.stdout);
  });

  it('is plain when NO_COLOR is set, with --no-color, and when piped', async () => {
    const args = ['deadlines', '-C', phuYen, '--as-of', '2026-11-22'];
    expect((await inProcess(args, { isTTY: true, env: { NO_COLOR: '1' } })).stdout).not.toContain(ESC);
    expect((await inProcess([...args, '--no-color'], { isTTY: true })).stdout).not.toContain(ESC);
    expect(runCli(args).stdout).not.toContain(ESC);
  });

  it('lines up Vietnamese text typed decomposed (NFD) like composed text', () => {
    const nfd = (s: string) => s.normalize('NFD');
    const dir = minimalFolder(
      {
        'a.yaml': [
          'kind: plan',
          'id: a',
          nfd('title: Kế hoạch phối hợp tuyên truyền'),
          'signed: 2022-01-01',
          'period: 2022',
          'parties: [bdv-tu, hoi-nd]',
          'tasks:',
          '  - id: hoi-nghi',
          nfd('    title: Hội nghị tổng kết công tác dân vận ở vùng đồng bào dân tộc thiểu số'),
          '    lead: hoi-nd',
          '    support: [bdv-tu]',
          '    due: 2022-03-01',
        ].join('\n'),
      },
      { 'hoi.yaml': `kind: parties\nparties:\n  - id: hoi-nd\n    name: ${nfd('Hội Nông dân tỉnh Điện Biên')}\n    short: ${nfd('Hội Nông dân tỉnh')}\n` },
    );
    const r = runCli(['deadlines', '-C', dir, '--as-of', '2022-03-01']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Hội Nông dân tỉnh'); // composed on output
    const [table] = tableBlocks(r.stdout);
    expect(table.length).toBeGreaterThan(3);
    const widths = new Set(table.map(columns));
    expect(widths.size).toBe(1);
    // Every column separator sits at the same place on every line.
    const separators = (line: string) => [...line].flatMap((c, i) => ('│┼┬┴├┤┌┐└┘'.includes(c) ? [i] : []));
    const expected = JSON.stringify(separators(table[0]));
    for (const line of table.slice(1)) expect(JSON.stringify(separators(line.normalize('NFC')))).toBe(expected);
  });

  it('the renderer itself normalises: an NFD cell and an NFC cell give the same table', () => {
    const doc = (s: string) => [{ kind: 'table' as const, columns: [{ header: 'Tên' }, { header: 'Số', align: 'right' as const }], rows: [{ cells: [text(s), num(3)] }, { cells: [text('Đài PT-TH tỉnh'), num(12)] }] }];
    const composed = renderTableDocument(doc('Ban Dân vận Tỉnh ủy'), 'vi', PLAIN);
    const decomposed = renderTableDocument(doc('Ban Dân vận Tỉnh ủy'.normalize('NFD')), 'vi', PLAIN);
    expect(decomposed).toBe(composed);
    expect(new Set(composed.trimEnd().split('\n').map(columns)).size).toBe(1);
  });

  it('writes out control characters from the records instead of sending them to the terminal, and keeps line breaks', () => {
    const doc = (s: string) => [{ kind: 'heading' as const, text: `Về ${s}` }, { kind: 'table' as const, columns: [{ header: 'Tên' }], rows: [{ cells: [text(s)] }, { cells: [text('dòng một\ndòng hai')] }] }];
    const out = renderTableDocument(doc(`đỏ${ESC}[31m\tx\u0007`), 'vi', PLAIN);
    expect(out).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
    expect(out).toContain('Về đỏ\\u001b[31m\\tx\\u0007\n');
    expect(out).toContain('│ đỏ\\u001b[31m\\tx\\u0007 │');
    expect(out).toMatch(/│ dòng một +│\n│ dòng hai +│/);
  });
});

describe('format characters from the records, in table and markdown', () => {
  const dir = copyFolder(phuYen);
  const file = join(dir, 'plans/btg-bdv-2022.yaml');
  // A title that shows "2022" where it says `\u202e2202`, with a zero-width space, and a no-break space between words.
  writeFileSync(file, readFileSync(file, 'utf8').replace(/^title: .*$/m, 'title: "KH\u00a0phối hợp \\u200b\\u202e2202"'));
  const status = (format: string) => runCli(['status', '-C', dir, '--as-of', '2022-06-01', '--all', '--format', format]);

  it('writes out bidirectional and zero-width characters, as control characters are; a no-break space and Vietnamese letters stay', () => {
    const table = status('table');
    expect(table.code).toBe(0);
    expect(table.stdout).not.toMatch(/\p{Cf}/u);
    expect(table.stdout).toContain('│ KH\u00a0phối hợp \\u200b\\u202e2202 ');
    const md = status('markdown');
    expect(md.code).toBe(0);
    expect(md.stdout).not.toMatch(/\p{Cf}/u);
    expect(md.stdout).toContain('| KH\u00a0phối hợp \\\\u200b\\\\u202e2202 |');
  });
});

describe('csv', () => {
  it('opens in Excel: BOM, CRLF, RFC 4180 quoting, ISO dates, localised headers', () => {
    const r = runCli(['deadlines', '-C', phuYen, '--as-of', '2026-11-22', '--format', 'csv']);
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith('\uFEFF')).toBe(true);
    const records = r.stdout.slice(1).split('\r\n');
    expect(records.at(-1)).toBe('');
    expect(r.stdout.slice(1).replace(/\r\n/g, '')).not.toContain('\n');
    expect(records[0]).toBe('Hạn,Còn lại,Tình trạng,Kế hoạch,Nhiệm vụ,Kỳ,Tên nhiệm vụ,Chủ trì,Phối hợp');
    expect(records[1]).toBe('2026-10-15,-38,quá hạn,btg-bdv-2022-2026,giao-ban-quy,Quý III năm 2026,Giao ban quý giữa hai Ban về thực hiện chương trình phối hợp,Ban Dân vận Tỉnh ủy,Ban Tuyên giáo Tỉnh ủy');
    // A title with commas is quoted.
    expect(records[5]).toBe('2026-12-06,14,sắp đến hạn,btg-bdv-2022-2026,toa-dam-dau-tranh,,"Tọa đàm nâng cao hiệu quả đấu tranh phản bác quan điểm sai trái, thù địch trên không gian mạng",Ban Tuyên giáo Tỉnh ủy,Ban Dân vận Tỉnh ủy');
    expect(records).toHaveLength(7);
  });

  it('writes English headers with --lang en', () => {
    const r = runCli(['status', '-C', phuYen, '--as-of', '2026-11-22', '--format', 'csv', '--lang', 'en']);
    const [header, row] = r.stdout.slice(1).split('\r\n');
    expect(header).toBe('Id,Number,Title,Period,State,Total,Done,Overdue,Due soon,Open,Cancelled,Progress,Next due,Next item');
    expect(row).toMatch(/^btg-bdv-2022-2026,,"Chương trình phối hợp .*",2022–2026,active,31,22,2,3,3,1,0\.733,2026-10-15,giao-ban-quy \(Q3 2026\)$/);
  });

  it('quotes quotes, commas and line breaks', () => {
    const out = renderCsvDocument([{ kind: 'table', columns: [{ header: 'a' }, { header: 'b' }, { header: 'c' }], rows: [{ cells: [text('say "khéo"'), text('x,y'), text('1\n2')] }, { cells: [date(day('2022-09-30')), num(null), num(1.5)] }] }]);
    expect(out).toBe('\uFEFFa,b,c\r\n"say ""khéo""","x,y","1\n2"\r\n2022-09-30,,1.5\r\n');
  });

  it('keeps text that a spreadsheet would compute as text: a leading apostrophe before = + - @', () => {
    const out = renderCsvDocument([
      { kind: 'table', columns: [{ header: 'a' }, { header: 'b' }, { header: 'c' }, { header: 'd' }], rows: [{ cells: [text('- Tuyên truyền'), text('=1+1'), text('+84 257'), text('@SUM(A1)')] }, { cells: [text('a - b'), num(-38), date(day('2022-09-30')), text('=HYPERLINK("x")')] }] },
    ]);
    expect(out).toBe('\uFEFFa,b,c,d\r\n\'- Tuyên truyền,\'=1+1,\'+84 257,\'@SUM(A1)\r\na - b,-38,2022-09-30,"\'=HYPERLINK(""x"")"\r\n');
  });

  it('so a title written as a bullet reads as text in the deadlines CSV, days left staying a number', () => {
    const dir = minimalFolder({ 'p.yaml': 'kind: plan\nid: p\ntitle: "- Kế hoạch có gạch đầu dòng"\nsigned: 2022-01-10\nperiod: 2022\nparties: [bdv-tu, btg-tu]\ntasks:\n  - { id: t, title: "- Hội nghị giao ban", lead: bdv-tu, due: 2022-03-01 }\n' });
    const r = runCli(['deadlines', '-C', dir, '--as-of', '2022-03-05', '--format', 'csv']);
    expect(r.stdout.slice(1).split('\r\n')[1]).toBe("2022-03-01,-4,quá hạn,p,t,,'- Hội nghị giao ban,Ban Dân vận Tỉnh ủy,");
    const status = runCli(['status', '-C', dir, '--as-of', '2022-03-05', '--format', 'csv']);
    expect(status.stdout.slice(1).split('\r\n')[1]).toMatch(/^p,,'- Kế hoạch có gạch đầu dòng,/);
  });

  it('puts the summary’s tables one after another, each under its heading', () => {
    const r = runCli(['summary', '-C', EXAMPLES + 'ben-tre', '--period', '2018', '--as-of', '2026-11-22', '--format', 'csv']);
    const records = r.stdout.slice(1).split('\r\n');
    expect(records.slice(0, 4)).toEqual(['Ban Dân vận Tỉnh ủy Bến Tre', '"Tổng hợp kết quả thực hiện chương trình, kế hoạch phối hợp"', 'Kỳ báo cáo: Năm 2018 (từ 01/01/2018 đến 31/12/2018)', 'Số liệu tính đến ngày 22/11/2026']);
    const results = records.indexOf('6. Kết quả đạt được');
    expect(records.slice(results, results + 5)).toEqual(['6. Kết quả đạt được', 'Chỉ tiêu,Số lượng,Đơn vị tính', '"Tin, bài",133,bài', 'Người tham dự,120,người', '']);
  });
});

describe('the heading of every report', () => {
  /** Phú Yên's records with the config's `title` taken out. */
  function untitled(): string {
    const dir = copyFolder(phuYen);
    const config = join(dir, 'phoihop.yaml');
    writeFileSync(config, readFileSync(config, 'utf8').replace(/^title: .*\n/m, ''));
    return dir;
  }
  const reports: [string[], string][] = [
    [['status'], 'Tình hình thực hiện các chương trình, kế hoạch phối hợp'],
    [['status', 'btg-bdv-2022'], 'btg-bdv-2022: Kế hoạch thực hiện Chương trình phối hợp giữa Ban Tuyên giáo Tỉnh ủy và Ban Dân vận Tỉnh ủy năm 2022'],
    [['deadlines'], 'Nhiệm vụ quá hạn và sắp đến hạn (trong 14 ngày tới)'],
    [['deadlines', '--overdue'], 'Nhiệm vụ quá hạn'],
    [['summary'], 'Tổng hợp kết quả thực hiện chương trình, kế hoạch phối hợp'],
  ];

  it.each(reports)('%s names the organisation, the config\'s title, above its own title', (args, title) => {
    const table = runCli([...args, '-C', phuYen, '--as-of', '2026-11-22']).stdout.split('\n');
    expect(table.slice(0, 2)).toEqual(['Ban Dân vận Tỉnh ủy Phú Yên', title]);
    const md = runCli([...args, '-C', phuYen, '--as-of', '2026-11-22', '--format', 'markdown']).stdout.split('\n');
    expect(md.slice(0, 3)).toEqual(['## Ban Dân vận Tỉnh ủy Phú Yên', '', title]);
    const bare = runCli([...args, '-C', untitled(), '--as-of', '2026-11-22']).stdout.split('\n');
    expect(bare[0]).toBe(title);
    expect(bare.slice(1).join('\n')).toBe(table.slice(2).join('\n'));
  });

  it('leaves a one-table CSV that table alone', () => {
    for (const report of ['status', 'deadlines']) {
      const csv = runCli([report, '-C', phuYen, '--as-of', '2026-11-22', '--format', 'csv']).stdout;
      expect(csv.replace(/^\uFEFF/, '').split('\r\n')[0]).toMatch(/^Mã,|^Hạn,/);
      expect(csv.split('\r\n')).not.toContain('Ban Dân vận Tỉnh ủy Phú Yên');
    }
  });
});

describe('markdown', () => {
  it('gives a heading and a GFM table with numbers right-aligned', () => {
    const md = runCli(['status', '-C', phuYen, '--as-of', '2026-11-22', '--format', 'markdown']).stdout;
    const lines = md.split('\n');
    expect(lines[0]).toBe('## Ban Dân vận Tỉnh ủy Phú Yên');
    expect(lines[2]).toBe('Tình hình thực hiện các chương trình, kế hoạch phối hợp');
    expect(lines[4]).toBe('Tính đến ngày 22/11/2026');
    expect(lines[6]).toBe('| Mã | Số, ký hiệu | Tên | Giai đoạn | Trạng thái | Tổng số | Hoàn thành | Quá hạn | Sắp đến hạn | Chưa đến hạn | Đã hủy | Tiến độ | Hạn kế tiếp | Nhiệm vụ kế tiếp |');
    expect(lines[7]).toBe('| --- | --- | --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |');
    expect(lines[8]).toMatch(/^\| btg-bdv-2022-2026 \|  \| Chương trình .* \| giai đoạn 2022 – 2026 \| đang thực hiện \| 31 \| 22 \| 2 \| 3 \| 3 \| 1 \| 73% \| 15\/10\/2026 \| giao-ban-quy \(Quý III năm 2026\) \|$/);
    expect(md).not.toContain(ESC);
  });

  it('escapes what would break a table or become emphasis', () => {
    const md = renderMarkdownDocument([{ kind: 'table', columns: [{ header: 'a|b' }], rows: [{ cells: [text('x | y *z* _w_')] }] }], 'vi');
    expect(md).toBe('| a\\|b |\n| --- |\n| x \\| y \\*z\\* \\_w\\_ |\n');
  });
});

describe('json', () => {
  it('has the same English keys and ISO dates in every language', () => {
    for (const command of [['status'], ['deadlines'], ['summary'], ['status', 'btg-bdv-2022-2026']]) {
      const vi = runCli([...command, '-C', phuYen, '--as-of', '2026-11-22', '--format', 'json', '--lang', 'vi']);
      const en = runCli([...command, '-C', phuYen, '--as-of', '2026-11-22', '--format', 'json', '--lang', 'en']);
      expect(vi.code).toBe(0);
      expect(vi.stdout).toBe(en.stdout);
      const dates: unknown[] = [];
      JSON.parse(vi.stdout, (key, value) => {
        // `done` is also a count in status; only the strings are dates.
        if (['asOf', 'due', 'done', 'start', 'end'].includes(key) && typeof value === 'string') dates.push(value);
        return value;
      });
      expect(dates.length).toBeGreaterThan(3);
      for (const d of dates) expect(d).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });
});
