// A QR code as an inline SVG drawn by Lit from uqr's module matrix (no HTML strings), with the
// four-module quiet zone scanners expect and medium error correction for scuffed labels.
import { svg, type TemplateResult } from 'lit';
import { encode } from 'uqr';

export const QR_OPTIONS = { ecc: 'M', border: 4 } as const;

/** The SVG path of the dark modules, one unit per module; tests rebuild it to check the content. */
export function qrPath(text: string): { size: number; d: string } {
  const qr = encode(text, QR_OPTIONS);
  let d = '';
  qr.data.forEach((row, y) =>
    row.forEach((dark, x) => {
      if (dark) d += `M${x},${y}h1v1h-1z`;
    }),
  );
  return { size: qr.size, d };
}

export function qrSvg(text: string, label: string): TemplateResult {
  const { size, d } = qrPath(text);
  return svg`<svg class="qr" viewBox="0 0 ${size} ${size}" role="img" aria-label=${label} shape-rendering="crispEdges" data-qr-size=${size}>
    <rect width=${size} height=${size} fill="#fff"></rect><path fill="#000" d=${d}></path>
  </svg>`;
}
