import { describe, expect, it } from 'vitest';
import { KeyedMailbox } from '../../../src/actors/mailbox.js';

const tick = () => new Promise((r) => setImmediate(r));

describe('KeyedMailbox', () => {
  it('should run jobs of one key one at a time, in order', async () => {
    const mailbox = new KeyedMailbox();
    const log: string[] = [];
    let running = 0;
    let maxRunning = 0;
    const job = (name: string) => async () => {
      running++;
      maxRunning = Math.max(maxRunning, running);
      log.push(`start ${name}`);
      await tick();
      await tick();
      log.push(`end ${name}`);
      running--;
      return name;
    };
    const results = await Promise.all([mailbox.run('k', job('1')), mailbox.run('k', job('2')), mailbox.run('k', job('3'))]);
    expect(results).toEqual(['1', '2', '3']);
    expect(maxRunning).toBe(1);
    expect(log).toEqual(['start 1', 'end 1', 'start 2', 'end 2', 'start 3', 'end 3']);
  });

  it('should run different keys concurrently', async () => {
    const mailbox = new KeyedMailbox();
    let running = 0;
    let maxRunning = 0;
    const job = async () => {
      running++;
      maxRunning = Math.max(maxRunning, running);
      await tick();
      running--;
    };
    await Promise.all([mailbox.run('a', job), mailbox.run('b', job), mailbox.run('c', job)]);
    expect(maxRunning).toBe(3);
  });

  it('should keep going after a failed job and report the failure to its caller only', async () => {
    const mailbox = new KeyedMailbox();
    const failed = mailbox.run('k', async () => {
      throw new Error('boom');
    });
    const next = mailbox.run('k', async () => 'ok');
    await expect(failed).rejects.toThrow('boom');
    await expect(next).resolves.toBe('ok');
  });

  it('should reject new jobs past the queue bound with a coded error', async () => {
    const mailbox = new KeyedMailbox({ maxQueued: 2 });
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const a = mailbox.run('k', () => gate);
    const b = mailbox.run('k', async () => 'b');
    await expect(mailbox.run('k', async () => 'c')).rejects.toMatchObject({ code: 'HILO_ERR_RATE_LIMITED' });
    release();
    await a;
    await expect(b).resolves.toBe('b');
  });

  it('should forget idle keys and drain', async () => {
    const mailbox = new KeyedMailbox();
    const p = mailbox.run('k', async () => 1);
    expect(mailbox.busy('k')).toBe(true);
    await p;
    await mailbox.drain();
    expect(mailbox.busy('k')).toBe(false);
    expect(mailbox.size).toBe(0);
  });
});

describe('KeyedMailbox bookkeeping', () => {
  it('should count a failed job out too and forget the key once the last job settles', async () => {
    const mailbox = new KeyedMailbox({ maxQueued: 2 });
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const a = mailbox.run('k', async () => {
      await gate;
      throw new Error('boom');
    });
    const b = mailbox.run('k', async () => 'b');
    await expect(mailbox.run('k', async () => 'c')).rejects.toMatchObject({ code: 'HILO_ERR_RATE_LIMITED' });
    release();
    expect(mailbox.busy('k')).toBe(true);
    await expect(a).rejects.toThrow('boom');
    await expect(b).resolves.toBe('b');
    await mailbox.drain();
    expect(mailbox.busy('k')).toBe(false);
    // The bound counts only what is queued now: two more fit again.
    await expect(Promise.all([mailbox.run('k', async () => 1), mailbox.run('k', async () => 2)])).resolves.toEqual([1, 2]);
    await mailbox.drain();
    expect(mailbox.size).toBe(0);
  });
});
