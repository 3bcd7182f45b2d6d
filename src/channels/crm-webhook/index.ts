export { createCrmWebhook, crmIdempotencyKey, CRM_LEAD_EVENT, CRM_LEAD_UPDATED_EVENT, type CrmWebhook, type CrmWebhookOptions, type CrmDeliveryAttempt, type CrmLeadEventBody } from './crm-webhook.js';
export { signCrmBody, verifyCrmSignature, CRM_SIGNATURE_HEADER, type CrmSignatureCheck, type VerifyCrmSignatureOptions } from './signature.js';
