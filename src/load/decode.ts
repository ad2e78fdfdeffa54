/** Strict UTF-8: a BOM is dropped, invalid bytes are reported with their place. */
export type Decoded = { ok: true; text: string; bom: boolean } | { ok: false; line: number; column: number; utf16: boolean };

const fatal = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export function decodeUtf8(bytes: Uint8Array): Decoded {
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  try {
    return { ok: true, text: fatal.decode(body), bom };
  } catch {
    // Windows editors save "Unicode" as UTF-16 with its byte order mark: worth naming, since the fix is to choose UTF-8.
    return { ok: false, ...locateInvalidByte(body), utf16: utf16Encoding(bytes) !== undefined };
  }
}

/** UTF-16 by its byte order mark, or undefined. */
function utf16Encoding(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}

/**
 * The text of a file that is not valid UTF-8, as well as it can be read (UTF-16
 * by its byte order mark, else UTF-8 with stray bytes replaced): only to find
 * the ids it declares, never to check it.
 */
export function decodeLoosely(bytes: Uint8Array): string {
  return new TextDecoder(utf16Encoding(bytes) ?? 'utf-8').decode(bytes);
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
