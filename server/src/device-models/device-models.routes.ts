// Route declarations for the device catalogue: staff read it, admins write it.
import { z } from 'zod';
import { staffRoles } from '../../../schemas/common.ts';
import { CreateDeviceModelBody, DeviceModel, DeviceModelList, DeviceModelListQuery, UpdateDeviceModelBody } from '../../../schemas/device-models.ts';
import { json, routeGroup } from '../http/route.ts';

const route = routeGroup('device-models');

export const list = route.get(staffRoles, '/api/device-models', { query: DeviceModelListQuery, 200: json(DeviceModelList, 'The catalogue') },
  'The device catalogue, active models first; inactive ones stay readable');

export const get = route.get(staffRoles, '/api/device-models/{id}', { 200: json(DeviceModel, 'The model') },
  'One device model with its sizes, supports, battery, service interval and thresholds');

export const create = route.post(
  ['admin'], '/api/device-models',
  { body: CreateDeviceModelBody, 201: json(DeviceModel, 'Added'), 409: json(z.any(), 'The manufacturer already has a model of that name') },
  'Add a model to the catalogue',
  'Electric models need battery chemistry, rated Ah and rated cycles; only they have a distance service interval and thresholds. ' +
  'The ISO 9999 code is three pairs of digits (`12 23 06` or `122306`).');

export const update = route.patch(
  ['admin'], '/api/device-models/{id}',
  { body: UpdateDeviceModelBody, 200: json(DeviceModel, 'Updated'), 409: json(z.any(), 'Name taken, or a used model would lose its kind or a size its chairs have') },
  'Change a model, or deactivate it (`active: false`)',
  'A model with chairs or prescriptions is never removed: deactivate it. It keeps its kind and every size a chair or prescription has. ' +
  '`sizes` replaces the whole list; `thresholds: null` returns the model to the default thresholds.');
