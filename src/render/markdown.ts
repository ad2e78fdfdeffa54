/**
 * Documents as Markdown that pastes into a pull request or a chat: headings,
 * one paragraph per line of text, and GFM tables (numbers right-aligned).
 */
import { maxOf, pushAll } from '../arrays.js';
import type { Lang } from '../i18n/lang.js';
import { allRows, type Column, type Document, humanCell, type Rows } from './document.js';
import { visible } from './visible.js';

/**
 * Keeps text literal inside Markdown: no accidental emphasis, code, heading,
 * entity, table break or mention; a line break becomes a space, other
 * control and format characters are written out (`\u001b`, `\u202e`), as in
 * a terminal table.
 */
export function escapeMarkdown(s: string): string {
  const escaped = visible(s.normalize('NFC').replace(/\r?\n/g, ' ')).replace(/([\\`*_|<>[\]~#&])/g, '\\$1');
  // GitHub takes an @ after an ASCII letter, digit or _ for no mention: an e-mail address (ban@dv.vn) is left whole, to be copied.
  return escaped.replace(/(?<![A-Za-z0-9_])@(?=[A-Za-z0-9])/g, NOT_A_MENTION);
}

/**
 * `@octocat` in a posted comment notifies that user, and GitHub honours no
 * escape for it: `\@` and `&#64;` are still mentions (github/markup#1168,
 * cmark-gfm#181). A zero-width space after the `@` is not, and reads the
 * same; Renovate writes `@&#8203;` in every pull request it opens. As an
 * entity, added after escaping, it is plain ASCII in the comment's source,
 * which holds no invisible character of its own.
 */
const NOT_A_MENTION = '@&#8203;';

/**
 * Text as an inline code span: a fence longer than any run of backticks
 * inside, and a space inside it where the text would touch the fence. A line
 * break is written out (`\n`), as text output shows it: as a space, a value
 * that gained one would look unchanged.
 */
export function codeSpan(s: string): string {
  const text = visible(s.normalize('NFC'));
  const longestRun = maxOf((text.match(/`+/g) ?? []).map((run) => run.length), 0);
  const fence = '`'.repeat(longestRun + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

function renderGrid(columns: Column[], rows: Rows, lang: Lang): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  const out = [
    line(columns.map((c) => escapeMarkdown(c.header))),
    line(columns.map((c) => (c.align === 'right' ? '---:' : '---'))),
    ...allRows(rows).map((row) => line(row.cells.map((cell) => escapeMarkdown(humanCell(cell, lang))))),
  ];
  return out.join('\n');
}

export function renderMarkdownDocument(doc: Document, lang: Lang): string {
  const out: string[] = [];
  for (const block of doc) {
    switch (block.kind) {
      case 'title':
        out.push(`## ${escapeMarkdown(block.text)}`);
        break;
      case 'heading':
        out.push(`### ${escapeMarkdown(block.text)}`);
        break;
      case 'lines':
        pushAll(out, block.lines.map(escapeMarkdown));
        break;
      case 'table':
        out.push(block.rows.length === 0 && block.empty !== undefined ? `_${escapeMarkdown(block.empty)}_` : renderGrid(block.columns, block.rows, lang));
        break;
    }
  }
  return out.join('\n\n') + '\n';
}
