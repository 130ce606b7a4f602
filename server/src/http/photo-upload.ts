// The one API route that takes a raw image body instead of JSON: the JSON-only guard and the
// app-wide 1 MB body limit step aside for it, and the route enforces its own streaming limit.
const uploadPath = /^\/api\/reports\/[^/]+\/photos$/;
const imageType = /^image\/(jpeg|png|webp)\s*(;|$)/i;

/** A photo upload: POST to a report's photos with an image content type. */
export const isPhotoUpload = (method: string, path: string, contentType: string | undefined) =>
  method === 'POST' && uploadPath.test(path) && imageType.test(contentType ?? '');
