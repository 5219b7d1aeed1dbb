import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { decodeText, decodeTextStream, EncodingError } from './text-encoding';

async function readAll(chunks: Buffer[]): Promise<{ text: string; notices: string[] }> {
  const notices: string[] = [];
  let text = '';
  for await (const part of Readable.from(chunks).pipe(decodeTextStream('f.csv', (n) => notices.push(n))))
    text += String(part);
  return { text, notices };
}

describe('decoding uploaded text', () => {
  it('reads UTF-8 as it is, even split mid-character', async () => {
    const bytes = Buffer.from('id,name\n1,Zoë\n');
    const at = bytes.indexOf(0xc3) + 1;
    expect(await readAll([bytes.subarray(0, at), bytes.subarray(at)])).toEqual({
      text: 'id,name\n1,Zoë\n',
      notices: [],
    });
    expect(decodeText(bytes, 'f.csv')).toEqual({ text: 'id,name\n1,Zoë\n' });
  });

  it('passes UTF-8 on as the same bytes, each chunk whole characters, however the file is cut', async () => {
    const bytes = Buffer.from('id,name\n1,Zoë\n2,Łukasz 🙂\n');
    for (let at = 1; at < bytes.length; at++) {
      const out: Buffer[] = [];
      for await (const part of Readable.from([bytes.subarray(0, at), bytes.subarray(at)]).pipe(
        decodeTextStream('f.csv', () => {}),
      ))
        out.push(part as Buffer);
      expect(Buffer.concat(out).equals(bytes)).toBe(true);
      expect(out.map(String).join('')).toBe('id,name\n1,Zoë\n2,Łukasz 🙂\n');
    }
  });

  it('reads a Windows-1252 file whose last byte is an accented letter', async () => {
    const bytes = Buffer.from([...Buffer.from('id,name\n1,Zo'), 0xeb]);
    const streamed = await readAll([bytes]);
    expect(streamed.text).toBe('id,name\n1,Zoë');
    expect(streamed.notices).toHaveLength(1);
  });

  it('reads a Windows-1252 file (as Excel saves CSV) with a notice', async () => {
    const bytes = Buffer.from([...Buffer.from('id,name\n1,Zo'), 0xeb, 0x0a]);
    const streamed = await readAll([bytes]);
    expect(streamed.text).toBe('id,name\n1,Zoë\n');
    expect(streamed.notices[0]).toContain('f.csv was not saved as UTF-8, so it was read as Windows-1252');
    expect(decodeText(bytes, 'f.csv').text).toBe('id,name\n1,Zoë\n');
  });

  it('refuses a file that mixes UTF-8 with invalid bytes, and UTF-16', async () => {
    const mixed = Buffer.concat([Buffer.from('1,Zoë\n2,'), Buffer.from([0xff, 0xfe, 0xc3, 0x28])]);
    await expect(readAll([mixed.subarray(0, 8), mixed.subarray(8)])).rejects.toThrow(
      'f.csv mixes UTF-8 with another encoding',
    );
    expect(() => decodeText(mixed, 'f.csv')).toThrow(EncodingError);
    const utf16 = Buffer.from([0xff, 0xfe, 0x69, 0x00]);
    await expect(readAll([utf16])).rejects.toThrow('saved as UTF-16');
    expect(() => decodeText(utf16, 'f.csv')).toThrow('saved as UTF-16');
  });
});
