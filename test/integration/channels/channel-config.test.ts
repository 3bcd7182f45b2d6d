import { describe, expect, it } from 'vitest';
import { loadConfig, tenantEnvKey } from '../../../src/runtime/config.js';

const wa = {
  HILO_WHATSAPP_APP_SECRET_FERRETERIA_NORTE: 'app-secret',
  HILO_WHATSAPP_VERIFY_TOKEN_FERRETERIA_NORTE: 'verify',
  HILO_WHATSAPP_PHONE_NUMBER_ID_FERRETERIA_NORTE: '106540352242922',
  HILO_WHATSAPP_ACCESS_TOKEN_FERRETERIA_NORTE: 'token',
};

describe('channel configuration', () => {
  it('should map a tenant id to its variable suffix', () => {
    expect(tenantEnvKey('ferreteria-norte')).toBe('FERRETERIA_NORTE');
  });

  it('should read a complete WhatsApp channel with its template', () => {
    const config = loadConfig({ ...wa, HILO_WHATSAPP_TEMPLATE_FERRETERIA_NORTE: 'seguimiento_hilo:es' });
    expect(config.channels.FERRETERIA_NORTE?.whatsapp).toMatchObject({ appSecret: 'app-secret', phoneNumberId: '106540352242922', template: { name: 'seguimiento_hilo', language: 'es' }, messagesPerSecond: 80 });
    expect(config.whatsappGraphUrl).toBe('https://graph.facebook.com');
  });

  it('should refuse a half-configured WhatsApp channel naming the missing variable', () => {
    const { HILO_WHATSAPP_ACCESS_TOKEN_FERRETERIA_NORTE: _omit, ...partial } = wa;
    expect(() => loadConfig(partial)).toThrow(/HILO_WHATSAPP_ACCESS_TOKEN_FERRETERIA_NORTE/);
  });

  it('should require HILO_PUBLIC_URL for Twilio and a valid sender', () => {
    const twilio = { HILO_TWILIO_AUTH_TOKEN_T1: 'tok', HILO_TWILIO_ACCOUNT_SID_T1: 'AC1', HILO_TWILIO_FROM_T1: 'whatsapp:+14155238886' };
    expect(() => loadConfig(twilio)).toThrow(/HILO_PUBLIC_URL/);
    expect(() => loadConfig({ ...twilio, HILO_PUBLIC_URL: 'https://hilo.example.com', HILO_TWILIO_FROM_T1: '+1415' })).toThrow(/HILO_TWILIO_FROM_T1/);
    expect(loadConfig({ ...twilio, HILO_PUBLIC_URL: 'https://hilo.example.com/' }).publicUrl).toBe('https://hilo.example.com');
  });

  it('should refuse a Telegram secret token with forbidden characters', () => {
    expect(() => loadConfig({ HILO_TELEGRAM_BOT_TOKEN_T1: '1:abc', HILO_TELEGRAM_SECRET_TOKEN_T1: 'no spaces' })).toThrow(/HILO_TELEGRAM_SECRET_TOKEN_T1/);
  });

  it('should require the CRM URL and secret together', () => {
    expect(() => loadConfig({ HILO_CRM_WEBHOOK_URL: 'https://crm.example.com/hook' })).toThrow(/HILO_CRM_WEBHOOK_SECRET/);
    expect(loadConfig({ HILO_CRM_WEBHOOK_URL: 'https://crm.example.com/hook', HILO_CRM_WEBHOOK_SECRET: 'a-long-enough-secret' }).crmWebhookSecret).toBe('a-long-enough-secret');
  });

  it('should refuse an unknown agents time zone', () => {
    expect(() => loadConfig({ HILO_AGENTS_TIME_ZONE: 'Mars/Olympus' })).toThrow(/HILO_AGENTS_TIME_ZONE/);
  });
});
