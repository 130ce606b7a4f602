// Route declarations for a chair's life after the pathway: its history, loans, returns into
// refurbishment, transfers between centres, battery replacements and retirement.
import {
  BatteryBody,
  chairStepRoles,
  DeviceHistory,
  LoanBody,
  LoanList,
  LoanListQuery,
  ReceiveBody,
  RetireBody,
  ReturnBody,
  TransferBody,
  TransferTargets,
} from '../../../schemas/chair-life.ts';
import { ErrorBody, roles, staffRoles, workshopRoles } from '../../../schemas/common.ts';
import { DeviceDetail } from '../../../schemas/devices.ts';
import { json, routeGroup } from '../http/route.ts';

const route = routeGroup('chair-life');

export const history = route.get(roles, '/api/devices/{id}/history', { 200: json(DeviceHistory, 'The history, newest first') },
  'A chair\'s history: every user, loan, return, refurbishment, transfer, work order, battery and status change',
  'Staff of the chair\'s centre (and, while it is in transit, of the receiving centre) see every step with who acted. ' +
  'A family sees only the steps of their own person\'s time with the chair, never a previous user\'s.');

export const loans = route.get(staffRoles, '/api/loans', { query: LoanListQuery, 200: json(LoanList, 'Loans') },
  'Loans in scope, due first; `overdue=true` lists open loans past their due date');

export const loan = route.post(chairStepRoles.loan, '/api/devices/{id}/loan', { body: LoanBody, 200: json(DeviceDetail, 'The chair after the step'), 409: json(ErrorBody, 'The chair\'s status does not allow this step') },
  'Lend a chair in stock to a beneficiary of its centre until a due date',
  'in_stock → on_loan. The family sees the chair as theirs; they and the centre\'s staff are reminded before it is due and when overdue.');

export const giveBack = route.post(chairStepRoles.return, '/api/devices/{id}/return', { body: ReturnBody, 200: json(DeviceDetail, 'The chair after the step'), 409: json(ErrorBody, 'The chair\'s status does not allow this step') },
  'Take a chair back from its user (in use or on loan), with the reason and its condition',
  'The chair leaves the beneficiary, an open loan is closed, and a refurbishment work order with its checklist is opened (→ refurbishing).');

export const transfer = route.post(chairStepRoles.transfer, '/api/devices/{id}/transfer', { body: TransferBody, 200: json(DeviceDetail, 'The chair after the step'), 409: json(ErrorBody, 'The chair\'s status does not allow this step') },
  'Send a chair in stock to another centre (→ in_transit; both centres\' staff see it until received)');

export const receive = route.post(chairStepRoles.receive, '/api/devices/{id}/receive', { body: ReceiveBody, 200: json(DeviceDetail, 'The chair after the step'), 409: json(ErrorBody, 'The chair\'s status does not allow this step') },
  'Receive a chair in transit at its new centre (receiving centre\'s staff; → in_stock there)');

export const battery = route.post(chairStepRoles.battery, '/api/devices/{id}/battery', { body: BatteryBody, 200: json(DeviceDetail, 'The chair after the step'), 409: json(ErrorBody, 'The chair\'s status does not allow this step') },
  'Record a new battery on an electric chair: the battery-wear rule and forecast start again from it');

export const retire = route.post(chairStepRoles.retire, '/api/devices/{id}/retire', { body: RetireBody, 200: json(DeviceDetail, 'The chair after the step'), 409: json(ErrorBody, 'The chair\'s status does not allow this step') },
  'Write a chair off (from in stock, in repair or refurbishing) with a reason; a chair with a user is returned first');

export const transferTargets = route.get(workshopRoles, '/api/transfer-targets', { 200: json(TransferTargets, 'Centres') },
  'The centres a chair may be sent to: every centre but the caller\'s own (names and codes only)');
