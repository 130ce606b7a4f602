// Report photos: the body is read with a hard byte limit (never buffered past it), the type is
// decided by content (magic bytes, then sharp's own reading), huge dimensions are refused before
// decoding, and what is stored is a fresh upright JPEG of at most 1600 px without any metadata.
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import sharp, { type Metadata } from 'sharp';
import { PHOTO_LIMITS } from '../../../schemas/reports.ts';
import { ApiError, invalid } from '../lib/errors.ts';
import { readBody } from '../lib/read-body.ts';

export const MAX_PHOTO_EDGE_PX = 1600;
const mb = PHOTO_LIMITS.maxBytes / (1024 * 1024);

const tooLarge = () => new ApiError(413, 'payload_too_large', `a photo may be at most ${mb} MB`);
const notAnImage = () => new ApiError(415, 'unsupported_media_type', 'send a JPEG, PNG or WebP photo (the content is checked, not the name)');

/** Reads a photo body up to `max` bytes; a longer one (declared or streamed, e.g. chunked) is cut off with 413. */
export const readLimited = (req: Request, max: number = PHOTO_LIMITS.maxBytes) => readBody(req, max, tooLarge);

/** The format by the first bytes: only JPEG, PNG and WebP get as far as the image library. */
export function sniff(b: Buffer): 'jpeg' | 'png' | 'webp' | null {
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpeg';
  if (b.length >= 8 && b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
  if (b.length >= 12 && b.toString('latin1', 0, 4) === 'RIFF' && b.toString('latin1', 8, 12) === 'WEBP') return 'webp';
  return null;
}

export interface ProcessedPhoto {
  data: Buffer;
  width: number;
  height: number;
  sha256: string;
}

export async function processPhoto(input: Buffer): Promise<ProcessedPhoto> {
  const kind = sniff(input);
  if (!kind) throw notAnImage();
  // limitInputPixels makes libvips refuse a decompression bomb instead of allocating for it.
  const options = { limitInputPixels: PHOTO_LIMITS.maxPixels, failOn: 'error' } as const;
  const tooManyPixels = () => invalid(`the photo has too many pixels (at most ${PHOTO_LIMITS.maxPixels / 1_000_000} megapixels)`);
  let meta: Metadata;
  try {
    meta = await sharp(input, options).metadata();
  } catch (err) {
    throw /pixel limit/i.test((err as Error).message) ? tooManyPixels() : invalid('the photo could not be read');
  }
  if (meta.format !== kind) throw notAnImage();
  if (!meta.width || !meta.height) throw invalid('the photo could not be read');
  if (meta.width * meta.height > PHOTO_LIMITS.maxPixels) throw tooManyPixels();
  try {
    // rotate() applies the EXIF orientation first; without withMetadata() sharp writes no EXIF, GPS or ICC data.
    const { data, info } = await sharp(input, options)
      .rotate()
      .resize({ width: MAX_PHOTO_EDGE_PX, height: MAX_PHOTO_EDGE_PX, fit: 'inside', withoutEnlargement: true })
      .jpeg({ quality: 80 })
      .toBuffer({ resolveWithObject: true });
    return { data, width: info.width, height: info.height, sha256: createHash('sha256').update(data).digest('hex') };
  } catch {
    throw invalid('the photo could not be read');
  }
}

export const photoDir = (dataDir: string) => path.join(dataDir, 'photos');

/** Only server-made ids name files, so nothing from the client ever becomes a path. */
export function photoFile(dataDir: string, photoId: string): string {
  if (!/^[a-z0-9]{8,40}$/.test(photoId)) throw new Error('not a photo id');
  return path.join(photoDir(dataDir), `${photoId}.jpg`);
}

/** Writes atomically (temporary name, then rename), so a reader never sees half a photo. */
export async function storePhoto(dataDir: string, photoId: string, data: Buffer): Promise<void> {
  await fs.mkdir(photoDir(dataDir), { recursive: true });
  const target = photoFile(dataDir, photoId);
  const tmp = `${target}.${process.pid}.tmp`;
  await fs.writeFile(tmp, data, { mode: 0o600 });
  await fs.rename(tmp, target);
}

export async function removePhoto(dataDir: string, photoId: string): Promise<void> {
  await fs.rm(photoFile(dataDir, photoId), { force: true });
}
