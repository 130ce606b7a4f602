// The export as one self-contained, printable HTML document: headings and tables, every value
// escaped, no script, and a stylesheet allowed by its hash alone (see EXPORT_HTML_CSP).
import { createHash } from 'node:crypto';
import type { Locale } from '../../../schemas/common.ts';
import type { BeneficiaryExport } from './export.service.ts';
import { fieldLabel, phrases, sectionTitles, word } from './export-labels.ts';

const STYLE = [
  'body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#111;margin:2rem auto;max-width:60rem;padding:0 1rem}',
  'h1{font-size:1.6rem;margin:0 0 .5rem}h2{font-size:1.25rem;margin:2rem 0 .5rem;border-bottom:2px solid #333}',
  'h3,h4,h5,h6{font-size:1rem;margin:1rem 0 .4rem}',
  'table{border-collapse:collapse;width:100%;margin:.3rem 0 .8rem}th,td{border:1px solid #999;padding:.25rem .4rem;text-align:left;vertical-align:top}',
  'th{background:#eee}table.kv th{width:30%}td{white-space:pre-wrap;overflow-wrap:anywhere}.none{color:#666}',
  'section section{margin-left:1rem}nav ol{columns:2}',
  '@media print{body{margin:0;max-width:none}nav{display:none}tr,h2,h3{break-inside:avoid;break-after:avoid-page}}',
].join('');

const styleHash = createHash('sha256').update(STYLE).digest('base64');

/** Nothing may load or run: only the inline stylesheet, by its hash; the document is sandboxed. */
export const EXPORT_HTML_CSP = [
  "default-src 'none'",
  `style-src 'sha256-${styleHash}'`,
  "img-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  'sandbox',
].join('; ');

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Obj = { [k: string]: Json };

const isObj = (v: Json | undefined): v is Obj => !!v && typeof v === 'object' && !Array.isArray(v);
const isScalar = (v: Json | undefined) => v === null || v === undefined || typeof v !== 'object';
/** A small object of scalars (e.g. audit details) is written inline in its cell. */
const isInline = (v: Json | undefined) =>
  isScalar(v) || (Array.isArray(v) && v.every(isScalar)) || (isObj(v) && Object.values(v).every((x) => isScalar(x) || (Array.isArray(x) && x.every(isScalar))));

const isoInstant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
/** A calendar date (stored as midnight UTC) as the date; any other instant to the minute, in UTC. */
const readableInstant = (v: string) => (/T00:00:00(\.0+)?Z$/.test(v) ? v.slice(0, 10) : `${v.slice(0, 10)} ${v.slice(11, 16)} UTC`);

class Renderer {
  constructor(private readonly lang: Locale) {}

  scalar(v: Json | undefined): string {
    if (v === null || v === undefined || v === '') return '<span class="none">—</span>';
    if (typeof v === 'boolean') return word(v ? phrases.yes : phrases.no, this.lang);
    if (Array.isArray(v)) return v.length ? v.map((x) => this.scalar(x)).join(', ') : '<span class="none">—</span>';
    if (isObj(v)) return Object.entries(v).map(([k, x]) => `${escapeHtml(fieldLabel(k, this.lang))}: ${this.scalar(x)}`).join('; ');
    if (typeof v === 'string' && isoInstant.test(v)) return escapeHtml(readableInstant(v));
    return escapeHtml(String(v));
  }

  heading(level: number, text: string) {
    const n = Math.min(6, level);
    return `<h${n}>${escapeHtml(text)}</h${n}>`;
  }

  record(o: Obj, level: number): string {
    const inline = Object.entries(o).filter(([, v]) => isInline(v));
    const nested = Object.entries(o).filter(([, v]) => !isInline(v));
    let html = inline.length
      ? `<table class="kv"><tbody>${inline.map(([k, v]) => `<tr><th scope="row">${escapeHtml(fieldLabel(k, this.lang))}</th><td>${this.scalar(v)}</td></tr>`).join('')}</tbody></table>`
      : '';
    for (const [k, v] of nested) html += `<section>${this.heading(level, fieldLabel(k, this.lang))}${this.value(v, level + 1)}</section>`;
    return html;
  }

  list(items: Json[], level: number): string {
    if (items.length === 0) return `<p class="none">${word(phrases.none, this.lang)}</p>`;
    if (items.every((x) => isObj(x) && Object.values(x).every(isInline))) {
      const columns = [...new Set(items.flatMap((x) => Object.keys(x as Obj)))];
      const head = columns.map((c) => `<th scope="col">${escapeHtml(fieldLabel(c, this.lang))}</th>`).join('');
      const rows = items.map((x) => `<tr>${columns.map((c) => `<td>${this.scalar((x as Obj)[c])}</td>`).join('')}</tr>`).join('');
      return `<table><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>`;
    }
    const label = word(phrases.item, this.lang);
    return items.map((x, i) => `<section>${this.heading(level, `${label} ${i + 1}`)}${this.value(x, level + 1)}</section>`).join('');
  }

  value(v: Json, level: number): string {
    if (Array.isArray(v)) return this.list(v, level);
    if (isObj(v)) return this.record(v, level);
    return `<p>${this.scalar(v)}</p>`;
  }
}

/** The HTML keeps daily telemetry only (hourly stays in the JSON) and shows each day as a date. */
function forHtml(data: BeneficiaryExport): Obj {
  const devices = (data.devices as Obj[] | undefined)?.map((d) => {
    const t = d.telemetry as Obj | null;
    if (!t) return d;
    const { hourly: _hourly, daily, ...rest } = t;
    const days = (daily as Obj[]).map(({ t: start, ...p }) => ({ day: new Date(start as number).toISOString().slice(0, 10), ...p }));
    return { ...d, telemetry: { ...rest, daily: days } };
  });
  return { ...(data as unknown as Obj), devices: devices ?? [] };
}

export function renderExportHtml(data: BeneficiaryExport, lang: Locale): string {
  const r = new Renderer(lang);
  const doc = forHtml(data);
  const name = data.beneficiary.fullName;
  const title = `${word(phrases.title, lang)}: ${name}`;
  const sections = Object.keys(sectionTitles).filter((k) => k in doc);
  const by = data.exportedBy as { id: string; role: string } | undefined;
  const body = sections
    .map((k) => {
      const content = doc[k];
      const inner = content === null || content === undefined ? `<p class="none">${word(phrases.none, lang)}</p>` : r.value(content, 3);
      const note = k === 'devices' ? `<p>${escapeHtml(word(phrases.telemetryNote, lang))}</p>` : '';
      return `<section id="sec-${k}"><h2>${escapeHtml(word(sectionTitles[k]!, lang))}</h2>${note}${inner}</section>`;
    })
    .join('\n');
  const nav = sections.map((k) => `<li><a href="#sec-${k}">${escapeHtml(word(sectionTitles[k]!, lang))}</a></li>`).join('');
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(word(phrases.intro, lang))}</p>
${data.healthDataWithheld ? `<p><strong>${escapeHtml(word(phrases.withheld, lang))}</strong></p>` : ''}
<table class="kv"><tbody>
<tr><th scope="row">${escapeHtml(word(phrases.exportedAt, lang))}</th><td>${escapeHtml(data.exportedAt)}</td></tr>
<tr><th scope="row">${escapeHtml(word(phrases.exportedBy, lang))}</th><td>${by ? `${escapeHtml(by.role)} (${escapeHtml(by.id)})` : '—'}</td></tr>
<tr><th scope="row">schemaVersion</th><td>${data.schemaVersion}</td></tr>
</tbody></table>
</header>
<nav><h2>${escapeHtml(word(phrases.contents, lang))}</h2><ol>${nav}</ol></nav>
<main>
${body}
</main>
</body>
</html>
`;
}
