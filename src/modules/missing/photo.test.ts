import { describe, expect, it } from 'vitest';
import { checkPhoto, MAX_PHOTO_BYTES } from './photo';

/** A real 1×1 PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(100)]);

describe('the grab pack photograph', () => {
  it('takes a PNG or JPEG by its bytes, whatever it is called', () => {
    expect(checkPhoto({ filename: 'child.txt', data: PNG, truncated: false })).toMatchObject({
      ok: true,
      type: 'image/png',
    });
    expect(checkPhoto({ filename: 'x', data: JPEG, truncated: false })).toMatchObject({ type: 'image/jpeg' });
  });

  it('refuses a file that only claims to be an image', () => {
    const fake = { filename: 'photo.jpg', data: Buffer.from('<script>alert(1)</script>'), truncated: false };
    expect(checkPhoto(fake)).toEqual({
      ok: false,
      message: 'The photograph must be a JPEG or PNG image: this file is not one, whatever its name says',
    });
    const svg = {
      filename: 'photo.png',
      data: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'),
      truncated: false,
    };
    expect(checkPhoto(svg).ok).toBe(false);
  });

  it('refuses nothing chosen, and anything past the limit', () => {
    expect(checkPhoto(undefined)).toEqual({
      ok: false,
      message: 'Select a photograph of the child (a JPEG or PNG file)',
    });
    expect(checkPhoto({ filename: 'big.jpg', data: Buffer.alloc(0), truncated: true })).toEqual({
      ok: false,
      message: 'The photograph must be smaller than 2MB: save a smaller copy and try again',
    });
    const big = Buffer.concat([JPEG, Buffer.alloc(MAX_PHOTO_BYTES)]);
    expect(checkPhoto({ filename: 'big.jpg', data: big, truncated: false }).ok).toBe(false);
  });
});
