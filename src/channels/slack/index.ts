export {
  createSlackAlerter,
  buildCriticalMessage,
  buildHotLeadMessage,
  escapeSlack,
  SLACK_COLORS,
  type CriticalAlert,
  type HotLeadAlert,
  type SlackAlerter,
  type SlackAlerterOptions,
  type SlackMessage,
} from './alerter.js';
