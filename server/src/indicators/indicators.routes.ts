// Route declarations for the centre indicators and their CSV export.
import { managementRoles } from '../../../schemas/common.ts';
import { z } from 'zod';
import { CentreIndicators, IndicatorsCsvQuery, IndicatorsQuery } from '../../../schemas/follow-ups.ts';
import { defineRoute, json } from '../http/route.ts';

const tags = ['indicators'];

export const get = defineRoute(managementRoles, {
  method: 'get',
  path: '/api/indicators',
  tags,
  summary: 'Indicators of the manager\'s centre; for admins, one centre or all of them',
  request: { query: IndicatorsQuery },
  responses: { 200: json(CentreIndicators, 'Indicators') },
});

export const csv = defineRoute(managementRoles, {
  method: 'get',
  path: '/api/indicators/csv',
  tags,
  summary: 'The indicators as CSV, one row per centre in scope; headers in Bahasa Indonesia unless lang=en',
  request: { query: IndicatorsCsvQuery },
  responses: { 200: { description: 'CSV (UTF-8 with BOM)', content: { 'text/csv': { schema: z.string() } } } },
});
