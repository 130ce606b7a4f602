// The telemetry broker contract run against a real Mosquitto broker (the external mode).
import { runTelemetryContract } from './telemetry-contract.case.ts';

runTelemetryContract('mosquitto');
