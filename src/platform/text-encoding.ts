/**
 * Text files from outside are meant to be UTF-8, but a CSV saved by Excel
 * is often Windows-1252. Invalid UTF-8 is never imported silently (as
 * replacement characters): a file with no UTF-8 at all is read as
 * Windows-1252 with a notice saying so; a file that mixes the two, or is
 * UTF-16, is refused with a message saying how to save it.
 */
import { Transform } from 'node:stream';

export class EncodingError extends Error {}

const SAVE_AS = 'Save it again as "CSV UTF-8 (comma delimited)" and upload it again.';

export function windows1252Notice(label: string): string {
  return `${label} was not saved as UTF-8, so it was read as Windows-1252 (as older Excel saves CSV). Check that names with accents look right; to be sure, save it as "CSV UTF-8".`;
}

function isUtf16(head: Uint8Array): boolean {
  return (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff);
}

function hasHighByte(bytes: Uint8Array): boolean {
  for (const b of bytes) if (b >= 0x80) return true;
  return false;
}

/**
 * A stream of bytes to a stream of text (UTF-8, or Windows-1252 when the
 * file has no valid UTF-8 before its first invalid byte). Calls onNotice
 * once when it reads Windows-1252; errors with EncodingError otherwise.
 */
export function decodeTextStream(label: string, onNotice: (notice: string) => void): Transform {
  let utf8: InstanceType<typeof TextDecoder> | undefined = new TextDecoder('utf-8', { fatal: true });
  const cp1252 = new TextDecoder('windows-1252');
  let first = true;
  let sawNonAscii = false;
  return new Transform({
    readableObjectMode: false,
    decodeStrings: true,
    transform(chunk: Buffer, _enc, done) {
      if (first) {
        first = false;
        if (isUtf16(chunk))
          return done(new EncodingError(`${label} is saved as UTF-16 (Unicode text), not UTF-8. ${SAVE_AS}`));
      }
      if (!utf8) return done(null, cp1252.decode(chunk, { stream: true }));
      try {
        const text = utf8.decode(chunk, { stream: true });
        if (!sawNonAscii && hasHighByte(chunk)) sawNonAscii = true;
        return done(null, text);
      } catch {
        if (sawNonAscii || hasValidUtf8(chunk))
          return done(
            new EncodingError(
              `${label} mixes UTF-8 with another encoding (some characters are not valid UTF-8). ${SAVE_AS}`,
            ),
          );
        utf8 = undefined;
        onNotice(windows1252Notice(label));
        return done(null, cp1252.decode(chunk, { stream: true }));
      }
    },
    flush(done) {
      try {
        const rest = utf8 ? utf8.decode() : cp1252.decode();
        done(null, rest);
      } catch {
        done(
          new EncodingError(
            `${label} ends part-way through a character, so it is not valid UTF-8. ${SAVE_AS}`,
          ),
        );
      }
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
