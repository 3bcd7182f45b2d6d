/**
 * What Hilo answers agents in their chat (Rocket.Chat slash commands and `#T-…` messages), in
 * one place. Agents read Spanish today; the English set is ready for a team that works in English.
 */
export interface AgentTexts {
  askCustomer: string;
  alreadyWithHuman: string;
  ticketOpened: (number: string) => string;
  askTicket: string;
  ticketNotFound: (number: string) => string;
  ticketClosed: (number: string) => string;
  ticketAlreadyClosed: (number: string) => string;
}

export const AGENT_TEXTS: Readonly<Record<'es' | 'en', AgentTexts>> = {
  es: {
    askCustomer: 'Indica el cliente: /crear-ticket +1 809 555 0101, un correo o #T-000123 de un caso anterior.',
    alreadyWithHuman: 'Esa conversación ya está con una persona.',
    ticketOpened: (n) => `Ticket ${n} abierto; responde con #${n} tu mensaje.`,
    askTicket: 'Indica el ticket: #T-000123 tu mensaje',
    ticketNotFound: (n) => `No encuentro el ticket ${n}.`,
    ticketClosed: (n) => `Ticket ${n} cerrado; Hilo retoma la conversación.`,
    ticketAlreadyClosed: (n) => `El ticket ${n} ya está cerrado.`,
  },
  en: {
    askCustomer: 'Name the customer: /crear-ticket +1 809 555 0101, an email or #T-000123 from an earlier case.',
    alreadyWithHuman: 'That conversation is already with a person.',
    ticketOpened: (n) => `Ticket ${n} opened; answer with #${n} and your message.`,
    askTicket: 'Name the ticket: #T-000123 your message',
    ticketNotFound: (n) => `I cannot find ticket ${n}.`,
    ticketClosed: (n) => `Ticket ${n} closed; Hilo takes the conversation back.`,
    ticketAlreadyClosed: (n) => `Ticket ${n} is already closed.`,
  },
};
