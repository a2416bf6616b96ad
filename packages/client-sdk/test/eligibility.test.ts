import { describe, expect, it } from 'vitest';
import { platformEligibility } from '../src/eligibility.ts';

describe('platformEligibility', () => {
  it('asks the battery and the network, and passes where the platform says nothing', async () => {
    const battery = { charging: false, level: 0.5 };
    const nav = { getBattery: async () => battery, connection: { type: 'wifi', saveData: false } as { type: string; saveData: boolean } };
    const check = platformEligibility({ navigator: nav });
    expect(await check()).toBe(false);
    battery.charging = true;
    expect(await check()).toBe(true);
    nav.connection.type = 'cellular';
    expect(await check()).toBe(false);
    nav.connection = { type: 'ethernet', saveData: true };
    expect(await check()).toBe(false);
    expect(await platformEligibility({ navigator: {} })()).toBe(true);
    expect(await platformEligibility({ navigator: { getBattery: async () => Promise.reject(new Error('no')) } })()).toBe(true);
  });

  it('waits for the employee to be idle, or the page hidden', async () => {
    let t = 0;
    const listeners: Record<string, () => void> = {};
    const doc = { visibilityState: 'visible', addEventListener: (type: string, fn: () => void) => (listeners[type] = fn) };
    const check = platformEligibility({ navigator: {}, document: doc, idleForMs: 60_000, now: () => t });
    expect(await check()).toBe(false);
    t = 61_000;
    expect(await check()).toBe(true);
    listeners.keydown!();
    expect(await check()).toBe(false);
    doc.visibilityState = 'hidden';
    expect(await check()).toBe(true);
  });
});
