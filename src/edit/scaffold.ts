/**
 * The files `init` and `new` write, as text. Each YAML file starts with a
 * `# yaml-language-server: $schema=` line pointing at the schema copies in
 * `.phoihop/schemas/`, so an editor checks and explains every field; the
 * comments are in the folder's language. Pure: the CLI decides where they go.
 */
import type { Lang } from '../i18n/lang.js';
import type { Kind } from '../load/load.js';
import { type Day, formatISO, ymdFromDay } from '../model/dates.js';
import type { Period } from '../model/periods.js';
import { yamlString } from './scalar.js';

/** Where `init` puts the schemas: a dot-folder, so the loader never reads them as records. */
export const SCHEMA_DIR = '.phoihop/schemas';
export const schemaPath = (kind: Kind) => `${SCHEMA_DIR}/${kind}.schema.json`;

/** `# yaml-language-server: $schema=<path>`; `depth` is how many folders below the root the file is. */
export function schemaLine(kind: Kind, depth: number): string {
  return `# yaml-language-server: $schema=${'../'.repeat(depth)}${schemaPath(kind)}`;
}

export interface InitSettings {
  locale: Lang;
  timezone: string;
  today: Day;
}

/** Every file of a new records folder except the schema copies: path → text. */
export function initFiles(settings: InitSettings): Record<string, string> {
  const { locale } = settings;
  const plan = examplePlanId(settings);
  return {
    'phoihop.yaml': configFile(settings),
    'parties.yaml': partiesFile(locale),
    [`plans/${plan}.yaml`]: examplePlanFile(settings, plan),
    '.vscode/settings.json': vscodeSettings(),
    '.vscode/extensions.json': JSON.stringify({ recommendations: ['redhat.vscode-yaml'] }, null, 2) + '\n',
    '.gitignore': gitignore(locale),
  };
}

export function examplePlanId(settings: InitSettings): string {
  return `${settings.locale === 'vi' ? 'vi-du' : 'example'}-${ymdFromDay(settings.today).year}`;
}

const lines = (...ls: string[]) => ls.join('\n') + '\n';

/** `text` with a comment aligned at column 36, as clerks' files tend to have. */
const commented = (text: string, comment: string) => `${text.padEnd(35)} # ${comment}`;

function configFile({ locale, timezone }: InitSettings): string {
  const vi = locale === 'vi';
  return lines(
    schemaLine('config', 0),
    vi ? '# Cấu hình thư mục hồ sơ phoihop (xem từng trường: phoihop schema config).' : '# Settings of this phoihop records folder (every field: phoihop schema config).',
    'kind: config',
    vi
      ? commented('title: Ban Dân vận Tỉnh ủy', 'tên cơ quan in ở đầu báo cáo: hãy sửa')
      : commented('title: Mass Mobilisation Commission', 'the organisation shown in report headers: change it'),
    commented(`locale: ${locale}`, vi ? 'ngôn ngữ của báo cáo: vi hoặc en' : 'language of reports: vi or en'),
    commented(`timezone: ${yamlString(timezone, 'block')}`, vi ? 'múi giờ dùng để tính "hôm nay"' : 'time zone that decides what "today" is'),
    commented('soon: 14', vi ? 'số ngày tới được coi là "sắp đến hạn"' : 'days ahead that count as "due soon"'),
    commented('metrics:', vi ? 'các chỉ tiêu dùng trong results' : 'the metrics used in results'),
    vi ? '  articles: { label: "Tin, bài", unit: bài }' : '  articles: { label: Articles, unit: articles }',
    vi ? '  participants: { label: Người tham dự, unit: người }' : '  participants: { label: Participants, unit: people }',
  );
}

function partiesFile(locale: Lang): string {
  const vi = locale === 'vi';
  return lines(
    schemaLine('parties', 0),
    vi
      ? '# Các cơ quan, đơn vị phối hợp. Mã (id): chữ thường không dấu, chữ số, gạch nối; dùng trong các kế hoạch.'
      : '# The parties that coordinate. Ids: lower-case letters without accents, digits, hyphens; plans use them.',
    vi ? '# Đây là ví dụ: sửa cho đúng cơ quan của mình.' : '# These are examples: change them to your own parties.',
    'kind: parties',
    'parties:',
    '  - id: bdv-tu',
    vi ? '    name: Ban Dân vận Tỉnh ủy' : '    name: Provincial Mass Mobilisation Commission',
    vi ? '    short: Ban Dân vận              # tên ngắn trong bảng (không bắt buộc)' : '    short: Mass Mobilisation        # short name for tables (optional)',
    vi ? '    abbr: BDVTU                     # viết tắt như trong ký hiệu văn bản (không bắt buộc)' : '    abbr: BDVTU                     # abbreviation as in document symbols (optional)',
    '  - id: btg-tu',
    vi ? '    name: Ban Tuyên giáo Tỉnh ủy' : '    name: Provincial Propaganda and Education Commission',
    vi ? '    short: Ban Tuyên giáo' : '    short: Propaganda and Education',
    '    abbr: BTGTU',
  );
}

function examplePlanFile(settings: InitSettings, id: string): string {
  const vi = settings.locale === 'vi';
  const { year } = ymdFromDay(settings.today);
  const end = year + 4;
  return lines(
    schemaLine('plan', 1),
    vi
      ? '# Chương trình VÍ DỤ do phoihop init tạo: sửa cho đúng văn bản của mình, hoặc xóa tệp này.'
      : '# An EXAMPLE program made by phoihop init: change it to match your document, or delete this file.',
    vi ? '# Tạo kế hoạch mới bằng: phoihop new <mã> --title "..." --parties bdv-tu,btg-tu --period 2027' : '# Make a new plan with: phoihop new <id> --title "..." --parties bdv-tu,btg-tu --period 2027',
    'kind: plan',
    `id: ${id}`,
    'type: program',
    vi ? `title: Chương trình phối hợp ví dụ giai đoạn ${year} - ${end}` : `title: Example coordination program ${year} - ${end}`,
    `signed: ${formatISO(settings.today)}`,
    `period: ${year}..${end}`,
    'parties: [bdv-tu, btg-tu]',
    'contents:',
    '  - id: tuyen-truyen',
    vi ? '    title: Tuyên truyền về công tác dân vận' : '    title: Communication on mass mobilisation work',
    'tasks:',
    vi
      ? `  # Nhiệm vụ định kỳ. Ghi nhận một kỳ: phoihop done ${id}/giao-ban-quy --period Q1/${year + 1}`
      : `  # A recurring task. Record one occurrence: phoihop done ${id}/giao-ban-quy --period ${year + 1}-Q1`,
    '  - id: giao-ban-quy',
    vi ? '    title: Giao ban quý về thực hiện chương trình phối hợp' : '    title: Quarterly briefing on the program',
    '    type: briefing',
    '    lead: bdv-tu',
    '    support: [btg-tu]',
    vi ? '    every: quarter                  # hằng quý' : '    every: quarter',
    vi ? '    offset: 15                      # hạn: 15 ngày sau cuối quý' : '    offset: 15                      # due 15 days after the quarter ends',
    vi ? `  # Nhiệm vụ một lần. Ghi nhận hoàn thành: phoihop done ${id}/so-ket` : `  # A one-off task. Record its completion: phoihop done ${id}/so-ket`,
    '  - id: so-ket',
    vi ? '    title: Sơ kết giữa kỳ chương trình phối hợp' : '    title: Interim review of the program',
    '    type: interim-review',
    '    content: tuyen-truyen',
    '    lead: bdv-tu',
    '    support: [btg-tu]',
    `    due: ${year + 2}-06-30`,
  );
}

/** The VS Code YAML extension maps schemas to files by glob; paths are relative to the folder opened. */
function vscodeSettings(): string {
  const settings = {
    'yaml.schemas': {
      [`./${schemaPath('config')}`]: ['phoihop.yaml'],
      [`./${schemaPath('parties')}`]: ['parties.yaml', 'parties.yml', 'parties/**/*.yaml', 'parties/**/*.yml'],
      [`./${schemaPath('plan')}`]: ['plans/**/*.yaml', 'plans/**/*.yml'],
    },
    'files.encoding': 'utf8',
    '[yaml]': { 'editor.insertSpaces': true, 'editor.tabSize': 2 },
  };
  return JSON.stringify(settings, null, 2) + '\n';
}

function gitignore(locale: Lang): string {
  return lines(
    locale === 'vi'
      ? '# Tệp tạm của một lần ghi bị ngắt giữa chừng, và khóa của lệnh done đang chạy'
      : '# Temporary files of an interrupted write, and the lock of a done that is running',
    '.*.phoihop-*.tmp',
    '.phoihop.lock*',
    'node_modules/',
    '.DS_Store',
    'Thumbs.db',
  );
}

export interface NewPlanSettings {
  locale: Lang;
  id: string;
  type: 'program' | 'plan';
  title: string;
  number?: string;
  signed: Day;
  period: Period;
  parent?: string;
  parties: readonly string[];
  /** How many folders below the records folder the file goes (plans/ → 1). */
  depth: number;
}

/**
 * A new plan file. Contents and tasks are commented examples: the file
 * validates as written, and still does once they are uncommented (they use
 * the plan's own parties and a due date inside its period).
 */
export function newPlanFile(s: NewPlanSettings): string {
  const vi = s.locale === 'vi';
  const [lead, ...others] = s.parties;
  const due = formatISO(Math.max(s.period.start, s.period.end - 16));
  const every = s.period.end - s.period.start >= 90 ? 'quarter' : 'month';
  return lines(
    schemaLine('plan', s.depth),
    'kind: plan',
    `id: ${s.id}`,
    `type: ${s.type}`,
    `title: ${yamlString(s.title, 'block')}`,
    s.number !== undefined
      ? `number: ${yamlString(s.number, 'block')}`
      : vi
        ? '# number: 12-KH/BDVTU-BTGTU        # số, ký hiệu văn bản (nếu có)'
        : '# number: 12-KH/BDVTU-BTGTU        # document number and symbol (if any)',
    `signed: ${formatISO(s.signed)}`,
    `period: ${s.period.key}`,
    ...(s.parent !== undefined ? [`parent: ${s.parent}`] : []),
    `parties: [${s.parties.join(', ')}]`,
    vi ? '# Nội dung phối hợp (không bắt buộc): bỏ dấu # ở các dòng dưới rồi sửa.' : '# Content areas (optional): uncomment the lines below and edit them.',
    '# contents:',
    '#   - id: tuyen-truyen',
    vi ? '#     title: Tuyên truyền về công tác dân vận' : '#     title: Communication on mass mobilisation work',
    vi
      ? '# Nhiệm vụ: bỏ dấu # ở các dòng dưới rồi sửa; mỗi nhiệm vụ có id, title và lead (bên chủ trì).'
      : '# Tasks: uncomment the lines below and edit them; each task has an id, a title and a lead party.',
    '# tasks:',
    '#   - id: bao-cao-ket-qua',
    vi ? '#     title: Báo cáo kết quả thực hiện' : '#     title: Report on the results',
    '#     type: report',
    `#     lead: ${lead}`,
    `#     support: [${others.join(', ')}]`,
    `#     due: ${due}`,
    '#   - id: giao-ban',
    vi ? `#     title: Giao ban ${every === 'quarter' ? 'quý' : 'tháng'}` : `#     title: ${every === 'quarter' ? 'Quarterly' : 'Monthly'} briefing`,
    '#     type: briefing',
    `#     lead: ${lead}`,
    `#     support: [${others.join(', ')}]`,
    `#     every: ${every}`,
    '#     offset: 15',
  );
}
