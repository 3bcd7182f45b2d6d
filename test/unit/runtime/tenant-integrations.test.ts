import { describe, expect, it } from 'vitest';
import type { TenantSettings } from '../../../src/domain/tenant.js';
import { TENANT_SETTINGS } from '../../../src/persistence/tenant-schemas.js';
import { resolveTenantIntegrations } from '../../../src/runtime/channels/tenant-integrations.js';

const base: TenantSettings = { id: 'norte', displayName: 'Norte', defaultLang: 'es', timeZone: 'America/Santo_Domingo', currency: 'DOP' };
const SLACK_URL = 'https://hooks.slack.com/services/T1/B1/secretpart';

describe('tenant integrations (tenant.json)', () => {
  it('should accept variable names and a CRM URL, and refuse secrets written in the file', () => {
    const ok = { ...base, integrations: { rocketChat: { webhookUrlEnv: 'NORTE_RC_URL', outgoingTokenEnv: 'NORTE_RC_TOKEN' }, slack: { webhookUrlEnv: 'NORTE_SLACK_URL' }, crm: { url: 'https://crm.example.com/hooks/hilo', secretEnv: 'NORTE_CRM_SECRET' } } };
    expect(TENANT_SETTINGS.safeParse(ok).success).toBe(true);
    expect(TENANT_SETTINGS.safeParse({ ...base, integrations: { slack: { webhookUrl: SLACK_URL } } }).success).toBe(false);
    expect(TENANT_SETTINGS.safeParse({ ...base, integrations: { crm: { url: 'https://crm.example.com', secret: 'in-the-file-0123456' } } }).success).toBe(false);
    expect(TENANT_SETTINGS.safeParse({ ...base, integrations: { crm: { url: 'crm.example.com', secretEnv: 'X' } } }).success).toBe(false);
    expect(TENANT_SETTINGS.safeParse({ ...base, integrations: { teams: {} } }).success).toBe(false);
  });

  it('should read the named variables, none when the tenant has no integrations', () => {
    expect(resolveTenantIntegrations(base, {})).toEqual({});
    const settings: TenantSettings = { ...base, integrations: { slack: { webhookUrlEnv: 'NORTE_SLACK_URL' }, crm: { url: 'https://crm.example.com/h', secretEnv: 'NORTE_CRM_SECRET' }, rocketChat: { webhookUrlEnv: 'NORTE_RC_URL' } } };
    expect(resolveTenantIntegrations(settings, { NORTE_SLACK_URL: SLACK_URL, NORTE_CRM_SECRET: 'a-crm-secret-of-16+', NORTE_RC_URL: 'http://chat.local/hooks/a/b' })).toEqual({
      slack: { webhookUrl: SLACK_URL },
      crm: { url: 'https://crm.example.com/h', secret: 'a-crm-secret-of-16+' },
      rocketChat: { webhookUrl: 'http://chat.local/hooks/a/b', outgoingToken: null },
    });
  });

  it('should stop start-up naming the variable, never showing its value', () => {
    const settings: TenantSettings = { ...base, integrations: { slack: { webhookUrlEnv: 'NORTE_SLACK_URL' } } };
    const fail = (env: Record<string, string>) => {
      try {
        resolveTenantIntegrations(settings, env);
      } catch (err) {
        return err as { code: string; message: string };
      }
      throw new Error('expected a failure');
    };
    expect(fail({})).toMatchObject({ code: 'HILO_ERR_CONFIG_INVALID', message: expect.stringContaining('NORTE_SLACK_URL, which is not set') });
    const bad = fail({ NORTE_SLACK_URL: 'not-a-url-but-a-secret-xyz' });
    expect(bad.message).toContain('NORTE_SLACK_URL is not an http(s) URL');
    expect(bad.message).not.toContain('secret-xyz');
    const crm: TenantSettings = { ...base, integrations: { crm: { url: 'https://crm.example.com/h', secretEnv: 'NORTE_CRM_SECRET' } } };
    expect(() => resolveTenantIntegrations(crm, { NORTE_CRM_SECRET: 'short' })).toThrow(/at least 16 characters/);
  });
});
