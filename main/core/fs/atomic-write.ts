// Moved to main/core/platform/ (DESIGN.md, "The next shape"); kept so branches written before the move still build.
export * from '../platform/atomic-write.js';
