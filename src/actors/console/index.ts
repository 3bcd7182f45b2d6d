export { createConsoleAuth, agentAuditActor, agentView, sameToken, CONSOLE_SESSION_LIMITS, USERNAME_PATTERN } from './console-auth.js';
export type { AgentView, ConsoleActor, ConsoleAuth, ConsoleAuthOptions, LoginResult } from './console-auth.js';
export { createConsoleService, transcriptLine } from './console-service.js';
export type { CannedReply, ConsoleService, ConsoleServiceOptions, TranscriptLine } from './console-service.js';
export type { ConsoleHost } from './console-host-port.js';
export { createInboxFeed } from './inbox-feed.js';
export type { InboxFeed, InboxFeedEvent } from './inbox-feed.js';
export type { InboxItem, InboxPriority, InboxView } from './console-inbox.js';
export { hashPassword, verifyPassword } from './password-hash.js';
