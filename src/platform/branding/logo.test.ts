import { describe, expect, it } from 'vitest';
import { checkLogo, logoTypeOf, MAX_LOGO_BYTES } from './logo';

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(100)]);

describe('the organisation’s logo', () => {
  it('recognises PNG and JPEG from their bytes, whatever the file is called', () => {
    expect(logoTypeOf(PNG)).toBe('image/png');
    expect(logoTypeOf(JPEG)).toBe('image/jpeg');
    expect(logoTypeOf(Buffer.from('GIF89a......................'))).toBeNull();
    expect(checkLogo({ filename: 'logo.jpg', data: PNG, truncated: false })).toEqual({
      ok: true,
      type: 'image/png',
      data: PNG,
    });
  });

  it('refuses SVG, by name or by content, since it can carry scripts', () => {
    const svg = Buffer.from('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"></svg>');
    for (const upload of [
      { filename: 'logo.svg', data: PNG, truncated: false },
      { filename: 'logo.png', data: svg, truncated: false },
      { filename: 'logo.png', data: Buffer.from('  <svg onload="alert(1)">'), truncated: false },
    ]) {
      const result = checkLogo(upload);
      expect(result.ok).toBe(false);
      expect(!result.ok && result.message).toContain('SVG files are not accepted');
    }
  });

  it('refuses a file past the size limit, or cut off at it', () => {
    const big = Buffer.concat([PNG, Buffer.alloc(MAX_LOGO_BYTES)]);
    expect(checkLogo({ filename: 'l.png', data: big, truncated: false })).toEqual({
      ok: false,
      message: 'The logo must be smaller than 200KB',
    });
    expect(checkLogo({ filename: 'l.png', data: PNG, truncated: true }).ok).toBe(false);
  });

  it('asks for a file when none was chosen', () => {
    for (const upload of [undefined, { filename: '', data: Buffer.alloc(0), truncated: false }]) {
      expect(checkLogo(upload)).toEqual({
        ok: false,
        message: 'Select a PNG or JPEG file of your organisation’s logo',
      });
    }
  });
});
