/**
 * Generators of YAML texts for the fast-path equivalence tests: record-like
 * documents built from the constructs clerks write (and the ones that differ
 * between parsers), and random edits of real plan files.
 */
import fc from 'fast-check';

/** Plain scalars whose type differs between YAML schemas or parsers. */
export const TRICKY_SCALARS = [
  '017', '0o17', '0x1F', '0b101', '1_000', '+12', '-12', '.5', '+.5', '-.5', '1e3', '1.e3', '-0', '+0', '0.', '.inf', '-.inf', '+.inf', '.NaN', '.nan',
  '~', 'null', 'Null', 'NULL', 'yes', 'no', 'on', 'off', 'y', 'n', 'True', 'TRUE', 'tRue', 'false', '2017-05-22', '2017-05-22T10:00:00Z', '12:30', '1:20:30',
  '0x_1F', '00', '-017', '+0x1F', '-0x1F', '-0o17', '09', '0o8', '12e03', '1,000', '2022', '2022-Q3', '2022..2026', '22/5/2017', '05-CTr/BTGTU',
  '123456789012345678901234567890', '0.1', '1.50', '=', '<<', '-', '--', '---', '...', '@x', '`x', '%x', '!x', '&x', '*x', '?x', '? x', ': x', '|x', '>x',
  "'q'", '"q"', '"a\\tb"', '"\\x41\\u00e9\\U0001F600"', '"\\N\\_\\L\\P"', '"\\/"', '"\\q"', "'it''s'", '"a\\\nb"', '""', "''",
];

const VIETNAMESE = [
  'Tuyên truyền, phổ biến', 'Ban Dân vận Tỉnh ủy', 'Kế hoạch', 'Giao ban quý # không phải chú thích', 'a #b', 'a# b', 'Dân vận khéo: mô hình',
  'Hội nghị "Dân vận khéo"', "Ban 'Tuyên giáo'", 'x [y] z', 'x {y} z', 'x ] y', 'trễ hạn   ', 'Nhân dân – “nổi cộm”', 'Ké\u0301 hoạch (tổ hợp)',
  '1. Mục', '- gạch', 'a: b', 'a:b', 'k:', ' khoảng', 'Việt Nam!', 'A & B', 'x * y', 'x ? y', 'x|y', 'x > y', 'x, y', 'x,y',
];

const KEYS = ['kind', 'id', 'title', 'period', 'log', '2022', '2022-Q3', '"2022"', "'q k'", 'null', '~', '"null"', 'true', '1.0', '0x10', '017', '.inf', '-0',
  'a b', 'Kế', 'Ke\u0302\u0301', '"Kế"', '__proto__', 'constructor', 'toString', '"a:b"', 'x', 'y', 'z', '<<', '[a, b]', '{a: 1}', '? a', ''];

const INDICATORS = ['', '|', '|-', '|+', '>', '>-', '>+', '|2', '>1-', '[', ']', '{', '}', '[a, b]', '{a: 1, b: [2, 3]}', '[a,', 'b]', '{ a: x, b: y }', '[ ]', '{}', '&a', '*a', '!!str', '!t', '#c'];

const scalar = fc.oneof(fc.constantFrom(...TRICKY_SCALARS), fc.constantFrom(...VIETNAMESE), fc.constantFrom(...INDICATORS), fc.string({ maxLength: 8 }));
const key = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...KEYS) }, { weight: 1, arbitrary: fc.string({ maxLength: 5 }) });
const indent = fc.integer({ min: 0, max: 8 }).map((n) => ' '.repeat(n));
const lineEnd = fc.constantFrom('\n', '\n', '\n', '\r\n', ' \n', ' # chú thích\n', '#x\n', '\n\n');

/** One line: `key: value`, `- value`, `- key: value`, a bare value, a comment or a blank. */
const line = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(indent, key, fc.constantFrom(': ', ':', ':  '), scalar, lineEnd).map(([i, k, c, v, e]) => `${i}${k}${c}${v}${e}`) },
  { weight: 2, arbitrary: fc.tuple(indent, key, lineEnd).map(([i, k, e]) => `${i}${k}:${e}`) },
  { weight: 2, arbitrary: fc.tuple(indent, scalar, lineEnd).map(([i, v, e]) => `${i}- ${v}${e}`) },
  { weight: 2, arbitrary: fc.tuple(indent, key, scalar, lineEnd).map(([i, k, v, e]) => `${i}- ${k}: ${v}${e}`) },
  { weight: 1, arbitrary: fc.tuple(indent, scalar, lineEnd).map(([i, v, e]) => `${i}${v}${e}`) },
  // Compact nested sequences (`- - x`), empty items among them.
  { weight: 1, arbitrary: fc.tuple(indent, fc.constantFrom('-', '- -', '-  -', '- - -', '- - x', '- - k: v', '- -x'), lineEnd).map(([i, d, e]) => `${i}${d}${e}`) },
  { weight: 1, arbitrary: fc.constantFrom('# chú thích\n', '#ghi chú\n', '\n', '---\n', '...\n', '%YAML 1.2\n', '<<<<<<< HEAD\n', '=======\n', '\t- x\n', 'a:\t1\n') },
);

/** A document of up to 12 lines, usually starting as a record does. */
export const yamlDocument = fc
  .tuple(fc.boolean(), fc.array(line, { minLength: 1, maxLength: 12 }))
  .map(([record, lines]) => (record ? 'kind: plan\n' : '') + lines.join(''));

/** A document whose lines are indented as a record's are (well-formed more often). */
export const recordLikeDocument = fc
  .array(
    fc.tuple(key.filter((k) => /^[a-z0-9"'~.-]/i.test(k)), fc.array(fc.tuple(key, scalar), { maxLength: 4 }), scalar, fc.boolean()).map(([k, children, v, nested]) =>
      nested
        ? `${k}:\n${children.map(([ck, cv], i) => (i % 2 ? `  - ${ck}: ${cv}\n` : `  ${ck}: ${cv}\n`)).join('')}`
        : `${k}: ${v}\n`,
    ),
    { minLength: 1, maxLength: 8 },
  )
  .map((entries) => 'kind: plan\n' + entries.join(''));

/** Random edits of a real file: characters that matter to YAML inserted, deleted or replaced. */
export function editedText(base: string) {
  const piece = fc.oneof(fc.constantFrom(...[':', ' ', '-', '#', '"', "'", '[', ']', '{', '}', ',', '\n', '  ', '|', '>', '&', '*', '!', '?', '%', '@', '`', '\t', '\r', '\\', 'ế', 'e\u0302\u0301']), fc.constantFrom(...TRICKY_SCALARS));
  const edit = fc.tuple(fc.nat({ max: base.length }), fc.nat({ max: 3 }), piece);
  return fc.array(edit, { minLength: 1, maxLength: 4 }).map((edits) => {
    let text = base;
    for (const [at, remove, insert] of edits) {
      const p = Math.min(at, text.length);
      text = text.slice(0, p) + insert + text.slice(p + remove);
    }
    return text;
  });
}

/** Text for a scalar's content: Vietnamese words, YAML-significant characters, spaces and line breaks. */
const words = fc.array(
  fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom('Kế', 'hoạch', 'phối', 'hợp', 'Dân', 'vận', 'khéo', 'Ke\u0302\u0301', '2022', 'Q3', '05-KH/BDVTU', 'x') },
    { weight: 1, arbitrary: fc.constantFrom(':', ',', '#', '-', '"', "'", '[', ']', '{', '}', '\\', '|', '>', '!', '&', '*', '?', '%', '~', '.') },
    { weight: 1, arbitrary: fc.constantFrom(...TRICKY_SCALARS) },
  ),
  { minLength: 0, maxLength: 6 },
);
const text = fc.tuple(words, fc.array(fc.constantFrom(' ', '  ', '\n', '\n\n', ' \n', ''), { minLength: 6, maxLength: 6 })).map(([ws, seps]) =>
  ws.map((w, i) => (i === 0 ? w : seps[i % seps.length] + w)).join(''),
);

type Tree = string | Tree[] | { [key: string]: Tree };
const tree: fc.Arbitrary<Tree> = fc.letrec<{ node: Tree }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    text,
    fc.array(tie('node'), { maxLength: 3 }),
    fc.dictionary(fc.oneof(fc.constantFrom('id', 'title', 'log', '2022', '2022-Q3', 'a b', 'Kế'), text.filter((t) => !t.includes('\n'))), tie('node'), { maxKeys: 3 }),
  ),
})).node;

/** How a scalar is written: plain, single- or double-quoted, literal or folded block (with chomping). */
const scalarStyle = fc.constantFrom('plain', 'single', 'double', '|', '|-', '>', '>-');

function writeScalar(value: string, style: string, indent: string): string {
  if (style === 'single') return `'${value.replace(/'/g, "''").replace(/\n/g, '\n\n' + indent)}'`;
  if (style === 'double') return JSON.stringify(value).replace(/\\n/g, '\\n\\\n' + indent);
  if (style.startsWith('|') || style.startsWith('>')) return `${style}\n${value.split('\n').map((l) => indent + '  ' + l).join('\n')}`;
  return value.replace(/\n/g, '\n' + indent + '  ');
}

/** A tree written out as YAML with random styles; often valid, sometimes not (plain text is not escaped). */
export const structuredDocument = fc
  .tuple(
    fc.dictionary(fc.constantFrom('id', 'title', 'tasks', 'log', 'note', '2022', 'Kế'), tree, { minKeys: 1, maxKeys: 4 }),
    fc.infiniteStream(scalarStyle),
    fc.infiniteStream(fc.boolean()),
    fc.infiniteStream(fc.boolean()),
  )
  .map(([root, styles, flows, compacts]) => {
    const styleIt = styles[Symbol.iterator]();
    const flowIt = flows[Symbol.iterator]();
    const compactIt = compacts[Symbol.iterator]();
    // A block collection in a sequence, often started on the dash's line (`- - x`, `- id: x`), as clerks write them.
    const item = (v: Tree, indent: string): string => {
      const written = block(v, indent + '  ');
      const nested = written.startsWith('\n' + indent + '  ');
      return nested && compactIt.next().value ? `${indent}- ${written.slice(1 + indent.length + 2)}` : `${indent}-${written}`;
    };
    const flow = (t: Tree): string =>
      typeof t === 'string'
        ? JSON.stringify(t)
        : Array.isArray(t)
          ? `[${t.map(flow).join(', ')}]`
          : `{ ${Object.entries(t).map(([k, v]) => `${JSON.stringify(k)}: ${flow(v)}`).join(', ')} }`;
    const block = (t: Tree, indent: string): string => {
      if (typeof t === 'string') return ' ' + writeScalar(t, styleIt.next().value as string, indent);
      if (flowIt.next().value) return ' ' + flow(t);
      if (Array.isArray(t)) return t.length === 0 ? ' []' : '\n' + t.map((v) => item(v, indent)).join('\n');
      const entries = Object.entries(t);
      if (entries.length === 0) return ' {}';
      return '\n' + entries.map(([k, v]) => `${indent}${k}:${block(v, indent + '  ')}`).join('\n');
    };
    return 'kind: plan' + block(root, '').replace(/^\n/, '\n') + '\n';
  });
