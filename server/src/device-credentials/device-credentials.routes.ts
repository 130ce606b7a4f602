// Route declaration for issuing or rotating an electric chair's MQTT secret outside the pathway.
import { z } from 'zod';
import { workshopRoles } from '../../../schemas/common.ts';
import { DeviceCredentials, IssueCredentialsBody } from '../../../schemas/device-credentials.ts';
import { json, routeGroup } from '../http/route.ts';

const route = routeGroup('devices');

export const issue = route.post(
  workshopRoles, '/api/devices/{id}/credentials',
  { body: IssueCredentialsBody, 201: json(DeviceCredentials, 'The new secret, shown once'), 409: json(z.any(), 'A manual or retired chair has no MQTT credentials') },
  'Issue or rotate an electric chair\'s MQTT secret (a replaced controller, a leaked secret)',
  'The answer shows the secret once; only its hash is stored. The previous secret is refused from now on: the embedded broker ' +
  'checks the registry at every sign-in and ends the chair\'s open connection; an external Mosquitto needs `npm run mosquitto:config` ' +
  'and SIGHUP. Recorded in the chair\'s history and the audit log (never the secret).');
