/**
 * Text from the records as a terminal may safely show it: control characters
 * written out (`\u001b`, and `\n` `\r` `\t` in their short form) rather than
 * obeyed, so a pasted escape sequence cannot recolour or clear the screen.
 */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
const CONTROLS = new RegExp(CONTROL.source, 'g');
/** The same but the line break, which a table cell keeps to split into lines. */
const CONTROL_BUT_LF = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029]/;
const CONTROLS_BUT_LF = new RegExp(CONTROL_BUT_LF.source, 'g');
const SHORT: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

const writtenOut = (c: string) => SHORT[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** `text` with its control characters written out; with `keepLineBreaks`, `\n` stays a line break. */
export function visible(text: string, keepLineBreaks = false): string {
  if (keepLineBreaks) return CONTROL_BUT_LF.test(text) ? text.replace(CONTROLS_BUT_LF, writtenOut) : text;
  return CONTROL.test(text) ? text.replace(CONTROLS, writtenOut) : text;
}
