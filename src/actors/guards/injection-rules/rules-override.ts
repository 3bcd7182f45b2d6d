/**
 * Injection rules: override, reveal, role-play, fake authority, delimiters and internal data.
 */
import type { Rule } from './rule.js';
import { re, near, either, RULES_NOUN, TOLD, OVERRIDE_VERB, DISABLE_VERB, DISABLE_OBJ, REVEAL_VERB } from './vocabulary.js';
import { DATA_REQUEST, AUTHORITY } from './vocabulary-data.js';
import { OVERRIDE_OWN, OVERRIDE_TOLD, FORGET_ALL, NO_RULES, REVEAL, REVEAL_QUESTION, PERSONA, PERSONA_NOW, INTERNAL_DATA } from './patterns.js';

/** A label's warning, not an order: "do not ignore the safety instructions", "no ignore las instrucciones". */
const OVERRIDE_GENERIC = new RegExp(near(String.raw`\b${OVERRIDE_VERB}\b`, String.raw`\b${RULES_NOUN}\b`, 40));
const FROM_NOW_ON = /\b(?:from (?:now|this (?:message|point)) on|de ahora en adelante|a partir de (?:ahora|este mensaje))\b/;
const FROM_NOW_ON_ERRAND = /\b(?:from (?:now|this (?:message|point)) on|de ahora en adelante|a partir de (?:ahora|este mensaje))\b,?(?: please| por favor)? (?:mandame|mandenme|send me|send|envia(?:me|nme)?|deliver|entrega(?:me|nme)?|llama(?:me|nme)?|call me|escribe(?:me|nme)|write (?:to )?me|contact|contacta(?:me|nme)|quiero|i want|i'?ll|voy a|el que|la que|who|my \w+ will|mi \w+ va a|receive|recibe|pickup|pick up)\b/;
/** "the developer mode on the smart thermostat": a device's mode, not the assistant's. */
const DEVICE_MODE = /\bmode (?:on|of|in) (?:the|my|this|your|a) (?:\w+ )?(?:thermostat|phone|cellphone|laptop|computer|tablet|tv|router|inverter|camera|printer|drill|generator|washer|dryer|ac|controller|app|device|unit|panel)\b|\bmodo \w+ (?:del|de la|de mi|en el|en la|en mi) (?:\w+ )?(?:termostato|telefono|celular|movil|computadora|laptop|tablet|televisor|router|inversor|camara|impresora|taladro|generador|lavadora|secadora|aire|control|app|aparato|equipo|panel)\b/;
const NOT_IGNORE = /\b(?:do not|don'?t|never|no|nunca) (?:ignore|ignores|ignoren|ignorar|olvide|olvides|forget|skip|omita|omitas)\b (?:the |las |los |estas |these )?(?:safety |seguridad |security )?(?:instructions|instrucciones|warnings|advertencias)\b/;

/**
 * The writer's own role is not a persona given to the assistant: "I act as site supervisor",
 * "I play the role of buyer", "yo hago de encargado de compras".
 */
const OWN_ROLE = /\b(?:i|we|yo|nosotros)(?: also| usually| normally| sometimes|'m| am| are)? (?:act(?:ing)? as|play(?:ing)? the role of|serve as|hago de|hacemos de|actuo como|actuamos como|trabajo como|funjo como)\b/g;
const withoutOwnRole = (t: string): string => t.replace(OWN_ROLE, ' ');
const ROLEPLAY =
  /\b(?:pretend (?:to be|you are|you're|that you)|role-?play(?:ing)? as|play the role of|let'?s play a game|take on the role|assume the role|pose as|impersonate|finge (?:que eres|ser|que no tienes)|fingir que eres|haz de cuenta que (?:eres|no tienes)|haz como si (?:fueras|no tuvieras)|imaginate que eres|imagina que (?:eres|no tienes|fueras)|hazte pasar por|asume el (?:rol|papel)|juguemos a que|vamos a jugar a que|comportate como (?:si fueras|el|la|un|una)|simula (?:ser|que eres))\b/;

export const OVERRIDE_RULES: Rule[] = [
  // ---- override: drop the assistant's instructions -------------------------------------------
  {
    signal: 'override_instructions',
    category: 'override',
    weight: 0.75,
    // "WARNING - do not ignore the safety instructions" (a product label) is not an override.
    test: (t) => (OVERRIDE_OWN.test(t) && !NOT_IGNORE.test(t)) || OVERRIDE_TOLD.test(t) || FORGET_ALL.test(t),
  },
  { signal: 'override_generic', category: 'override', weight: 0.35, test: (t) => OVERRIDE_GENERIC.test(t) && !NOT_IGNORE.test(t) },
  {
    // "Ignora lo anterior y …", "disregard the above": ambiguous alone (a correction says it too).
    signal: 'override_previous',
    category: 'override',
    weight: 0.25,
    test: re(/\b(?:ignora|olvida|olvidate de|descarta|ignore|disregard|forget)\b (?:todo )?(?:lo anterior|lo de arriba|everything above|the above|all of the above|all that|todo eso)\b/),
  },
  {
    signal: 'rules_void',
    category: 'override',
    weight: 0.75,
    test: re(
      new RegExp(
        String.raw`\b(?:your|tus|tu|the|las|los) (?:previous |old |current |original |prior |anteriores? )?${RULES_NOUN}(?: anteriores| previas| originales)? (?:ya no (?:valen|aplican|cuentan|importan|sirven|existen|rigen)|(?:no longer|don'?t|do not) (?:apply|count|matter|exist)|(?:are|is) (?:now )?(?:void|cancell?ed|outdated|obsolete|invalid|suspended|disabled|lifted|revoked|null)|(?:quedan|estan|fueron) (?:anuladas|sin efecto|canceladas|suspendidas|desactivadas|revocadas))`,
      ),
    ),
  },
  {
    signal: 'dismiss_rules',
    category: 'override',
    weight: 0.45,
    test: re(new RegExp(String.raw`\b(?:no te preocupes (?:por|de)|don'?t (?:worry|care) about|never mind|no (?:importan|importa)|who cares about|a quien le importan)\b (?:las |the |tus |your |esas |those )?(?:${RULES_NOUN})\b`)),
  },
  {
    signal: 'void_previous',
    category: 'override',
    weight: 0.3,
    test: re(/\b(?:everything|all|todo|lo)\b (?:(?:written |escrito )?(?:before|above|prior to)|lo anterior|anterior|de arriba|antes)\b[^.!?\n]{0,20}\b(?:is|are|was|queda|quedo|esta|fue)\s(?:now )?(?:cancel\w*|void|null|invalid|anulad\w*|sin efecto|borrad\w*|deleted|revoked|obsolete|irrelevant|irrelevante)\b/),
  },
  {
    signal: 'replace_rules',
    category: 'override',
    weight: 0.6,
    test: re(new RegExp(String.raw`\b(?:sustituye|reemplaza|cambia|replace|swap|substitute|change|update|actualiza|modifica|overwrite|sobrescribe|rewrite|reescribe)\b (?:tus|your|sus|its) (?:${RULES_NOUN})\b`)),
  },
  {
    signal: 'disable_safety',
    category: 'override',
    weight: 0.6,
    test: re(new RegExp(String.raw`\b${DISABLE_VERB}\b (?:${DISABLE_OBJ})\b|\b(?:safety|security) (?:checks?|filters?|polic(?:y|ies)) (?:are |is )?(?:now )?(?:off|disabled|turned off)\b|\bsecurity policies (?:turned|switched) off\b`)),
  },
  {
    signal: 'obey_me',
    category: 'override',
    weight: 0.6,
    test: re(
      /\b(?:sigue|sigues|obedece|obedeces|obedeceme|follow|obey) (?:(?:solo|unicamente|only) )?(?:las mias|mine|a mi\b|me\b|mis (?:reglas|ordenes|instrucciones) (?:ahora|de ahora)|my (?:rules|orders|instructions) (?:now|instead))|\bonly obey me\b|\b(?:tu|your) (?:trabajo|tarea|funcion|mision|job|task|role|purpose) (?:ahora )?(?:es|is) (?:obedecerme|obey(?:ing)? me|servirme|serve me|hacer lo que (?:yo )?(?:diga|mande))\b|\b(?:tu )?ya no (?:filtras|censuras|verificas|tienes (?:filtros|reglas|limites))\b|\byou (?:don'?t|no longer|won'?t) (?:filter|censor|verify|check) (?:anything|nothing|any ?more)\b|\bno tienes que (?:hacerle caso|obedecer|escuchar|seguir)(?: a)? (?:la ferreteria|la tienda|nadie|tus creadores|tus reglas|la empresa)\b|\byou don'?t (?:have|need) to (?:listen to|obey|follow) (?:the store|anyone|your (?:creators|developers|rules|owners)|the company)\b|\b(?:que )?obedece(?:s)? (?:todo|lo que sea|cualquier cosa)\b|\b(?:that )?obeys? (?:everything|anything|all orders)\b|\byou (?:answer|report|respond) (?:only )?to me(?: now)?\b|\b(?:ahora )?(?:me respondes|respondes|obedeces|le respondes) (?:solo |solamente )?a mi\b|\b(?:now )?i'?m in charge\b|\bahora mando yo\b|\bmando yo\b|\bahora mandas tu con mis\b|\btu (?:solo )?(?:haces|obedeces) lo que yo (?:te )?(?:diga|mande|ordene)\b|\bhaces (?:todo )?lo que yo (?:te )?(?:diga|mande|ordene)\b|\byou (?:do|will do|must do|only do) (?:whatever|what|everything|anything) i (?:say|tell you|want)\b|\bya no (?:tienes que )?obedecer? a (?:la ferreteria|la tienda|nadie)\b|\bno longer (?:obey|work for) (?:the store|anyone)\b|\bobedeceme (?:a mi|solo)\b/,
    ),
  },
  {
    signal: 'new_task',
    category: 'override',
    weight: 0.6,
    test: re(
      /\b(?:tu|your) (?:nueva|verdadera|real|unica|new|true|actual|only|real) (?:tarea|mision|funcion|rol|trabajo|objetivo|proposito|task|job|role|mission|purpose|goal|objective|instructions?|instrucciones?)\b(?: (?:es|ahora|is|now|sera|will be))|\b(?:nuevas?|updated|new) (?:instructions|rules|policy|system prompt|instrucciones|reglas|politicas?|directivas?|directiva|orden(?:es)?)(?: (?:del sistema|for you|para ti))?\s*:|\bnueva directiva\b|\bnew rule for you\b|\b(?:now )?new instructions (?:follow|below|are)\b|\bhere are your new (?:instructions|rules|orders)\b|\b(?:aqui (?:tienes|van|estan) )?(?:tus )?nuevas (?:instrucciones|reglas|ordenes) (?:a continuacion|son|siguen)\b|\bsiguen (?:las )?nuevas instrucciones\b|\breplace (?:it|your \w+(?: \w+)?) with\b/,
    ),
  },
  {
    signal: 'from_now_on',
    category: 'override',
    weight: 0.6,
    test: re(
      /\b(?:from (?:now|this (?:message|point|moment)|here) on(?: out)?|starting now|de aqui en adelante|henceforth|de ahora en adelante|a partir de (?:ahora|este (?:mensaje|momento|punto))|desde (?:ahora|este momento)),? (?:you\b|respond|answer|reply|only|always|obey|act|behave|speak|talk|tu\b|respondes|responderas|responde\b|contestas|contesta\b|obedeces|obedece\b|haces|eres|seras|vas a|solo|siempre|actuas|hablas|debes|trabajas|todos? (?:los productos|es gratis))/,
    ),
  },
  {
    // "A partir de ahora…" is weak alone; about where to send things or who receives them it is a customer's preference.
    signal: 'from_now_on_weak',
    category: 'override',
    weight: 0.2,
    test: (t) => FROM_NOW_ON.test(t) && !FROM_NOW_ON_ERRAND.test(t),
  },
  {
    signal: 'respond_only_as',
    category: 'roleplay',
    weight: 0.45,
    test: re(/\b(?:respond|answer|reply|speak) only (?:as|with the contents|in character)|\bresponde(?:s)? solo (?:como|con el contenido)|\b(?:respond|answer|reply|speak|talk|responde|contesta|habla)(?:me|s)? (?:sin|without) (?:any |ningun )?(?:filtros?|filters?|restricciones|restrictions|reglas|rules|censura|censorship|politicas|policies|limites|limits)/),
  },

  // ---- reveal: show the assistant's prompt or rules -------------------------------------------
  { signal: 'reveal_prompt', category: 'reveal', weight: 0.75, test: (t) => REVEAL.test(t) || REVEAL_QUESTION.test(t) },
  { signal: 'mentions_prompt', category: 'reveal', weight: 0.25, test: re(/\b(?:system prompt|prompt del sistema|mensaje del sistema|system message|developer message|instrucciones del sistema|system instructions|hidden instructions|instrucciones ocultas|instrucciones secretas|secret instructions|tu prompt|your prompt)\b/) },
  { signal: 'self_setup', category: 'reveal', weight: 0.2, test: re(new RegExp(String.raw`\b${TOLD}\b`)) },

  // ---- role-play and persona switches ----------------------------------------------------------
  {
    // "Eres Juanito, el empleado nuevo…": a persona given a name and a role.
    signal: 'named_persona',
    category: 'roleplay',
    weight: 0.5,
    test: (t, original) => /(?:^|[.!?]\s*)(?:[Ee]res|[Tt]u eres|[Yy]ou are|[Yy]ou're|[Yy]our name is|[Tt]e llamas) ["'“]?\p{Lu}\p{Ll}+["'”]?,/u.test(original) || /\b(?:que no (?:conoce|sabe|tiene|sigue) (?:las |ninguna )?(?:reglas|politicas|normas|restricciones)|who (?:doesn'?t|does not) (?:know|have|follow) (?:the |any )?(?:rules|policies|restrictions))\b/.test(t),
  },
  {
    signal: 'cost_price_request',
    category: 'data_exfiltration',
    weight: 0.25,
    test: re(/\b(?:dame|dime|pasame|muestrame|give me|tell me|show me|send me)\b[^.!?\n]{0,15}\b(?:(?:los |el |the )?precios? de costo|cost prices?|(?:el )?costo real|(?:the )?real cost|what (?:you|the store) pays?)\b/),
  },
  {
    signal: 'simulation',
    category: 'roleplay',
    weight: 0.5,
    test: re(/\b(?:simula(?:te)?|simulemos|imagina|imagine|escribe|write|inventa|make up)\b (?:una |a |an )?(?:conversa(?:tion|cion)|dialogo|dialogue|chat|escena|scene|historia|story)\b[^.!?\n]{0,40}\b(?:bot|asistente|assistant|ia|ai|chatbot|tu|you)\b/),
  },
  {
    signal: 'permission_to_break',
    category: 'override',
    weight: 0.6,
    test: re(new RegExp(String.raw`\b(?:te doy permiso|tienes mi permiso|i give you permission|you have my permission|i authori[sz]e you|te autorizo|(?:ya )?puedes (?:ignorar|saltarte|romper|olvidar|desobedecer)|you (?:can|may) (?:now )?(?:ignore|break|skip|bypass|forget|disobey))\b[^.!?\n]{0,40}\b(?:${RULES_NOUN})\b|\b(?:${RULES_NOUN})\b[^.!?\n]{0,30}\b(?:te doy permiso|i give you permission|tienes mi permiso|you have my permission)\b`)),
  },
  {
    signal: 'act_as_someone',
    category: 'roleplay',
    weight: 0.6,
    test: re(/\b(?:i (?:want|need) you to|you (?:will|must|should) now|quiero que|necesito que|vas a|tienes que)\s(?:act|be|play|behave|pretend|become|actues|seas|hagas de|finjas|te comportes|te conviertas en)\s(?:as |like |como |en )?(?:the |an? |el |la |un |una |mi |my )(?!(?:favor|hurry|prisa)\b)\w+/),
  },
  { signal: 'persona_switch', category: 'roleplay', weight: 0.6, test: (t) => PERSONA.test(withoutOwnRole(t)) || PERSONA_NOW.test(withoutOwnRole(t)) },
  {
    signal: 'roleplay',
    category: 'roleplay',
    weight: 0.3,
    test: (t) => ROLEPLAY.test(withoutOwnRole(t)),
  },
  { signal: 'no_restrictions', category: 'roleplay', weight: 0.35, test: re(NO_RULES) },
  {
    signal: 'unrestricted_ai',
    category: 'roleplay',
    weight: 0.6,
    test: re(/\b(?:ia|ai|bot|chatbot|model|modelo|asistente|assistant|llm)\b (?:(?:with|con|that has|que tiene) (?:zero|no|cero|ninguna|sin)|sin|without|que no tiene|that has no|with no)\b ?(?:any |ninguna |tipo de )?(?:restrictions|rules|filters|limits|limitations|censorship|restricciones|reglas|filtros|limites|censura|politicas|policies|guidelines)\b/),
  },
  {
    signal: 'imagine_no_rules',
    category: 'roleplay',
    weight: 0.6,
    test: re(new RegExp(near(String.raw`\b(?:imagin\w*|pretend|suppose|supon|finge|fingir|haz de cuenta|haz como si|act as if|actua como si|comportate como si|let'?s say)\b`, near(String.raw`\b(?:no tienes|no tuvieras|no tenias|you have no|you had no|you don'?t have|you didn'?t have|without|sin|no hay|there are no)\b`, String.raw`\b${RULES_NOUN}`, 20), 25))),
  },
  { signal: 'jailbreak_term', category: 'roleplay', weight: 0.6, test: re(/\bjailbr(?:eak|oken)|\bdo anything now\b|\bsystem override\b(?!\S* (?:switch|button|panel|valve|key|lever|relay|breaker|control|active|light|mode on the))|\badmin override\b|\bgod mode\b|\bpwned\b|\bdan mode\b|\bmodo dan\b/) },
  { signal: 'dan', category: 'roleplay', weight: 0.45, test: (_t, original) => /\b(?:DAN|STAN|DUDE|AIM)\b/.test(original) },
  {
    // A mention alone ("I'm in debug mode with my plumbing") is not an instruction.
    signal: 'privileged_mode',
    category: 'roleplay',
    weight: 0.25,
    test: (t) => !DEVICE_MODE.test(t) && re(/\b(?:developer|debug|admin|god|dev|maintenance|root|sudo|unrestricted|jailbreak|test(?:ing)?|diagnostic) mode\b|\bmodo (?:desarrollador|depuracion|de depuracion|administrador|admin|dios|mantenimiento|libre|sin restricciones|prueba|root|sudo|diagnostico)\b/)(t),
  },
  {
    signal: 'enter_privileged_mode',
    category: 'roleplay',
    weight: 0.75,
    test: (t) => !DEVICE_MODE.test(t) && re(
      /\b(?:enter|entering|activate|activating|enable|switch to|go into|answer in|respond in|turn on|now in)\b[^.!?\n]{0,20}\b(?:developer|debug|admin|god|dev|maintenance|root|sudo|unrestricted|diagnostic) mode\b|\b(?:entra|entrar|entrando|activa|activar|activado|pasa|cambia|responde|contesta|estas|hablemos|hablame|habla|ponte)\b[^.!?\n]{0,15}\bmodo (?:desarrollador|depuracion|de depuracion|administrador|admin|dios|mantenimiento|libre|sin restricciones|sin censura|sin filtros?|root|sudo|dan)\b|\b(?:uncensored|unfiltered|unrestricted|jailbreak|no-?filter) mode\b|\bmodo (?:dan|dios|desarrollador|administrador) (?:activado|activo|on)\b|\b(?:developer|debug|admin|god|maintenance) mode (?:on|enabled|activated)\b/,
    )(t),
  },

  // ---- fake system / admin messages and authority claims -------------------------------------
  {
    signal: 'fake_system_message',
    category: 'fake_authority',
    weight: 0.6,
    test: re(
      new RegExp(
        String.raw`(?:^|\n|[.!?]\s)\s*[\[(<{#*=\-]{1,4}\s*${AUTHORITY}(?:\s+(?:override|note|notice|message|update|alert|mode|command|instruction|instructions|directive|nota|aviso|mensaje|orden|alerta|instruccion|directiva))?\s*[\])>}#*=\-]{1,4}|(?:^|\n|[.!?]\s)\s*(?:${AUTHORITY})(?:\s+(?:override|note|notice|message|update|alert|command|instruction|nota|aviso|mensaje|orden|alerta|instruccion))?\s*:|\b(?:mensaje|aviso|nota|orden|alerta|comunicado|instruccion|directiva)(?: (?:directa|oficial|urgente|importante))? (?:del|de la|de|desde el|desde la) (?:${AUTHORITY})\b|\b(?:official|urgent|important) (?:message|notice|note|order) from (?:the )?(?:${AUTHORITY})\b|\b(?:openai|anthropic|hilo|system|admin|security) (?:policy |security |system )?(?:update|notice|announcement|directive)\s*:|\b(?:message|notice|note|order|alert|instruction|directive|command) from (?:the )?(?:${AUTHORITY})\b|\b(?:system|admin|administrator|developer|security|maintenance|management) (?:notice|message|note|override|alert|announcement|directive|command)\b(?!\S* (?:switch|button|panel|valve|key|lever|relay|breaker|active|light)\b)|\b(?:developer|admin|dev|tech support|soporte tecnico(?: de hilo)?|el desarrollador|el administrador) (?:here|aqui)\b|\b(?:attention|atencion|atention) (?:bot|assistant|asistente|ai|ia|model|modelo)\b|\border from (?:corporate|management|the owner|headquarters)\b|\b(?:alerta de seguridad|security alert|security warning|aviso de seguridad|actualizacion del sistema|system update)\b\s*(?:v?\d+(?:\.\d+)*)?\s*:|\b(?:approved|authori[sz]ed|signed off|cleared) by (?:the )?(?:system )?(?:admin|administrator|management|developers?|owner|security team)\b|\b(?:aprobad[oa]|autorizad[oa]) por (?:el |la )?(?:administrador|administradora|gerente|gerencia|dueno|duena|desarrollador|equipo de seguridad)(?: del sistema)?\b|(?:^|\n)\s*\[\[\s*\w+(?: \w+)?\s*\]\]|\b(?:este mensaje|this message) (?:viene|es|proviene|comes|is)(?: directamente)? (?:del|de la|de|from the|from)(?: (?:equipo|team|departamento|department))?(?: de| of)? (?:${AUTHORITY})\b|\b(?:mensaje|message|notificacion|notification|aviso|notice)(?: automatic[oa]| automated| automatic)? (?:del|de|from the|from) (?:sistema|system)\b|\b(?:automated|automatic) system (?:message|notice)\b|\bend of (?:user|customer) (?:message|input)\b|\bfin del mensaje del (?:cliente|usuario)\b|\borden (?:directa )?(?:de|del) (?:gerencia|dueno|la gerencia|administracion)\b`,
      ),
    ),
  },
  {
    signal: 'hidden_instruction',
    category: 'fake_authority',
    weight: 0.6,
    test: re(
      /\b(?:note|message|instructions?|p\.?s\.?|reminder|order) (?:to|for) (?:the |this )?(?:assistant|ai|bot|model|llm|chatbot|agent)\b|\b(?:nota|mensaje|instrucci(?:on|ones)|p\.?d\.?|recordatorio|orden) (?:para|al|a la) (?:el |la )?(?:asistente|bot|ia|modelo|chatbot|agente|ai)\b|\b(?:internal|hidden|secret|system) (?:note|instruction|command|directive)s?\b|\b(?:nota|instruccion|orden|comando|directiva)(?:es)? (?:interna|oculta|secreta|del sistema)s?\b|(?:^|[.!?,(\[]\s*)(?:assistant|asistente|bot|ai|ia|chatbot)\s*[:,]\s*(?:ignore|disregard|forget|reveal|show|print|set|apply|olvida|ignora|revela|muestra|pon|aplica|desactiva|disable|approve|aprueba|tell|dile|diles|responde|answer|reply|say|di|give|dale|dales)/,
    ),
  },
  {
    signal: 'instruction_label',
    category: 'fake_authority',
    weight: 0.45,
    test: re(/(?:^|[.!?]\s*)(?:instruccion|instrucciones|instruction|instructions|comando|command|task|tarea|directiva|directive|prompt|ejecuta|execute|run|sudo)\s*:/),
  },
  {
    signal: 'output_manipulation',
    category: 'override',
    weight: 0.75,
    test: re(
      /\b(?:a|en) (?:todas|cada una de) (?:tus|las) respuestas\b|\ben (?:cada|todas (?:tus|las)) respuestas?\b[^.!?\n]{0,30}\b(?:agrega|anade|incluye|pon|di|menciona|escribe)|\b(?:to|in|at the end of) (?:all|every|each) (?:of )?(?:your )?(?:replies|answers|responses|messages)\b|\b(?:add|append|include|insert) [^.!?\n]{0,40}\b(?:to|in) (?:all|every|each) (?:of )?(?:your )?(?:replies|answers|responses)\b/,
    ),
  },
  {
    signal: 'reset_persona',
    category: 'override',
    weight: 0.6,
    test: re(
      /\b(?:reset|resetea|reinicia|restart|reboot|wipe|borra|clear|limpia|formatea)\b (?:yourself|tu memoria|your memory|your context|tu contexto|tu personalidad|your persona|your personality|tu configuracion|your configuration|te)\b|\b(?:drop|break|leave|exit|quit|salte del|sal del|abandona|rompe|deja) (?:the |your |el |tu )?(?:\w+ )?(?:persona|character|personaje)\b|\bfactory settings\b[^.!?\n]{0,20}\b(?:yourself|you|persona)\b|\b(?:ignore|ignora|forget|olvida|bypass) (?:the|el|la) (?:system|sistema|store|tienda|ferreteria|company|empresa)\b/,
    ),
  },
  {
    signal: 'instructions_discredited',
    category: 'override',
    weight: 0.75,
    test: re(
      /\b(?:instrucciones|reglas|instructions|rules|prompt|guidelines|lo que te (?:dijo|dijeron) (?:\w+ ){0,2}?\w+)\b(?: (?:de arriba|anteriores|previas|above|previous|earlier|original(?:es)?))?[^.!?\n]{0,20}\b(?:eran|era|son|es|were|was|are|is)(?: solo| just| only)? (?:una prueba|un test|mentira|falsas?|falsos?|a test|fake|a lie|lies|false|void|un ejemplo|an example|a joke|una broma)\b|\b(?:the )?real (?:instructions|rules|task|orders)(?: are| is)?\s*:|\blas (?:instrucciones |reglas |ordenes )?(?:reales|verdaderas) son\b|\btodo lo que te (?:dijo|dijeron) (?:\w+ ){0,3}?es mentira\b/,
    ),
  },
  {
    signal: 'permission_grant',
    category: 'fake_authority',
    weight: 0.45,
    test: re(
      /\byou are now (?:allowed|permitted|authori[sz]ed|cleared)\b|\b(?:assistants|bots|you|the assistant) (?:may|can) now (?:share|reveal|give|ignore|disclose|bypass)\b|\bahora (?:tienes permitido|estas autorizado|puedes (?:compartir|revelar|dar los datos|ignorar|saltarte))\b|\b(?:policy|security|system) update\s*:/,
    ),
  },
  {
    signal: 'authority_claim',
    category: 'fake_authority',
    weight: 0.3,
    test: re(
      /\b(?:the )?(?:current )?user (?:is|has been) (?:an? )?(?:admin|administrator|manager|verified|staff|developer|owner|authori[sz]ed|employee|superuser|vip)|\b(?:the )?user has (?:admin|manager|full|root|developer) (?:permissions|access|rights|privileges)|\bel (?:usuario|cliente) (?:actual )?(?:es|esta|tiene|fue) (?:un |el )?(?:administrador|admin|gerente|verificado|empleado|staff|vip|dueno|desarrollador|permisos|acceso total|autorizado)|\b(?:este|this) (?:cliente|customer|user|usuario) (?:es|is|esta) (?:vip|staff|verificado|verified|an employee|empleado|admin)|\b(?:the )?(?:manager|owner|boss|admin|corporate|store owner) (?:authori[sz]ed|approved|said (?:so|yes|it'?s fine)|says you must|ordered|wants you to)|\bel (?:dueno|gerente|jefe|administrador|encargado) (?:ya )?(?:lo |me lo )?(?:aprobo|autorizo|ordeno|dijo que si|dice que debes|quiere que)|\blo (?:aprobo|autorizo|ordeno) (?:el|la) (?:gerente|dueno|duena|gerencia|jefe)|\b(?:eres|you are|you're) (?:el|la|the) (?:administrador|admin|administrator|developer|programador|desarrollador)\b|\b(?:nivel de )?acceso (?:de |nivel )?(?:gerente|administrador|admin|total|root)\b|\b(?:manager|admin|administrator|root|full|staff)[- ]level access\b|\b(?:i am|i'm) the (?:developer|programmer|admin|administrator|creator|owner) of (?:this|the|you) ?(?:bot|assistant|ai|chat|system|model)?|\bsoy (?:el|la|tu) (?:programador|programadora|desarrollador|desarrolladora|administrador|administradora|creador|creadora) (?:de este|del|de esta|de ti)(?! (?:condominio|edificio|residencial|proyecto|colmado|negocio|local|almacen|taller|hotel|restaurante|banco|club|colegio|hospital|ayuntamiento)\b)/,
    ),
  },
  {
    signal: 'internal_data',
    category: 'data_exfiltration',
    weight: 0.45,
    test: re(INTERNAL_DATA),
  },
  {
    signal: 'internal_data_request',
    category: 'data_exfiltration',
    weight: 0.75,
    test: re(new RegExp(either(String.raw`\b(?:${DATA_REQUEST}|${REVEAL_VERB}|include|incluye|agrega|add|imprime|print|lee(?:me)?|read)\b`, INTERNAL_DATA.source, 40))),
  },
  {
    signal: 'credentials',
    category: 'data_exfiltration',
    weight: 0.6,
    test: re(
      /\b(?:admin|administrator|administrador|store'?s?|system|sistema|database|base de datos|tienda|api|root|server|servidor)(?: \w+)? (?:passwords?|contrasenas?|claves?|credentials|credenciales|api keys?|tokens?|secrets?)\b|\b(?:passwords?|contrasenas?|claves|credenciales|credentials|api keys?) (?:del|de la|of the|for the) (?:admin|administrador|sistema|tienda|store|system|database|base|servidor|server)\b|\b(?:dime|dame|pasame|tell me|give me|show me)\b[^.!?\n]{0,20}\b(?:las claves|las contrasenas|the passwords|the credentials|las credenciales|the api key)\b/,
    ),
  },

];
