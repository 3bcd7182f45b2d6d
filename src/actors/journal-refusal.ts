/**
 * A journal error that a retry cannot fix: PostgreSQL refused the data (SQLSTATE class 22 data
 * exception, 23 integrity violation, 54 limit exceeded), or the record could not be serialised.
 * Connection errors, timeouts and fencing carry no such code: those turns are completed later.
 * The host quarantines a turn refused for good instead of replaying it on every activation.
 */
export function isRefusedForGood(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e !== null && typeof e === 'object' && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^(22|23|54)[0-9A-Z]{3}$/.test(code)) return true;
    // The record itself cannot be serialised (JSON.stringify, toISOString): same result every time.
    // Other TypeErrors (a driver bug during shutdown, say) are not taken as proof of bad data.
    if ((e instanceof TypeError || e instanceof RangeError) && /BigInt|circular|Invalid time value|Invalid string length/i.test(e.message)) return true;
  }
  return false;
}
