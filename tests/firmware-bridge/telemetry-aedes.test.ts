// The telemetry broker contract run against the embedded aedes broker.
import { runTelemetryContract } from './telemetry-contract.case.ts';

runTelemetryContract('aedes');
