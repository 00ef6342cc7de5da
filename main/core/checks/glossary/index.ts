/** Glossary readers: CSV/TSV and TBX, with limits; the term index the glossary check matches with. */
export { readCsvGlossary, parseDelimited } from './csv.js';
export { readTbxGlossary } from './tbx.js';
export { parseXml } from './xml.js';
export { readGlossaryFile, parseGlossary } from './load.js';
export { GLOSSARY_LIMITS } from './limits.js';
export { candidateEntries, glossaryIndex, type GlossaryIndex } from './term-index.js';
