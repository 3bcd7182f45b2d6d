import type { LocalText, WorkflowTextKey } from './workflow-spec.js';
import { DAY_CLOSED } from './closed-days.js';
import { OFF_GRID } from './off-grid.js';
import { DAY_TOO_FAR } from './far-days.js';
import { STAFF_BUSY, STAFF_DOES_NOT, STAFF_OFF } from './staff-named.js';

/** The runner's own words where the tenant gave none (workflows.json `texts`, set or workflow level). */
export const BUILT_IN_TEXTS = {
  retry: { es: 'Perdona, no lo entendí.', en: "Sorry, I didn't get that." },
  whatToChange: { es: '¿Qué dato quieres cambiar?', en: 'What would you like to change?' },
  unavailable: { es: 'Eso no está disponible. Opciones: {options}', en: "That isn't available. Options: {options}" },
  none: { es: 'No encontré opciones disponibles para eso.', en: "I couldn't find any options available for that." },
  cancelled: { es: 'Listo, lo dejamos ahí. ¿En qué más te puedo ayudar?', en: "OK, I've dropped it. What else can I help you with?" },
  dayFull: { es: 'No me quedan horarios libres el {day}.', en: 'There are no free times left on {day}.' },
  timeTaken: {
    es: 'Ese día ya no hay libre a las {time}. Lo más cerca que tengo es *{nearest}*; ¿te sirve? Si no, elige otra hora:',
    en: '{time} is already taken that day. The nearest free time is *{nearest}*; does that work? If not, pick another time:',
  },
  timeFree: { es: 'Hay espacio el {day} a las {time} 👍', en: '{time} on {day} is free 👍' },
  dayClosed: DAY_CLOSED,
  offGrid: OFF_GRID,
  dayTooFar: DAY_TOO_FAR,
  staffBusy: STAFF_BUSY,
  staffDoesNot: STAFF_DOES_NOT,
  staffOff: STAFF_OFF,
  unproven: {
    es: 'Para proteger tus citas, solo puedo verlas, cancelarlas o moverlas desde el WhatsApp del número con que reservaste (o aquí mismo si la reservaste en esta conversación). Escríbenos desde ese número, o escribe "hablar con una persona" y te ayudan. 🙏',
    en: 'To protect your bookings, I can only show, cancel or move them from the WhatsApp of the number you booked with (or right here if you booked it in this conversation). Write to us from that number, or write "talk to a person" and someone will help you. 🙏',
  },
  backendDown: {
    es: 'Ahora mismo no puedo consultar nuestro sistema. Intenta de nuevo en unos minutos o escribe "hablar con una persona".',
    en: 'I can\'t reach our system right now. Please try again in a few minutes or write "talk to a person".',
  },
} satisfies Record<WorkflowTextKey, LocalText>;
