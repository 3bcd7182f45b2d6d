/**
 * A deliberately pessimistic token estimate for a chat request: about four characters per token
 * over the JSON of the messages and tools, plus the completion budget. Providers reserve
 * prompt + `max_tokens` against TPM limits before they answer, so the key pool must count the
 * same way to never cross a limit.
 */
export function estimateRequestTokens(request: { messages: unknown; tools?: unknown; maxTokens?: number | undefined }): number {
  const chars = JSON.stringify(request.messages).length + (request.tools !== undefined ? JSON.stringify(request.tools).length : 0);
  return Math.ceil(chars / 4) + (request.maxTokens ?? 0);
}
