/**
 * Monaco with only what Calque uses: monaco-editor 0.57 has an exports map, so the old deep
 * `esm/vs/...` imports fail and importing all of it pulls in every language worker (DESIGN.md).
 */
import 'monaco-editor/features/diffEditor/register';
import 'monaco-editor/features/find/register';
import 'monaco-editor/features/codicon/register';
import 'monaco-editor/features/contextmenu/register';
import 'monaco-editor/features/clipboard/register';
import 'monaco-editor/features/hover/register';
import 'monaco-editor/features/wordHighlighter/register';
import 'monaco-editor/features/codeAction/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';

declare global {
  interface Window {
    MonacoEnvironment?: { getWorker(workerId: string, label: string): Worker };
  }
}

window.MonacoEnvironment = { getWorker: () => new EditorWorker() };

export * as monaco from 'monaco-editor/editor';

/** Articles are prose: a text face reads better than Monaco's code font. */
export const PROSE_FONT = "system-ui, -apple-system, 'Segoe UI', 'Noto Sans', 'Noto Sans CJK SC', 'Noto Sans Arabic', sans-serif";

/**
 * Measured wrapping for articles: the estimate assumes a monospace font and wraps prose far too early.
 * Measuring costs a DOM layout per line, so book-length texts (npm run bench: 13 s to show the diff of
 * 200,000 words) keep the estimate.
 */
export function wrappingFor(text: string): 'advanced' | 'simple' {
  return text.length < 150_000 ? 'advanced' : 'simple';
}
