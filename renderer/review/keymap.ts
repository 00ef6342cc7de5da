/**
 * The review view's keys as data, the way VS Code's gotoError contribution (`primary: KeyCode.F8`) and
 * CodeMirror's lintKeymap (`{ key: "F8", run: nextDiagnostic }`) declare theirs: a binding names a key
 * and a command; the view maps commands to what they do; the Settings dialog lists every entry. A new
 * command (the segment workflow's confirm or lock) is one line here and one handler in the view.
 *
 * Keys are written as CodeMirror writes them: modifiers `Mod-` (Ctrl, or ⌘ on a Mac), `Ctrl-`, `Alt-`,
 * `Shift-`, then the key: a letter, a digit, `F1`…`F12`, `Enter`, `Tab`, `.`.
 */

export type ReviewCommand =
  | 'save'
  | 'nextChange'
  | 'previousChange'
  | 'nextProblem'
  | 'previousProblem'
  | 'annotateNeutral'
  | 'annotateMinor'
  | 'annotateMajor'
  | 'annotateCritical'
  | 'nextPane'
  | 'previousPane'
  | 'confirmSegment'
  | 'nextSegment'
  | 'previousSegment'
  | 'nextUnconfirmed'
  | 'toggleLock'
  | 'insertTag';

/** The label of a key in the Settings list: a key of `keys.*` in locales/<lng>/translation.json. */
export type KeyLabel =
  | 'save'
  | 'nextChange'
  | 'previousChange'
  | 'find'
  | 'nextProblem'
  | 'previousProblem'
  | 'quickFix'
  | 'annotate'
  | 'severityInDialog'
  | 'saveAnnotation'
  | 'tabFocus'
  | 'shiftTabFocus'
  | 'nextPane'
  | 'previousPane'
  | 'confirmSegment'
  | 'nextSegment'
  | 'previousSegment'
  | 'nextUnconfirmed'
  | 'toggleLock'
  | 'insertTag';

export interface KeyBinding {
  key: string;
  /** The view's command; absent when the key belongs to the editor or a dialog and is listed only. */
  run?: ReviewCommand;
  label: KeyLabel;
  /** Whether the binding also acts while a dialog is open (default: no, the dialog has the keys). */
  inDialogs?: boolean;
}

export const REVIEW_KEYMAP: readonly KeyBinding[] = [
  { key: 'Mod-s', run: 'save', label: 'save', inDialogs: true },
  { key: 'Alt-F5', run: 'nextChange', label: 'nextChange' },
  { key: 'Shift-Alt-F5', run: 'previousChange', label: 'previousChange' },
  { key: 'Mod-f', label: 'find' },
  { key: 'Mod-h', label: 'find' },
  { key: 'F8', run: 'nextProblem', label: 'nextProblem' },
  { key: 'Shift-F8', run: 'previousProblem', label: 'previousProblem' },
  { key: 'Mod-.', label: 'quickFix' },
  { key: 'Alt-1', run: 'annotateNeutral', label: 'annotate' },
  { key: 'Alt-2', run: 'annotateMinor', label: 'annotate' },
  { key: 'Alt-3', run: 'annotateMajor', label: 'annotate' },
  { key: 'Alt-4', run: 'annotateCritical', label: 'annotate' },
  { key: '1', label: 'severityInDialog' },
  { key: '4', label: 'severityInDialog' },
  { key: 'Mod-Enter', label: 'saveAnnotation' },
  // Monaco's tab focus mode (monaco/prose-editing.ts): the editor never types a tab.
  { key: 'Tab', label: 'tabFocus' },
  { key: 'Shift-Tab', label: 'shiftTabFocus' },
  { key: 'F6', run: 'nextPane', label: 'nextPane' },
  { key: 'Shift-F6', run: 'previousPane', label: 'previousPane' },
  // The segment workflow. Ctrl/Cmd+Enter outside a dialog (inside one it saves the annotation, above);
  // Alt+↑/↓ and Shift+Alt+↓ are Monaco's move/copy line, which prose has no use for; Alt+L is unbound.
  { key: 'Mod-Enter', run: 'confirmSegment', label: 'confirmSegment' },
  { key: 'Alt-ArrowDown', run: 'nextSegment', label: 'nextSegment' },
  { key: 'Alt-ArrowUp', run: 'previousSegment', label: 'previousSegment' },
  { key: 'Shift-Alt-ArrowDown', run: 'nextUnconfirmed', label: 'nextUnconfirmed' },
  { key: 'Alt-l', run: 'toggleLock', label: 'toggleLock' },
  // memoQ's key for "insert next tag" (Trados has Ctrl+Alt+Down); Monaco binds nothing to F9.
  { key: 'F9', run: 'insertTag', label: 'insertTag' },
];

/** What a keydown says about its key (a KeyboardEvent has all of it). */
export type KeyEventLike = Pick<KeyboardEvent, 'key' | 'code' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>;

interface Chord {
  mod: boolean;
  ctrl: boolean;
  alt: boolean;
  shift: boolean;
  key: string;
}

function parse(key: string): Chord {
  const parts = key.split(/-(?!$)/);
  const name = parts.pop()!;
  return { mod: parts.includes('Mod'), ctrl: parts.includes('Ctrl'), alt: parts.includes('Alt'), shift: parts.includes('Shift'), key: name };
}

/** Whether a keydown is this key. Digits match by physical key (Alt+1 types "¡" on a Mac). */
export function matchesKey(key: string, e: KeyEventLike): boolean {
  const c = parse(key);
  const mod = e.ctrlKey || e.metaKey;
  if (c.mod !== mod && !c.ctrl) return false;
  if (c.ctrl && !e.ctrlKey) return false;
  if (c.alt !== e.altKey || c.shift !== e.shiftKey) return false;
  if (/^\d$/.test(c.key)) return e.code === `Digit${c.key}`;
  // Letters with Alt by physical key too: Alt+L types "¬" on a Mac.
  if (c.alt && /^[a-z]$/i.test(c.key) && e.code === `Key${c.key.toUpperCase()}`) return true;
  return c.key.length === 1 ? e.key.toLowerCase() === c.key.toLowerCase() : e.key === c.key;
}

/** The binding with a command for a keydown, if any. */
export function commandFor(e: KeyEventLike, dialogOpen: boolean, keymap: readonly KeyBinding[] = REVIEW_KEYMAP): KeyBinding | undefined {
  return keymap.find((b) => b.run && (!dialogOpen || b.inDialogs) && matchesKey(b.key, e));
}

const ARROWS: Record<string, string> = { ArrowUp: '↑', ArrowDown: '↓', ArrowLeft: '←', ArrowRight: '→' };

/** A key as people read it: "Mod-s" → "Ctrl/⌘ + S". */
export function keyText(key: string): string {
  const c = parse(key);
  const names = [c.mod ? 'Ctrl/⌘' : '', c.ctrl ? 'Ctrl' : '', c.shift ? 'Shift' : '', c.alt ? 'Alt' : '', c.key.length === 1 ? c.key.toUpperCase() : (ARROWS[c.key] ?? c.key)];
  return names.filter(Boolean).join(' + ');
}

/**
 * The keys list of the Settings dialog: one row per label, in keymap order. A run of more than two keys
 * reads as a range ("Alt + 1 … Alt + 4"), and so does a row whose keys are a range's ends ("1 … 4").
 */
export function keysList(keymap: readonly KeyBinding[] = REVIEW_KEYMAP): { label: KeyLabel; keys: string }[] {
  const rows = new Map<KeyLabel, string[]>();
  for (const b of keymap) rows.set(b.label, [...(rows.get(b.label) ?? []), keyText(b.key)]);
  return [...rows].map(([label, keys]) => {
    const range = keys.length > 2 || (keys.length === 2 && /^\d$/.test(keys[0]!) && /^\d$/.test(keys[1]!));
    return { label, keys: range ? `${keys[0]} … ${keys[keys.length - 1]}` : keys.join(', ') };
  });
}
