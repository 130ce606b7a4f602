// Route declarations for importing existing registers from CSV files, and their templates.
import { z } from 'zod';
import { ImportQuery, ImportResult, importRoles, TemplateQuery } from '../../../schemas/imports.ts';
import { json, routeGroup } from '../http/route.ts';

const route = routeGroup('imports');
const csvBody = { required: true, content: { 'text/csv': { schema: z.string().describe('the register as CSV: UTF-8 with or without BOM, comma or semicolon separated') } } };
const csvFile = (description: string) => ({ description, content: { 'text/csv': { schema: z.string() } } });

export const devices = route.post(
  importRoles.devices, '/api/imports/devices',
  {
    query: ImportQuery, rawBody: csvBody,
    200: json(ImportResult, 'Per row: created, updated, unchanged or refused (with line, column and message)'),
    409: json(z.any(), 'A serial was registered by someone else while the file was imported'),
  },
  'Import a register of chairs (CSV): a dry run (the default) answers per row and changes nothing; `dryRun=false` takes every row or none',
  'Headers in Bahasa Indonesia or English (see the template); dates `dd/mm/yyyy` or `yyyy-mm-dd`; model by catalogue name (with the manufacturer ' +
  'when two makers share a name); centre by code (staff: their own by default). Chairs are matched by serial (without case or spaces), so ' +
  'importing the same file twice changes nothing. A real run with any refused row answers 422 with each problem in `issues` as [line, column]. ' +
  'At most 10 MB (413) and 20,000 rows; a file that is not CSV is refused with 415, a header without rows with 400.');

export const devicesTemplate = route.get(
  importRoles.devices, '/api/imports/devices/template',
  { query: TemplateQuery, 200: csvFile('The header row, UTF-8 with BOM; semicolon-separated in Bahasa Indonesia, comma in English') },
  'The chairs register template: the columns the import reads, in the language asked for');
