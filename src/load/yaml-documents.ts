/**
 * yaml's `parseAllDocuments` and `parseDocument`, with one line of its lexer
 * fixed (yaml 2.9; 3.0.0-2 too). At the start of each line, `parseLineStart`
 * lowers the indentation that a plain scalar must keep to continue
 * (`indentNext = indentValue`, when the character after the line's spaces is
 * followed by a non-space). It does so on comment and blank lines as well,
 * whose indentation means nothing in YAML. So after a comment glued to its
 * `#` (`#ghi chú`), a comment after a tab, or a blank line before a comment at
 * column 0, a value on a line of its own runs on into the next lines:
 * `a:\n#c\n  x\nk: 1` is refused ("implicit keys need to be on a single
 * line") and `- \n#c\n  x\n- y` reads `x - y`, though YAML (and js-yaml) read
 * `{a: x, k: 1}` and `[x, y]`; and the lexer, misled, can take a later block
 * scalar's `#` line for a comment.
 *
 * Here a comment or blank line keeps the indentation the line before it left.
 * The tokens go to yaml's own Parser and Composer (its documented way to use
 * another lexer), so every node and error keeps yaml's offsets. Should a
 * later yaml rename what this relies on, yaml's lexer is used as it is.
 */
import { Composer, type Document, Lexer, Parser, YAMLParseError } from 'yaml';

type Options = ConstructorParameters<typeof Composer>[0];

/** What `parseLineStart` reads and sets: private in yaml's types, there at run time. */
interface LexerInternals {
  buffer: string;
  pos: number;
  indentNext: number;
  parseLineStart(): Generator<string, string | undefined>;
}

const stockParseLineStart = (Lexer.prototype as unknown as Partial<LexerInternals>).parseLineStart;

/** yaml's lexer, but for what a comment or blank line does to the indentation. */
class CommentSafeLexer extends Lexer {}

if (typeof stockParseLineStart === 'function') {
  Object.defineProperty(CommentSafeLexer.prototype, 'parseLineStart', {
    value: function* parseLineStart(this: LexerInternals) {
      const { buffer, pos: start, indentNext } = this;
      const next = yield* stockParseLineStart.call(this);
      if (typeof buffer === 'string' && typeof start === 'number' && isBlankOrComment(buffer, start)) this.indentNext = indentNext;
      return next;
    },
    writable: true,
    configurable: true,
  });
}

/** A line (from `start`) of spaces and tabs only, or of a comment after them; not a document marker. */
function isBlankOrComment(buffer: string, start: number): boolean {
  let i = start;
  while (buffer[i] === ' ' || buffer[i] === '\t') i++;
  const c = buffer[i];
  return c === undefined || c === '#' || c === '\n' || (c === '\r' && buffer[i + 1] === '\n');
}

function* tokens(source: string) {
  const parser = new Parser();
  for (const lexeme of new CommentSafeLexer().lex(source)) yield* parser.next(lexeme);
  yield* parser.end();
}

/** As yaml's `parseAllDocuments` (no LineCounter, no pretty errors: callers locate offsets themselves). */
export function parseAllDocuments(source: string, options: Options): Document.Parsed[] {
  return Array.from(new Composer(options).compose(tokens(source))) as Document.Parsed[];
}

/** As yaml's `parseDocument`: the first document, with an error if more follow. */
export function parseDocument(source: string, options: Options): Document.Parsed {
  const docs = new Composer(options).compose(tokens(source), true, source.length);
  const first = docs.next().value as Document.Parsed;
  const second = docs.next();
  if (!second.done) {
    const extra = second.value as Document.Parsed;
    first.errors.push(new YAMLParseError([extra.range[0], extra.range[1]], 'MULTIPLE_DOCS', 'Source contains multiple documents; please use YAML.parseAllDocuments()'));
  }
  return first;
}
