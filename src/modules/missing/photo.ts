/**
 * The grab pack's photograph: a PNG or JPEG of limited size, recognised from
 * its own bytes (the platform's image check), never from the name or the type
 * the browser claims. Pure.
 */
import { logoTypeOf } from '../../platform/branding/logo';

export const MAX_PHOTO_BYTES = 2 * 1024 * 1024;

export interface PhotoUpload {
  filename: string;
  data: Buffer;
  /** True when the upload went past the size limit and was cut off. */
  truncated: boolean;
}

export type CheckedPhoto =
  | { ok: true; type: 'image/png' | 'image/jpeg'; data: Buffer }
  | { ok: false; message: string };

/** A usable photograph, or the message saying what is wrong and how to put it right. */
export function checkPhoto(upload: PhotoUpload | undefined): CheckedPhoto {
  if (!upload || (upload.data.length === 0 && !upload.truncated))
    return { ok: false, message: 'Select a photograph of the child (a JPEG or PNG file)' };
  if (upload.truncated || upload.data.length > MAX_PHOTO_BYTES)
    return {
      ok: false,
      message: `The photograph must be smaller than ${MAX_PHOTO_BYTES / 1024 / 1024}MB: save a smaller copy and try again`,
    };
  const type = logoTypeOf(upload.data);
  if (!type)
    return {
      ok: false,
      message: 'The photograph must be a JPEG or PNG image: this file is not one, whatever its name says',
    };
  return { ok: true, type, data: upload.data };
}
