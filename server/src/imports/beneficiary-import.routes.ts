// Route declarations for importing a beneficiaries register (CSV) and its template.
import { z } from 'zod';
import { ImportQuery, ImportResult, importRoles, TemplateQuery } from '../../../schemas/imports.ts';
import { json, routeGroup } from '../http/route.ts';

const route = routeGroup('imports');

export const importBeneficiaries = route.post(
  importRoles.beneficiaries, '/api/imports/beneficiaries',
  {
    query: ImportQuery,
    rawBody: { required: true, content: { 'text/csv': { schema: z.string().describe('the register as CSV (UTF-8, comma or semicolon)') } } },
    200: json(ImportResult, 'What each row would do (dry run), or did (real run)'),
    409: json(z.any(), 'A chair of the file was issued meanwhile: nothing was written'),
  },
  'Import a beneficiaries register (upsert by NIK, else by name + birth date + centre)',
  'Columns as in the template; staff import into their own centre. New people get the consent of the row (service and health data; ' +
  'a guardian\'s for a child); a chair serial issues that in-stock chair of the centre to the person. All or nothing; the same file twice changes nothing. ' +
  'A real run with any refused row answers 422 with each problem in `issues` as [line, column].');

export const beneficiaryTemplate = route.get(
  importRoles.beneficiaries, '/api/imports/beneficiaries/template',
  { query: TemplateQuery, 200: { description: 'CSV header row (UTF-8 with BOM)', content: { 'text/csv': { schema: z.string() } } } },
  'The beneficiaries register template, with headers in Bahasa Indonesia or English');
