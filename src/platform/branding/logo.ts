/**
 * The organisation's logo: a PNG or JPEG of limited size, recognised from its
 * own bytes (never from the name or the type the browser claims). SVG is
 * refused: it can carry scripts and links, and a raster image is enough for a
 * header logo.
 */

export const MAX_LOGO_BYTES = 200 * 1024;

export type LogoType = 'image/png' | 'image/jpeg';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The image type the bytes really are, or null. */
export function logoTypeOf(data: Buffer): LogoType | null {
  if (data.length > 24 && data.subarray(0, 8).equals(PNG_SIGNATURE)) return 'image/png';
  if (data.length > 4 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return 'image/jpeg';
  return null;
}

export interface LogoUpload {
  filename: string;
  data: Buffer;
  /** True when the upload went past the size limit and was cut off. */
  truncated: boolean;
}

/** A valid logo, or the message saying what is wrong and how to put it right. */
export function checkLogo(
  upload: LogoUpload | undefined,
): { ok: true; type: LogoType; data: Buffer } | { ok: false; message: string } {
  if (!upload || (upload.data.length === 0 && !upload.truncated)) {
    return { ok: false, message: 'Select a PNG or JPEG file of your organisation’s logo' };
  }
  if (upload.truncated || upload.data.length > MAX_LOGO_BYTES) {
    return { ok: false, message: `The logo must be smaller than ${MAX_LOGO_BYTES / 1024}KB` };
  }
  if (
    /\.svgz?$/i.test(upload.filename) ||
    /^\s*(<\?xml|<svg)/i.test(upload.data.subarray(0, 256).toString('latin1'))
  ) {
    return {
      ok: false,
      message: 'The logo must be a PNG or JPEG: SVG files are not accepted. Save it as PNG and try again',
    };
  }
  const type = logoTypeOf(upload.data);
  if (!type) return { ok: false, message: 'The logo must be a PNG or JPEG file' };
  return { ok: true, type, data: upload.data };
}
