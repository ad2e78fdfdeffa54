/**
 * Text from the records as a terminal may safely show it: control characters
 * written out (`\u001b`, and `\n` `\r` `\t` in their short form) rather than
 * obeyed, so a pasted escape sequence cannot recolour or clear the screen.
 *
 * Unicode format characters (category Cf) are written out too: zero-width
 * ones (U+200B, U+2060, U+FEFF) make a before and an after look identical,
 * and bidirectional ones (U+202E, U+2066…) reorder what is shown, so that
 * `6202 - 2202` reads "2022 - 2026". A no-break space is a space, not a
 * format character, and stays as it is.
 */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\p{Cf}]/u;
const CONTROLS = new RegExp(CONTROL.source, 'gu');
/** The same but the line break, which a table cell keeps to split into lines. */
const CONTROL_BUT_LF = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\p{Cf}]/u;
const CONTROLS_BUT_LF = new RegExp(CONTROL_BUT_LF.source, 'gu');
const SHORT: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** `\u001b`; beyond U+FFFF (the tag characters U+E0001…), `\u{e0001}`, one escape for one character. */
function writtenOut(c: string): string {
  const code = c.codePointAt(0) as number;
  return SHORT[c] ?? (code > 0xffff ? `\\u{${code.toString(16)}}` : `\\u${code.toString(16).padStart(4, '0')}`);
}

/** `text` with its control and format characters written out; with `keepLineBreaks`, `\n` stays a line break. */
export function visible(text: string, keepLineBreaks = false): string {
  if (keepLineBreaks) return CONTROL_BUT_LF.test(text) ? text.replace(CONTROLS_BUT_LF, writtenOut) : text;
  return CONTROL.test(text) ? text.replace(CONTROLS, writtenOut) : text;
}
