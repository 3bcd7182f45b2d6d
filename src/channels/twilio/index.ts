export { createTwilioChannel, EMPTY_TWIML, type TwilioChannelOptions } from './channel.js';
export { encodeForm, parseForm, type FormParams } from './form.js';
export { createTwilioSender, TWILIO_ERRORS, type TwilioSenderOptions } from './sender.js';
export { computeTwilioSignature, urlVariants, verifyTwilioSignature } from './signature.js';
export { parseTwilioParams, readTwilioBody } from './webhook.js';
