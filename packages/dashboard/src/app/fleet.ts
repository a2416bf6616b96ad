/**
 * The device fleet: enrolled, connected, last seen, revoked. Deliberately nothing about rounds:
 * the API links no device to a round, and this screen does not try to.
 */
import type { FleetView } from './api-types.ts';
import { getJson } from './api.ts';
import { h, replace, table, time } from './dom.ts';
import type { View } from './view.ts';

/** @default 10_000 */
const REFRESH_MS = 10_000;

export function fleetView(): View {
  const body = h('div', { 'aria-busy': 'true' }, h('p', {}, 'Loading the fleet…'));
  const element = h(
    'section',
    { 'aria-labelledby': 'page-title' },
    h('h1', { id: 'page-title', tabindex: '-1' }, 'Device fleet'),
    h('p', { class: 'muted' }, 'Devices enrolled with this coordinator. No screen shows which device took part in which round.'),
    body,
  );
  const load = async () => {
    const fleet = await getJson<FleetView>('/api/fleet');
    body.removeAttribute('aria-busy');
    const c = fleet.counts;
    replace(
      body,
      h(
        'dl',
        { class: 'counts', 'data-fleet-counts': '' },
        h('div', {}, h('dt', {}, 'Enrolled'), h('dd', { 'data-count': 'enrolled' }, c.enrolled)),
        h('div', {}, h('dt', {}, 'Connected'), h('dd', { 'data-count': 'connected' }, c.connected)),
        h('div', {}, h('dt', {}, 'Revoked'), h('dd', { 'data-count': 'revoked' }, c.revoked)),
      ),
      fleet.devices.length === 0
        ? h('p', {}, 'No device has enrolled yet.')
        : h(
            'div',
            { class: 'scroll' },
            table(
              `${fleet.devices.length} device${fleet.devices.length === 1 ? '' : 's'}`,
              ['Device', 'Enrolled', 'Connected', 'Last seen', 'Revoked'],
              fleet.devices.map((d) => [h('code', {}, d.id), time(d.enrolledAt), d.connected ? 'yes' : 'no', time(d.lastSeen), d.revokedAt === null ? 'no' : time(d.revokedAt)]),
              { class: 'fleet' },
            ),
          ),
    );
  };
  return { element, load, refreshMs: REFRESH_MS };
}
