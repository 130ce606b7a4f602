// Reads a raw request body (an upload) with a hard byte limit: never buffered past it.

/** The body up to `max` bytes; a longer one (declared, or streamed e.g. chunked) is cut off with `tooLarge()`. */
export async function readBody(req: Request, max: number, tooLarge: () => Error): Promise<Buffer> {
  const declared = Number(req.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > max) throw tooLarge();
  if (!req.body) return Buffer.alloc(0);
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > max) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, total);
}
