/**
 * The verbs of putting a fixture in place, heard as one job: a clerk hears "cambiar el lavamanos",
 * "poner un lavamanos", "reemplazar el inodoro" and "replace the toilet" alike (the new one goes in,
 * with what goes with it), whichever of them the catalog's job phrases happen to say. Infinitives
 * (Spanish) and base forms (English), folded.
 */
export const PUT_VERBS: readonly string[] = ['instalar', 'poner', 'colocar', 'cambiar', 'reemplazar', 'sustituir', 'montar', 'install', 'put', 'replace', 'change'];
