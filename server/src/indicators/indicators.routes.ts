// Route declarations for the centre indicators and their CSV export.
import { z } from 'zod';
import { CentreIndicators, IndicatorsCsvQuery, IndicatorsQuery } from '../../../schemas/follow-ups.ts';
import { json, routeGroup } from '../http/route.ts';
import { managementRoles } from '../../../schemas/common.ts';

const route = routeGroup('indicators');

export const get = route.get(managementRoles, '/api/indicators', { query: IndicatorsQuery, 200: json(CentreIndicators, 'Indicators') },
  'Indicators of the manager\'s centre; for admins, one centre or all of them');

export const csv = route.get(
  managementRoles, '/api/indicators/csv',
  { query: IndicatorsCsvQuery, 200: { description: 'CSV (UTF-8 with BOM)', content: { 'text/csv': { schema: z.string() } } } },
  'The indicators as CSV, one row per centre in scope; headers in Bahasa Indonesia unless lang=en');
