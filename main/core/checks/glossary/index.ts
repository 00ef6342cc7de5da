/** Glossary readers: CSV/TSV and TBX. */
export { readCsvGlossary, parseDelimited } from './csv.js';
export { readTbxGlossary } from './tbx.js';
export { parseXml } from './xml.js';
