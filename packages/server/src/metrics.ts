import { Counter, Gauge, Registry, collectDefaultMetrics } from 'prom-client';

/** Prometheus metrics served at `/metrics`. Counts and sizes only; never data or identities. */
export interface Metrics {
  registry: Registry;
  connectedDevices: Gauge;
  bytesIn: Counter;
  bytesOut: Counter;
  deviceErrors: Counter<'code'>;
  rounds: Counter<'outcome'>;
  /** Messages devices sent for a round (attempt) that had closed: told so, not counted as errors (PROTOCOL.md §6). */
  lateReports: Counter;
}

export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'conclave_' });
  return {
    registry,
    connectedDevices: new Gauge({ name: 'conclave_connected_devices', help: 'Devices connected now', registers: [registry] }),
    bytesIn: new Counter({ name: 'conclave_device_bytes_in_total', help: 'Bytes received from devices', registers: [registry] }),
    bytesOut: new Counter({ name: 'conclave_device_bytes_out_total', help: 'Bytes sent to devices', registers: [registry] }),
    deviceErrors: new Counter({ name: 'conclave_device_errors_total', help: 'Errors sent to or caused by devices, by code', labelNames: ['code'], registers: [registry] }),
    rounds: new Counter({ name: 'conclave_rounds_total', help: 'Rounds ended, by outcome', labelNames: ['outcome'], registers: [registry] }),
    lateReports: new Counter({ name: 'conclave_late_reports_total', help: 'Device reports that arrived after their round attempt closed (not errors)', registers: [registry] }),
  };
}
