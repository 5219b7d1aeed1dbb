/**
 * Text files from outside are meant to be UTF-8, but a CSV saved by Excel
 * is often Windows-1252. Invalid UTF-8 is never imported silently (as
 * replacement characters): a file with no UTF-8 at all is read as
 * Windows-1252 with a notice saying so; a file that mixes the two, or is
 * UTF-16, is refused with a message saying how to save it.
 */
import { isAscii, isUtf8 } from 'node:buffer';
import { Transform } from 'node:stream';

export class EncodingError extends Error {}

const SAVE_AS = 'Save it again as "CSV UTF-8 (comma delimited)" and upload it again.';

export function windows1252Notice(label: string): string {
  return `${label} was not saved as UTF-8, so it was read as Windows-1252 (as older Excel saves CSV). Check that names with accents look right; to be sure, save it as "CSV UTF-8".`;
}

function isUtf16(head: Uint8Array): boolean {
  return (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff);
}

/**
 * Where the last whole character of UTF-8 bytes ends: a multi-byte character cut off by the end of
 * a chunk is held back for the next. Invalid bytes are left for isUtf8 to find.
 */
function wholeCharactersEnd(bytes: Uint8Array): number {
  const end = bytes.length;
  for (let i = end - 1; i >= 0 && i >= end - 4; i--) {
    const b = bytes[i]!;
    if ((b & 0xc0) === 0x80) continue; // a continuation byte: look further back for its lead
    if (b < 0x80) return end;
    const length = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return end - i >= length ? end : i;
  }
  return end;
}

/**
 * A stream of bytes to a stream of UTF-8 text (as bytes: what the stream's reader parses), from
 * UTF-8, or Windows-1252 when the file has no valid UTF-8 before its first invalid byte. UTF-8 is
 * checked and passed on as it is, never decoded and encoded again (the SSD import reads millions
 * of rows through it). Calls onNotice once when it reads Windows-1252; errors with EncodingError
 * otherwise.
 */
export function decodeTextStream(label: string, onNotice: (notice: string) => void): Transform {
  let utf8 = true;
  const cp1252 = new TextDecoder('windows-1252');
  let first = true;
  let sawNonAscii = false;
  /** The start of a character the last chunk ended part-way through. */
  let held: Buffer = Buffer.alloc(0);
  const mixed = () =>
    new EncodingError(
      `${label} mixes UTF-8 with another encoding (some characters are not valid UTF-8). ${SAVE_AS}`,
    );
  return new Transform({
    readableObjectMode: false,
    decodeStrings: true,
    transform(chunk: Buffer, _enc, done) {
      if (first) {
        first = false;
        if (isUtf16(chunk))
          return done(new EncodingError(`${label} is saved as UTF-16 (Unicode text), not UTF-8. ${SAVE_AS}`));
      }
      if (!utf8) return done(null, Buffer.from(cp1252.decode(chunk, { stream: true })));
      const bytes = held.length ? Buffer.concat([held, chunk]) : chunk;
      const end = wholeCharactersEnd(bytes);
      const whole = bytes.subarray(0, end);
      if (isUtf8(whole)) {
        held = Buffer.from(bytes.subarray(end));
        if (!sawNonAscii && !isAscii(whole)) sawNonAscii = true;
        return done(null, whole);
      }
      if (sawNonAscii || hasValidUtf8(bytes)) return done(mixed());
      utf8 = false;
      held = Buffer.alloc(0);
      onNotice(windows1252Notice(label));
      return done(null, Buffer.from(cp1252.decode(bytes, { stream: true })));
    },
    flush(done) {
      if (!utf8) return done(null, Buffer.from(cp1252.decode()));
      if (held.length === 0) return done();
      // The file ends part-way through a character: Windows-1252 if nothing before was UTF-8.
      if (sawNonAscii)
        return done(
          new EncodingError(
            `${label} ends part-way through a character, so it is not valid UTF-8. ${SAVE_AS}`,
          ),
        );
      onNotice(windows1252Notice(label));
      done(null, Buffer.from(new TextDecoder('windows-1252').decode(held)));
    },
  });
}

/** Whether bytes that are not all UTF-8 still hold valid UTF-8 multi-byte characters (a mixed file). */
function hasValidUtf8(bytes: Uint8Array): boolean {
  return /[\u0080-\uFFFC]/.test(new TextDecoder('utf-8').decode(bytes).replace(/\uFFFD/g, ''));
}

/** A whole file's text, by the same rules; the notice, if any, comes back with it. */
export function decodeText(data: Uint8Array, label: string): { text: string; notice?: string } {
  if (isUtf16(data))
    throw new EncodingError(`${label} is saved as UTF-16 (Unicode text), not UTF-8. ${SAVE_AS}`);
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(data) };
  } catch {
    // Valid UTF-8 multi-byte sequences anywhere mean a mixed file, not Windows-1252.
    if (hasValidUtf8(data))
      throw new EncodingError(
        `${label} mixes UTF-8 with another encoding (some characters are not valid UTF-8). ${SAVE_AS}`,
      );
    return { text: new TextDecoder('windows-1252').decode(data), notice: windows1252Notice(label) };
  }
}
