export { createCrmWebhook, crmIdempotencyKey, CRM_LEAD_EVENT, type CrmWebhook, type CrmWebhookOptions, type CrmDeliveryAttempt, type CrmLeadEventBody } from './crm-webhook.js';
export { signCrmBody, verifyCrmSignature, CRM_SIGNATURE_HEADER, type CrmSignatureCheck, type VerifyCrmSignatureOptions } from './signature.js';
