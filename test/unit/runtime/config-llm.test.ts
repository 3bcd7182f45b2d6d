import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/runtime/config.js';

const LLM = { HILO_LLM_BASE_URL: 'http://127.0.0.1:11434/v1', HILO_LLM_MODEL: 'llama3.1', HILO_LLM_API_KEYS: 'local=ollama' };

describe('loadConfig › the LLM settings read in the same place', () => {
  it('should carry no LLM without HILO_LLM_* variables', () => {
    expect(loadConfig({}).llm).toBeNull();
  });

  it('should derive the LLM budgets from the same HILO_TURN_TIMEOUT_MS the turn uses', () => {
    const config = loadConfig({ ...LLM, HILO_TURN_TIMEOUT_MS: '30000' });
    expect(config.turnTimeoutMs).toBe(30_000);
    expect(config.llm).toMatchObject({ turnTimeoutMs: 30_000, deadlineMs: 25_000, composeDeadlineMs: 0 });
    expect(config.llm?.entries.map((e) => e.id)).toEqual(['local']);
  });

  it('should keep time for writing replies only with HILO_LLM_REPLIES=1', () => {
    expect(loadConfig({ ...LLM, HILO_LLM_REPLIES: '1' }).llm?.composeDeadlineMs).toBeGreaterThan(0);
    expect(loadConfig({ ...LLM, HILO_LLM_REPLIES: '0' }).llm?.composeDeadlineMs).toBe(0);
  });

  it('should refuse malformed LLM settings at start-up, naming the variable', () => {
    expect(() => loadConfig({ HILO_LLM_MODEL: 'x' })).toThrow(expect.objectContaining({ code: 'HILO_ERR_CONFIG_INVALID', message: expect.stringContaining('HILO_LLM_API_KEYS') }));
  });
});
