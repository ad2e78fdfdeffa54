/**
 * Records folders whose plans and parties look each other up: ids drawn
 * from small pools, so duplicates, unknown parties and parents, parent
 * cycles and periods outside a parent's come up often, besides plans that
 * fail their schema and files that cannot be parsed. For tests that hold
 * two ways of validating to the same answer.
 */
import fc from 'fast-check';

// Some ids of 13 characters or more: V8 keeps such substrings as views into the text.
const PLAN_IDS = ['kh-a', 'kh-b', 'ctr-phoi-hop-2022-2026', 'kh-c', 'kh-d'];
const PARTY_IDS = ['bdv-tu', 'btg-tu', 'hoi-lien-hiep-phu-nu-tinh', 'x-chua-khai'];
const PERIODS = ['2022..2026', '2023', '2021..2030', '2024-Q2', '2025-H1'];

const partyId = fc.constantFrom(...PARTY_IDS);

const task = (i: number) =>
  fc
    .record({
      lead: partyId,
      support: fc.uniqueArray(partyId, { maxLength: 2 }),
      recurring: fc.boolean(),
      done: fc.boolean(),
      content: fc.option(fc.constantFrom('nd-1', 'nd-9'), { nil: undefined }),
    })
    .map(({ lead, support, recurring, done, content }) => [
      `  - id: t${i}`,
      `    title: Nhiệm vụ ${i}`,
      `    lead: ${lead}`,
      ...(support.length > 0 ? [`    support: [${support.join(', ')}]`] : []),
      ...(content ? [`    content: ${content}`] : []),
      ...(recurring ? ['    every: quarter', '    log:', `      2023-Q1: ${done ? '2023-04-05' : '2031-01-01'}`] : [`    due: 2023-06-30`, ...(done ? ['    status: done', '    done: 2023-06-20'] : [])]),
    ]);

const plan = fc
  .record({
    id: fc.constantFrom(...PLAN_IDS),
    parent: fc.option(fc.constantFrom(...PLAN_IDS, 'kh-khong-co'), { nil: undefined }),
    period: fc.constantFrom(...PERIODS),
    signed: fc.constantFrom('2022-03-01', '2027-01-01', '2024-05-02'),
    parties: fc.uniqueArray(partyId, { minLength: 2, maxLength: 3 }),
    signatories: fc.array(partyId, { maxLength: 1 }),
    tasks: fc.integer({ min: 1, max: 3 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => task(i + 1)))),
    broken: fc.constantFrom('none', 'none', 'none', 'schema', 'yaml'),
  })
  .map(({ id, parent, period, signed, parties, signatories, tasks, broken }) =>
    [
      'kind: plan',
      `id: ${id}`,
      `title: Kế hoạch ${id}`,
      broken === 'schema' ? 'signed: khong-phai-ngay' : `signed: ${signed}`,
      `period: ${period}`,
      ...(parent ? [`parent: ${parent}`] : []),
      `parties: [${parties.join(', ')}]`,
      ...(signatories.length > 0 ? ['signatories:', ...signatories.map((party) => `  - { party: ${party}, name: Nguyễn Văn A }`)] : []),
      'contents:',
      '  - id: nd-1',
      '    title: Nội dung một',
      'tasks:',
      ...tasks.flat(),
      ...(broken === 'yaml' ? ['  - id: [t9'] : []),
      '',
    ].join('\n'),
  );

const partiesFile = fc.uniqueArray(partyId, { minLength: 1, maxLength: 3 }).map((ids) => ['kind: parties', 'parties:', ...ids.flatMap((id) => [`  - id: ${id}`, `    name: Cơ quan ${id}`]), ''].join('\n'));

/** A folder: config, one or two parties files, and one to seven plans. */
export const crossFileFolder: fc.Arbitrary<Record<string, string>> = fc
  .record({
    parties: fc.array(partiesFile, { minLength: 1, maxLength: 2 }),
    plans: fc.array(plan, { minLength: 1, maxLength: 7 }),
  })
  .map(({ parties, plans }) => ({
    'phoihop.yaml': 'kind: config\nlocale: vi\n',
    ...Object.fromEntries(parties.map((text, i) => [`parties-${i}.yaml`, text])),
    ...Object.fromEntries(plans.map((text, i) => [`plans/p${i}.yaml`, text])),
  }));
