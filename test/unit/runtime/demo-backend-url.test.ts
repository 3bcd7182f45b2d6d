import { describe, expect, it } from 'vitest';
import { demoBackendUrl } from '../../../src/runtime/backend-wiring.js';

/** The studio's connector follows HILO_DEMO_BACKEND_PORT (a demo on 41xx reached 4100 and failed, or read another server's bookings). */
describe('the demo backend address', () => {
  it("should move the demo's default address to the port the demo backend was started on", () => {
    expect(demoBackendUrl('http://127.0.0.1:4100/estudio', '4138')).toBe('http://127.0.0.1:4138/estudio');
    expect(demoBackendUrl('http://127.0.0.1:4100', '4200')).toBe('http://127.0.0.1:4200');
  });

  it('should leave it alone without a usable port, and leave any other address alone', () => {
    for (const setting of [undefined, '', 'off', '0', 'abc', '70000']) expect(demoBackendUrl('http://127.0.0.1:4100/estudio', setting), String(setting)).toBe('http://127.0.0.1:4100/estudio');
    expect(demoBackendUrl('http://127.0.0.1:41000/estudio', '4138')).toBe('http://127.0.0.1:41000/estudio');
    expect(demoBackendUrl('https://api.example.com/estudio', '4138')).toBe('https://api.example.com/estudio');
  });
});
