import type { Understanding } from '../../../domain/understanding.js';
import { INFO_BEHAVIOUR } from '../../../domain/intents.js';
import { foldAccents } from '../../../kernel/fold.js';

/**
 * "¿eres un robot?", "¿hablo con una persona?", "are you a bot?": the customer asks what they are
 * talking to. A clerk bot says honestly it is the store's virtual assistant and offers a person;
 * it hands off only when the customer asks for one ("eres un bot? pásame con alguien", "no quiero
 * hablar con un robot", "can I talk to a real person?"), which `asksIfBot` leaves to the triage.
 * Read by the rule brain on a request for a person (`Understanding.asksIfBot`); the machine answers it.
 */

/** Spanish: "eres un bot", "esto es un robot", "hablo con una persona", "hay alguien real", "o es un robot"; who answers ("¿quién eres?", "¿con quién hablo?", "¿cómo te llamas?"). */
const ES_ASKS =
  /\b(?:(?:eres|sos|es usted|usted es|tu eres|eres tu)\s+(?:un\s+|una\s+)?(?:robot|bot|chatbot|maquina|ia|inteligencia artificial|persona|humano|humana|real|de verdad|persona real|ser humano)|(?:esto|este|eso|aqui|aca)\s+es\s+(?:una?\s+)?(?:robot|bot|chatbot|contestadora|mensaje automatico|automatico|maquina|ia)|(?:hablo|estoy hablando|estoy chateando|chateo|hablando|escribiendo)\s+con\s+(?:un\s+|una\s+)?(?:robot|bot|chatbot|maquina|persona|humano|alguien real|alguien de verdad|ser humano)|(?:hay|es)\s+(?:una\s+)?(?:persona|humano|alguien)\s+(?:real|de verdad)|o\s+es\s+(?:un\s+)?(?:robot|bot|chatbot|maquina)|(?:me\s+)?(?:contesta|contestando|responde|respondiendo|atiende|atendiendo)\s+(?:un|una)\s+(?:robot|bot|maquina|persona)|(?:quien|que)\s+(?:eres|sos|es usted|eres tu)|con\s+quien\s+(?:hablo|estoy hablando|estoy chateando|tengo el gusto|me comunico)|como\s+(?:te\s+llamas|se\s+llama\s+usted)|cual\s+es\s+tu\s+nombre)\b/;
/** English: "are you a bot", "is this automated", "am I talking to a person", "is there a real person", "who am I talking to?". */
const EN_ASKS =
  /\b(?:(?:are|r)\s+(?:you|u)\s+(?:a\s+|an\s+)?(?:robot|bot|chatbot|machine|ai|human|person|real person|real)|is\s+(?:this|it|that)\s+(?:a\s+|an\s+)?(?:robot|bot|chatbot|machine|ai|automated|real person|human)|am\s+i\s+(?:talking|chatting|speaking)\s+(?:to|with)\s+(?:a\s+|an\s+)?(?:robot|bot|chatbot|machine|ai|human|person|real person|real human)|is\s+there\s+a\s+(?:real\s+)?(?:person|human)|who\s+(?:are\s+you|is\s+this|am\s+i\s+(?:talking|chatting|speaking)\s+(?:to|with))|what\s+(?:is|s)\s+your\s+name|what\s+are\s+you)\b/;
/** A person asked for, not only a question: "pásame con alguien", "no quiero un bot", "can I talk to someone". */
const ASKS_FOR_PERSON =
  /\b(?:pas[ae]n?(?:me)?|comunica(?:me)?|comuniquen(?:me)?|transfier\w*|quiero|queria|prefiero|necesito|no quiero|dame|ponme|puedo hablar|podria hablar|puedo chatear|que me atienda|me atienda|llamen(?:me)?|llamame|can i|could i|may i|let me|i want|i need|i d rather|i would rather|put me|connect me|transfer|i can (?:talk|speak|chat)|not a bot|no un bot|no una maquina)\b/;

/**
 * True when the message asks whether the bot is a person or a machine and asks for no person.
 *
 * @example
 * asksIfBot('eres un robot?'); // true
 * asksIfBot('eres un bot? pásame con alguien'); // false: a person is asked for
 */
export function asksIfBot(text: string): boolean {
  const t = foldAccents(text).replace(/[¿?¡!.,;:"()'’]/g, ' ');
  if (!ES_ASKS.test(t) && !EN_ASKS.test(t)) return false;
  return !ASKS_FOR_PERSON.test(t);
}

/**
 * Readings the bot question may hide behind: a person, nothing understood, the courtesy around it,
 * or a help question (a tenant's informational label: the studio reads "¿eres un robot?" as its "ayuda").
 */
const HIDES_BOT_QUESTION = new Set<string>(['human_agent', 'out_of_scope', 'greeting', 'thanks', INFO_BEHAVIOUR]);

/**
 * Any brain's reading with `asksIfBot` set when its message asks what answers: the rule brain reads
 * it on a request for a person; an LLM's reading, one that understood nothing ("¿esto es
 * automático?" read as out of scope) or the greeting it came with ("hola, esto es automático?": the
 * greeting outweighs the question) gets it here (only those intents are tested: cheap).
 */
export function readingWithBotQuestion<T extends Understanding>(reading: T, text: string): T {
  const intent = reading.nlu.intent.name;
  if (reading.asksIfBot || !HIDES_BOT_QUESTION.has(intent) || !asksIfBot(text)) return reading;
  return { ...reading, asksIfBot: true };
}
