// The API routes that take a raw body instead of JSON (a report photo, a CSV register to import):
// the JSON-only guard and the app-wide 1 MB body limit step aside for them, and each route
// enforces its own streaming limit and checks the content.
const uploadPath = /^\/api\/reports\/[^/]+\/photos$/;
const imageType = /^image\/(jpeg|png|webp)\s*(;|$)/i;

/** A photo upload: POST to a report's photos with an image content type. */
export const isPhotoUpload = (method: string, path: string, contentType: string | undefined) =>
  method === 'POST' && uploadPath.test(path) && imageType.test(contentType ?? '');

const importPath = /^\/api\/imports\/(devices|beneficiaries)$/;
const csvType = /^text\/csv\s*(;|$)/i;

/** A register import: POST the CSV file to /api/imports/{kind}. */
export const isCsvImport = (method: string, path: string, contentType: string | undefined) =>
  method === 'POST' && importPath.test(path) && csvType.test(contentType ?? '');

/** Any of the raw-body uploads above. */
export const isRawUpload = (method: string, path: string, contentType: string | undefined) =>
  isPhotoUpload(method, path, contentType) || isCsvImport(method, path, contentType);
