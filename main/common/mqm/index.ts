export * from './typology.js';
export * from './scoring.js';
export * from './tsv.js';
export * from './profile.js';
