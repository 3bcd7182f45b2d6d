/**
 * Discontent said in English with nothing of what happened: "this is not what I expected", "you
 * guys messed up", "I have a problem with my order", "the thing I bought doesn't work", "I'm not
 * happy". A clerk asks what happened (and which order) before calling anyone; the English
 * classifier reads most of these as out of scope, a goodbye or even a job question. Spanish has
 * its own readers (`isVagueComplaint`, `ventsAtTheStore`), untouched here.
 */
import { fold } from './text.js';

/** Cheap gate: a word every phrasing below holds. */
const GATE = /\b(?:expected|ordered|paid|messed|screwed|mixed|dropped|wrong|problem|problems|issue|issues|trouble|happy|unhappy|satisfied|dissatisfied|disappointed|work|working|broken)\b/;

const OPENER = String.raw`^(?:(?:hi|hello|hey|um|so|well|look|listen|yeah|ok|okay|guys|honestly|excuse me|sorry)\s+)*`;
const MY_THING = String.raw`(?:my|our|the|this|an|a)\s+(?:order|purchase|delivery|stuff|item|items|thing|things|product|products)`;
const BOUGHT_THING = String.raw`(?:the|this|that|my)\s+(?:thing|stuff|item|product|one)\s+(?:i|we)\s+(?:bought|got|ordered|purchased)(?:\s+(?:from you|from you guys|here|yesterday|last week|today))?`;

const VAGUE = new RegExp(
  OPENER +
    '(?:' +
    [
      // "this is not what I expected", "not what I ordered", "what I got is not what I paid for"
      String.raw`(?:(?:this|that|it|what i got|what you sent|what came|${MY_THING})\s+(?:is|s|was)\s+)?(?:not|nt)\s+what\s+(?:i|we)\s+(?:expected|ordered|asked for|paid for|wanted)`,
      String.raw`(?:this|that|it)\s+(?:isn t|wasn t|is not|was not)\s+what\s+(?:i|we)\s+(?:expected|ordered|asked for|paid for|wanted)`,
      // "you guys messed up", "you messed up my order", "y'all screwed up again", "you dropped the ball"
      String.raw`(?:you|you guys|y all|you all|your (?:store|people|guys|staff|team))\s+(?:really\s+|totally\s+|completely\s+|kind of\s+|have\s+|ve\s+)?(?:messed|screwed|mixed)\s+(?:(?:it|this|that|everything|things|${MY_THING})\s+)?up(?:\s+(?:${MY_THING}|again|big time|badly))?`,
      String.raw`(?:you|you guys|y all|you all)\s+(?:really\s+)?(?:dropped the ball|got (?:it|${MY_THING}) wrong)`,
      // "I have a problem with my order", "there's an issue with my purchase", "something is wrong with my order"
      String.raw`(?:(?:i|we)\s+(?:have|ve got|got|had|have got)|there\s+(?:is|s|was|are)|(?:i|we)\s+(?:m|am|are)\s+having)\s+(?:a|an|some|a little|a big|a small|a serious)?\s*(?:problem|problems|issue|issues|trouble)\s+with\s+(?:${MY_THING}|something (?:i|we) (?:bought|ordered|got)|(?:an|a) (?:order|purchase))`,
      String.raw`(?:there\s+(?:is|s|was)\s+)?(?:something|smth)\s+(?:(?:is|s|was|went)\s+)?wrong\s+with\s+(?:${MY_THING}|something (?:i|we) (?:bought|ordered))`,
      String.raw`${MY_THING}\s+(?:is|was|came|arrived)\s+(?:all\s+)?wrong`,
      // "the thing I bought doesn't work", "the stuff I got is broken"
      String.raw`${BOUGHT_THING}\s+(?:doesn t|does not|didn t|did not|won t|will not|isn t|is not|stopped)\s+(?:work|working)`,
      String.raw`${BOUGHT_THING}\s+(?:is|was|came|arrived)\s+(?:already\s+)?broken`,
      // "I'm not happy", "we're very disappointed with the purchase"
      String.raw`(?:i m|im|i am|we re|we are)\s+(?:(?:really|very|so|pretty|quite|just|not)\s+)*(?:not happy|unhappy|not satisfied|dissatisfied|disappointed)(?:\s+at all)?(?:\s+with\s+(?:${MY_THING}|what i got|it|this|that))?`,
    ].join('|') +
    String.raw`)(?:\s+(?:at all|again|today|honestly|guys|please|pls|man|bro))*$`,
);

/**
 * Whether an English message voices discontent, or trouble with a purchase, and tells nothing of
 * what happened ("I have a problem with my order", "you guys messed up", "I'm not happy").
 */
export function voicesVagueEnglishComplaint(text: string): boolean {
  const f = fold(text)
    .replace(/[^a-z0-9\s]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return GATE.test(f) && f.split(' ').length <= 14 && VAGUE.test(f);
}
