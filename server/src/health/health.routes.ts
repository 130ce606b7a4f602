// Route declarations for liveness, readiness and the admins' health details.
import { ErrorBody } from '../../../schemas/common.ts';
import { HealthDetails, Liveness, Readiness } from '../../../schemas/health.ts';
import { json, routeGroup } from '../http/route.ts';

const system = routeGroup('system');

// Anyone may ask whether the service is up or ready; only admins learn what it runs (the version
// tells an attacker which known flaws to try) and for how long.
export const health = system.get('public', '/api/health', { 200: json(Liveness, 'The process is up') },
  'Liveness: the process is up and answering (touches nothing else)');

export const ready = system.get(
  'public', '/api/health/ready',
  {
    200: json(Readiness, 'Ready: every check passed'),
    503: json(ErrorBody, 'Not ready: `details.checks` says which check failed (`database`, `migrations`, `broker`)'),
  },
  'Readiness: database reachable, migrations applied, broker connected where this process runs the bridge',
  'For load balancers and orchestrators: send traffic only while this answers 200. The causes of a failure go to the server log, not to the caller.');

export const healthDetails = system.get(
  ['admin'], '/api/health/details',
  { 200: json(HealthDetails, 'Healthy') },
  'Health with the running version and uptime (admins)');
