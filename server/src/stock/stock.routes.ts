// Route declarations for stock: receiving chairs (one or many), correcting a received chair, and the
// stock view per centre.
import { z } from 'zod';
import { staffRoles, workshopRoles } from '../../../schemas/common.ts';
import { ReceiveDevicesBody, StockedDevice, StockedDeviceList, StockQuery, StockView, UpdateDeviceBody } from '../../../schemas/stock.ts';
import { json, routeGroup } from '../http/route.ts';

const route = routeGroup('stock');

export const receive = route.post(
  workshopRoles, '/api/devices',
  { body: ReceiveDevicesBody, 201: json(StockedDeviceList, 'The chairs, in stock'), 409: json(z.any(), 'A serial is already registered') },
  'Receive chairs into stock: one chair, or `{ items }` of up to 1,000 (all or nothing)',
  'Serials are unique nationally, compared without case or spaces. Staff receive at their own centre (the default). ' +
  'A refused row is named in `issues` by its path (`items`, index, field): 422 for a problem of the row, 409 when a serial is already registered.');

export const update = route.patch(
  workshopRoles, '/api/devices/{id}',
  { body: UpdateDeviceBody, 200: json(StockedDevice, 'Corrected'), 409: json(z.any(), 'The chair is not in stock, or the serial is taken') },
  'Correct a received chair: serial, size and battery date while it is in stock; supplier, funding source and received date at any time');

export const view = route.get(
  staffRoles, '/api/stock',
  { query: StockQuery, 200: json(StockView, 'Chairs by model and size, counted by status') },
  'The stock of a centre: chairs by model and size, how many are in stock, reserved, in use, in repair or refurbishing, in transit');
