export { alignSentenceLists, alignDocument } from './document.js';
export { DEFAULT_PARAMS, type AlignParams } from './dp.js';
