/** Strict UTF-8: a BOM is dropped, invalid bytes are reported with their place. */
export type Decoded = { ok: true; text: string; bom: boolean } | { ok: false; line: number; column: number; encoding?: 'UTF-16' | 'UTF-32' };

const fatal = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export function decodeUtf8(bytes: Uint8Array): Decoded {
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  try {
    return { ok: true, text: fatal.decode(body), bom };
  } catch {
    // Windows editors save "Unicode" as UTF-16 with its byte order mark: worth naming, since the fix is to choose UTF-8.
    const other = bomEncoding(bytes);
    // The whole file is in another encoding, so the problem is at its start (a UTF-32 BE BOM opens with two NULs, valid UTF-8).
    if (other) return { ok: false, line: 1, column: 1, encoding: other.startsWith('utf-32') ? 'UTF-32' : 'UTF-16' };
    return { ok: false, ...locateInvalidByte(body) };
  }
}

type BomEncoding = 'utf-32le' | 'utf-32be' | 'utf-16le' | 'utf-16be';

/** UTF-32 or UTF-16 by its byte order mark, or undefined. UTF-32 first: its LE mark begins with UTF-16's. */
function bomEncoding(bytes: Uint8Array): BomEncoding | undefined {
  const starts = (...mark: number[]) => bytes.length >= mark.length && mark.every((b, i) => bytes[i] === b);
  if (starts(0xff, 0xfe, 0x00, 0x00)) return 'utf-32le';
  if (starts(0x00, 0x00, 0xfe, 0xff)) return 'utf-32be';
  if (starts(0xff, 0xfe)) return 'utf-16le';
  if (starts(0xfe, 0xff)) return 'utf-16be';
  return undefined;
}

/**
 * The text of a file that is not valid UTF-8, as well as it can be read (UTF-32
 * or UTF-16 by its byte order mark, else UTF-8 with stray bytes replaced): only
 * to find the ids it declares, never to check it.
 */
export function decodeLoosely(bytes: Uint8Array): string {
  const encoding = bomEncoding(bytes);
  if (encoding === 'utf-32le' || encoding === 'utf-32be') return decodeUtf32(bytes.subarray(4), encoding === 'utf-32le');
  return new TextDecoder(encoding ?? 'utf-8').decode(bytes);
}

/** TextDecoder knows no UTF-32: one code point per 4 bytes, U+FFFD for what is not one. */
function decodeUtf32(bytes: Uint8Array, littleEndian: boolean): string {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let text = '';
  for (let i = 0; i + 4 <= bytes.length; i += 4) {
    const code = view.getUint32(i, littleEndian);
    text += code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff) ? '\ufffd' : String.fromCodePoint(code);
  }
  return text;
}

/** Line and column (in characters) of the first byte that is not valid UTF-8. */
function locateInvalidByte(bytes: Uint8Array): { line: number; column: number } {
  let lineStart = 0;
  let line = 1;
  for (let i = 0; i <= bytes.length; i++) {
    if (i === bytes.length || bytes[i] === 0x0a) {
      const chunk = bytes.subarray(lineStart, i);
      try {
        fatal.decode(chunk);
      } catch {
        return { line, column: columnOfInvalid(chunk) };
      }
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: 1 };
}

function columnOfInvalid(lineBytes: Uint8Array): number {
  // The longest valid prefix tells how many characters precede the bad byte.
  for (let end = lineBytes.length; end >= 0; end--) {
    try {
      const prefix = fatal.decode(lineBytes.subarray(0, end));
      if (end === lineBytes.length) continue;
      return prefix.length + 1;
    } catch {
      /* keep shrinking */
    }
  }
  return 1;
}
