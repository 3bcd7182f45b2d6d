/**
 * Every error code Hilo answers with, in one place. Codes are never reused; `docs/errors.md`
 * documents each one and a test keeps the two in sync. Compare `code`, not `instanceof`.
 */
export const ERROR_CODES = {
  HILO_ERR_HTTP_NOT_FOUND: { status: 404, message: 'No such route.' },
  HILO_ERR_HTTP_METHOD_NOT_ALLOWED: { status: 405, message: 'Method not allowed on this route.' },
  HILO_ERR_HTTP_BODY_TOO_LARGE: { status: 413, message: 'Request body exceeds the size limit.' },
  HILO_ERR_HTTP_URI_TOO_LONG: { status: 414, message: 'The request URL (path and query) exceeds 8 KiB.' },
  HILO_ERR_HTTP_HEADERS_TOO_LARGE: { status: 431, message: 'The request header fields exceed 16 KiB (or the whole request head, URL included, exceeds 64 KiB).' },
  HILO_ERR_HTTP_MALFORMED: { status: 400, message: 'The request is not valid HTTP/1.1.' },
  HILO_ERR_HTTP_UNSUPPORTED_MEDIA_TYPE: { status: 415, message: 'Expected Content-Type: application/json.' },
  HILO_ERR_HTTP_INVALID_JSON: { status: 400, message: 'Request body is not valid JSON.' },
  HILO_ERR_HTTP_VALIDATION: { status: 400, message: 'Request body failed validation.' },
  HILO_ERR_HTTP_PATH_INVALID: { status: 400, message: 'The request path is not valid: a % must start an escape of two hex digits that decodes as UTF-8, and no path value may hold a control character.' },
  HILO_ERR_AUTH_MISSING: { status: 401, message: 'Missing Authorization: Bearer <api key>.' },
  HILO_ERR_AUTH_INVALID: { status: 403, message: 'API key is not valid for this tenant.' },
  HILO_ERR_AUTH_REPEATED: { status: 400, message: 'Send exactly one Authorization header with one Bearer key; this request carries several.' },
  HILO_ERR_TENANT_NOT_FOUND: { status: 404, message: 'Unknown tenant.' },
  HILO_ERR_CONVERSATION_NOT_FOUND: { status: 404, message: 'Unknown conversation.' },
  HILO_ERR_CONVERSATION_NOT_IN_HANDOFF: { status: 409, message: 'No person holds this conversation: the agent message was neither recorded nor sent.' },
  HILO_ERR_IDEMPOTENCY_CONFLICT: { status: 409, message: 'This message id was already used for a different text; a retry must resend the same text, a new message needs a new id.' },
  HILO_ERR_IDEMPOTENCY_KEY_REUSED: { status: 422, message: 'This Idempotency-Key was already used with a different request body; a retry must resend the same body, a new request needs a new key.' },
  HILO_ERR_CONTACT_NOT_FOUND: { status: 404, message: 'Unknown contact.' },
  HILO_ERR_RATE_LIMITED: { status: 429, message: 'Too many requests; slow down.' },
  HILO_ERR_TURN_FAILED: { status: 500, message: 'The conversation could not process this message.' },
  HILO_ERR_TURN_TIMEOUT: { status: 504, message: 'The conversation did not finish the turn in time.' },
  HILO_ERR_CONVERSATION_ERASED: { status: 409, message: 'This conversation was erased while the message was on its way; nothing of the message was recorded. Send it again: it starts a new conversation.' },
  HILO_ERR_TURN_QUARANTINED: { status: 422, message: 'The message could not be recorded and was set aside; the conversation goes on from its previous state.' },
  HILO_ERR_SHUTTING_DOWN: { status: 503, message: 'The server is shutting down.' },
  HILO_ERR_SHARD_FENCED: { status: 503, message: 'This member lost the conversation\'s shard to another member; the write was refused.' },
  HILO_ERR_CLUSTER_STORES_REQUIRED: { status: 500, message: 'HILO_CLUSTER needs REDIS_URL and a PostgreSQL DATABASE_URL shared by every member.' },
  HILO_ERR_CLUSTER_UNAVAILABLE: { status: 503, message: 'The message could not be handed to the cluster (Redis unreachable); it was not accepted.' },
  HILO_ERR_CLUSTER_NO_ANSWER: { status: 504, message: 'The message was accepted but its conversation\'s owner did not answer in time; send it again with the same message id.' },
  HILO_ERR_CLUSTER_UPGRADE_PENDING: { status: 503, message: 'A cluster member of an older release that does not honour erasures is running; nothing was erased. Retry once every member runs this release.' },
  HILO_ERR_INTERNAL: { status: 500, message: 'Internal error.' },
  HILO_ERR_WS_VERSION_UNSUPPORTED: { status: 426, message: 'This server speaks WebSocket version 13 only (RFC 6455): send Sec-WebSocket-Version: 13.' },
  HILO_ERR_WS_HANDSHAKE_INVALID: { status: 400, message: 'The WebSocket upgrade request has no valid Sec-WebSocket-Key (16 random bytes in base64).' },
  HILO_ERR_WS_INVALID_FRAME: { status: 400, message: 'WebSocket frame is not a valid protocol message.' },
  HILO_ERR_WS_HELLO_TIMEOUT: { status: 408, message: 'No "hello" was sent in time after the socket opened; open a new socket and send "hello" first.' },
  HILO_ERR_WS_NOT_READY: { status: 400, message: 'Send "hello" before other frames.' },
  HILO_ERR_WS_FRAME_TOO_LARGE: { status: 413, message: 'WebSocket frame exceeds the size limit.' },
  HILO_ERR_WS_VISITOR_ID_WEAK: { status: 400, message: 'A new visitorId needs at least 128 random bits (22 or more random characters of A-Z, a-z, 0-9, _ or -).' },
  HILO_ERR_WS_TENANT_REQUIRED: { status: 400, message: 'Open the socket as /ws?tenant=<tenant> and name the same tenant in hello.' },
  HILO_ERR_WS_RESUME_REFUSED: { status: 401, message: 'This visitorId already has a conversation: send its resumeToken, or start with a new visitorId.' },
  HILO_ERR_SNAPSHOT_INCOMPATIBLE: { status: 500, message: 'Stored snapshot cannot be restored by this machine version.' },
  HILO_ERR_SNAPSHOT_CORRUPT: { status: 500, message: 'Stored snapshot data is unreadable (not written by a Hilo snapshot store).' },
  HILO_ERR_TENANT_DATA_INVALID: { status: 500, message: 'Tenant data files are missing or invalid.' },
  HILO_ERR_TENANT_INVALID: { status: 400, message: 'The tenant data sent failed validation; nothing was changed.' },
  HILO_ERR_TENANT_TRAINING_FAILED: { status: 500, message: "Training the tenant's classifier failed; the previous version stays." },
  HILO_ERR_ADMIN_DISABLED: { status: 404, message: 'The tenant admin API is off: set HILO_ADMIN_KEY (at least 24 characters).' },
  HILO_ERR_ADMIN_KEY_INVALID: { status: 403, message: 'Not the operator admin key (HILO_ADMIN_KEY); tenant API keys do not open admin routes.' },
  HILO_ERR_ADMIN_CLUSTERED: { status: 409, message: 'Tenant data cannot be changed on a running cluster (HILO_CLUSTER): change the tenants folder and restart the members.' },
  HILO_ERR_CONFIG_INVALID: { status: 500, message: 'Configuration is invalid.' },
  HILO_ERR_LLM_RATE_LIMITED: { status: 503, message: 'The language model provider is rate limiting every usable key.' },
  HILO_ERR_LLM_TIMEOUT: { status: 504, message: 'The language model did not answer in time.' },
  HILO_ERR_LLM_UNAVAILABLE: { status: 502, message: 'The language model provider failed or refused the request.' },
  HILO_ERR_LLM_BAD_OUTPUT: { status: 502, message: 'The language model answered with output that does not match the expected schema.' },
  HILO_ERR_LLM_POOL_EXHAUSTED: { status: 503, message: 'Every language model key is at capacity or cooling down.' },
  HILO_ERR_CHANNEL_SIGNATURE_MISSING: { status: 401, message: 'The channel webhook request carries no signature.' },
  HILO_ERR_CHANNEL_SIGNATURE_INVALID: { status: 403, message: 'The channel webhook signature does not match.' },
  HILO_ERR_CHANNEL_SIGNATURE_REPEATED: { status: 400, message: 'Send exactly one signature header; this webhook request carries several.' },
  HILO_ERR_CHANNEL_VERIFY_FAILED: { status: 403, message: 'The webhook verification request does not match the configured verify token.' },
  HILO_ERR_CHANNEL_NOT_CONFIGURED: { status: 404, message: 'This tenant exists but this channel is not set up for it (no credentials configured); the webhook accepts nothing until it is.' },
  HILO_ERR_CHANNEL_BODY_TOO_LARGE: { status: 413, message: 'The channel webhook body exceeds the size limit.' },
  HILO_ERR_CHANNEL_UNSUPPORTED_MEDIA_TYPE: { status: 415, message: 'The channel webhook body has an unexpected Content-Type.' },
  HILO_ERR_CHANNEL_INVALID_BODY: { status: 400, message: 'The channel webhook body is not valid UTF-8, JSON or form data.' },
  HILO_ERR_CHANNEL_VALIDATION: { status: 400, message: 'The channel webhook payload does not match the provider format.' },
  HILO_ERR_CHANNEL_SEND_RATE_LIMITED: { status: 429, message: 'The channel provider kept rate limiting the outbound message.' },
  HILO_ERR_CHANNEL_WINDOW_CLOSED: { status: 409, message: 'The customer service window is closed and no template message is configured.' },
  HILO_ERR_CHANNEL_SEND_REJECTED: { status: 502, message: 'The channel provider refused the outbound message.' },
  HILO_ERR_CHANNEL_SEND_FAILED: { status: 502, message: 'The channel provider failed or was unreachable after retries.' },
  HILO_ERR_HANDOFF_TOKEN_INVALID: { status: 403, message: 'The Rocket.Chat outgoing webhook token is missing or does not match.' },
  HILO_ERR_HANDOFF_INVALID_BODY: { status: 400, message: 'The Rocket.Chat outgoing webhook body is too large or not valid UTF-8 JSON.' },
  HILO_ERR_HANDOFF_VALIDATION: { status: 400, message: 'The Rocket.Chat outgoing webhook payload does not match the expected format.' },
  HILO_ERR_HANDOFF_NOTIFY_REJECTED: { status: 502, message: 'The agent chat (Rocket.Chat or Slack) refused the notification.' },
  HILO_ERR_HANDOFF_NOTIFY_RATE_LIMITED: { status: 429, message: 'The agent chat kept rate limiting the notification.' },
  HILO_ERR_HANDOFF_NOTIFY_FAILED: { status: 502, message: 'The agent chat failed or was unreachable after retries.' },
  HILO_ERR_CRM_REJECTED: { status: 502, message: 'The CRM webhook refused the lead.' },
  HILO_ERR_CRM_RATE_LIMITED: { status: 429, message: 'The CRM webhook kept rate limiting the lead delivery.' },
  HILO_ERR_CRM_FAILED: { status: 502, message: 'The CRM webhook failed or was unreachable after retries.' },
  HILO_ERR_CRM_SIGNATURE_MISSING: { status: 401, message: 'The CRM webhook request carries no X-Hilo-Signature header.' },
  HILO_ERR_CRM_SIGNATURE_INVALID: { status: 403, message: 'The X-Hilo-Signature does not match the body.' },
  HILO_ERR_CRM_SIGNATURE_EXPIRED: { status: 403, message: 'The X-Hilo-Signature timestamp is outside the replay window.' },
  HILO_ERR_CONSOLE_LOGIN_INVALID: { status: 401, message: 'Wrong username or password.' },
  HILO_ERR_CONSOLE_CSRF: { status: 403, message: 'Missing or wrong x-csrf-token header.' },
  HILO_ERR_CONSOLE_FORBIDDEN: { status: 403, message: 'Your role may not do this.' },
  HILO_ERR_CONSOLE_ALREADY_TAKEN: { status: 409, message: 'Another agent already holds this conversation.' },
  HILO_ERR_CONSOLE_NOT_ASSIGNEE: { status: 409, message: 'Only the agent holding this conversation (or an admin) may do this.' },
  HILO_ERR_CONSOLE_AGENT_NOT_FOUND: { status: 404, message: 'Unknown agent.' },
  HILO_ERR_CONSOLE_USERNAME_TAKEN: { status: 409, message: 'That username already exists for this tenant.' },
  HILO_ERR_CONSOLE_NO_QUOTE: { status: 404, message: 'This conversation has no quote ticket.' },
  HILO_ERR_CONSOLE_QUOTE_TAKEN: { status: 409, message: 'Another agent follows this quote up.' },
  HILO_ERR_CONSOLE_QUOTE_CLOSED: { status: 409, message: 'This quote is closed already.' },
  HILO_ERR_CONSOLE_RESOLVE_UNANSWERED: { status: 409, message: 'Nobody has answered this customer: send unanswered: true to resolve it anyway.' },
  HILO_ERR_BACKEND_TIMEOUT: { status: 504, message: 'The business backend did not answer in time.' },
  HILO_ERR_BACKEND_UNAVAILABLE: { status: 503, message: 'The business backend failed or was unreachable after retries.' },
  HILO_ERR_BACKEND_CIRCUIT_OPEN: { status: 503, message: 'The business backend failed repeatedly; calls are paused for a while (circuit open).' },
  HILO_ERR_BACKEND_REJECTED: { status: 502, message: 'The business backend refused the request.' },
  HILO_ERR_BACKEND_BAD_RESPONSE: { status: 502, message: 'The business backend answered with data that does not match the expected schema.' },
  HILO_ERR_ANALYTICS_UNAVAILABLE: { status: 501, message: 'Analytics need SQL storage (PostgreSQL or embedded PGlite); this instance runs with HILO_STORAGE=memory.' },
} as const satisfies Record<string, { status: number; message: string }>;

export type HiloErrorCode = keyof typeof ERROR_CODES;

export class HiloError extends Error {
  readonly code: HiloErrorCode;
  readonly status: number;
  /** Safe to show to the API caller (never contains personal data). */
  readonly details: unknown;

  constructor(code: HiloErrorCode, message?: string, options?: { cause?: unknown; details?: unknown }) {
    super(message ?? ERROR_CODES[code].message, options?.cause !== undefined ? { cause: options.cause } : undefined);
    this.name = 'HiloError';
    this.code = code;
    this.status = ERROR_CODES[code].status;
    this.details = options?.details;
  }

  toJSON(): { error: { code: HiloErrorCode; message: string; details?: unknown } } {
    return { error: { code: this.code, message: this.message, ...(this.details !== undefined ? { details: this.details } : {}) } };
  }
}

export function isHiloError(err: unknown, code?: HiloErrorCode): err is HiloError {
  return (
    typeof err === 'object' &&
    err !== null &&
    typeof (err as { code?: unknown }).code === 'string' &&
    (err as { code: string }).code.startsWith('HILO_ERR_') &&
    (code === undefined || (err as { code: string }).code === code)
  );
}
