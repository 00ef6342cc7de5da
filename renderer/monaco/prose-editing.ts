import type { monaco } from './setup';

/**
 * The editor edits prose, not code (issue 8): Tab and Shift+Tab move the focus instead of writing
 * whitespace into a translation (Monaco's tab focus mode), and nothing is typed that the editor did not
 * type: no closing brackets or quotes, no quotes wrapped around a selection (typing `"` over a selection
 * replaces it, as in a word processor), no indentation, no code suggestions.
 */
export const PROSE_EDITING: monaco.editor.IEditorOptions = {
  tabFocusMode: true,
  autoClosingBrackets: 'never',
  autoClosingQuotes: 'never',
  autoClosingOvertype: 'never',
  autoClosingDelete: 'never',
  autoSurround: 'never',
  autoIndent: 'none',
  formatOnType: false,
  formatOnPaste: false,
  quickSuggestions: false,
  suggestOnTriggerCharacters: false,
  acceptSuggestionOnEnter: 'off',
  matchBrackets: 'never',
  guides: { indentation: false, bracketPairs: false },
};
