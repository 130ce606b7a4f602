import { runTelemetryContract } from './telemetry-contract.case.ts';

runTelemetryContract('aedes');
