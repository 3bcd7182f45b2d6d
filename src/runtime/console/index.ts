export { consoleRules, createConsole, DEFAULT_SLA_SECONDS, openConsoleStores } from './create-console.js';
export type { AgentConsole, ConsoleDeps, ConsoleStores } from './create-console.js';
export { CONSOLE_WS_PATH } from './console-socket.js';
export { loadOrCreateDemoAgentPassword, generateAgentPassword, DEMO_AGENT_PASSWORD_FILE } from './demo-agent-password.js';
export { loadCannedReplies } from './canned-replies.js';
export { SESSION_COOKIE } from './console-http.js';
