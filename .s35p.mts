import * as a from './src/actors/brain/rule/studio-asks.js';
import { asksWhatIsOffered } from './src/actors/brain/rule/signals.js';
const t = process.argv[2]!;
console.log({ fact: a.studioFactAsked(t), owed: a.asksWhatIsOwed(t), men: a.asksMensHaircut(t), kids: a.asksKidsHaircut(t), same: a.asksSameDay(t), end: a.asksPriceEnd(t), plan: a.namesAPlan(t), cur: a.asksCurrency(t), offered: asksWhatIsOffered(t) });
