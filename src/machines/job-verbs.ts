/**
 * The verbs of the everyday jobs of a hardware store, read to their infinitive: shared by the job
 * told as a plan (`job-told.ts`), the job priced by its size (`job-questions.ts`) and the opening's
 * job (`opening-job.ts`). No imports: every reader of jobs may use it.
 */

/**
 * The verbs of the everyday jobs of a hardware store, as their infinitive (Spanish) or base form
 * (English); gerunds are read to them. Painting is not here: a paint job told has its own answer
 * (`tellsPaintJobOnly`, the colours and the square metres).
 */
export const JOB_VERBS: ReadonlySet<string> = new Set([
  'levantar', 'hacer', 'construir', 'techar', 'enchapar', 'pegar', 'poner', 'instalar', 'cambiar', 'arreglar', 'reparar', 'vaciar', 'echar',
  'hechar', 'colocar', 'montar', 'impermeabilizar', 'sellar', 'resanar', 'cortar', 'destapar', 'fijar', 'soldar', 'taladrar', 'reemplazar', 'tirar',
  'colgar', 'guindar', 'hang', 'cablear', 'alambrar', 'wire', 'rewire', 'panetar', 'empanetar', 'panetear', 'repellar', 'plaster',
  'build', 'tile', 'lay', 'install', 'replace', 'change', 'fix', 'repair', 'roof', 'put', 'pour', 'seal', 'waterproof', 'patch', 'cut', 'unclog', 'set',
]);

/** "levantando" → "levantar", "haciendo" → "hacer", "construyendo" → "construir", "building" → "build", "tiling" → "tile". */
export function infinitive(word: string): string {
  if (word.endsWith('ando')) return `${word.slice(0, -4)}ar`;
  if (word.endsWith('yendo')) return `${word.slice(0, -5)}ir`;
  if (word.endsWith('iendo')) return `${word.slice(0, -5)}er`;
  if (!word.endsWith('ing') || word.length < 6) return word;
  const stem = word.slice(0, -3);
  if (/([bdgmnprt])\1$/.test(stem)) return stem.slice(0, -1); // "putting" → "put"
  return JOB_VERBS.has(`${stem}e`) ? `${stem}e` : stem; // "tiling" → "tile", "building" → "build"
}

/** The everyday job a verb names, as its infinitive ("arreglando" → "arreglar"), or null: painting is not one here (see `JOB_VERBS`). */
export function jobVerbOf(word: string): string | null {
  const verb = infinitive(word);
  return JOB_VERBS.has(verb) ? verb : null;
}

