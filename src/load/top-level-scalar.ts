/**
 * The value of a top-level `key: value` line of a YAML text, read without a
 * parser: plain, or quoted without escapes, a comment after it allowed; as
 * text (a plain 0 is '0'), NFC.
 * For what is wanted before or without parsing: the locale `--help` speaks
 * (no YAML parser at start-up), a plan's id at an earlier revision. A value
 * written another way (a flow mapping, a block scalar, an anchor or tag, an
 * escape) is undefined.
 */
export function topLevelScalar(text: string, key: string): string | undefined {
  // A plain value may not start with a quote, a comment or an indicator (| > & * ! { [ % @ `).
  const plain = '[^\\s#\'"|>&*!{[%@\\x60][^\\s#]*';
  const m = new RegExp(`^${key}:[ \\t]*(?:"([^"\\n\\\\]*)"|'([^'\\n]*)'|(${plain}))[ \\t]*(?:#.*)?\\r?$`, 'm').exec(text);
  return (m?.[1] ?? m?.[2] ?? m?.[3])?.normalize('NFC');
}
