import { describe, expect, it } from 'vitest';
import { commandFor, keysList, keyText, matchesKey, REVIEW_KEYMAP } from '../../renderer/review/keymap';

const key = (k: string, code: string, mods: Partial<Record<'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey', boolean>> = {}) =>
  ({ key: k, code, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...mods }) as KeyboardEvent;

describe('review keymap', () => {
  it('matches keys with exactly their modifiers', () => {
    expect(matchesKey('F8', key('F8', 'F8'))).toBe(true);
    expect(matchesKey('F8', key('F8', 'F8', { shiftKey: true }))).toBe(false);
    expect(matchesKey('Shift-F8', key('F8', 'F8', { shiftKey: true }))).toBe(true);
    expect(matchesKey('Mod-s', key('s', 'KeyS', { ctrlKey: true }))).toBe(true);
    expect(matchesKey('Mod-s', key('S', 'KeyS', { metaKey: true }))).toBe(true);
    expect(matchesKey('Mod-s', key('s', 'KeyS', { ctrlKey: true, altKey: true }))).toBe(false);
    // Alt+1 types "¡" on a Mac keyboard: digits go by the physical key.
    expect(matchesKey('Alt-1', key('¡', 'Digit1', { altKey: true }))).toBe(true);
    expect(matchesKey('Alt-1', key('1', 'Numpad1', { altKey: true }))).toBe(false);
  });

  it('finds the command of a keydown, and leaves dialogs their keys', () => {
    expect(commandFor(key('F6', 'F6'), false)?.run).toBe('nextPane');
    expect(commandFor(key('F6', 'F6', { shiftKey: true }), false)?.run).toBe('previousPane');
    expect(commandFor(key('3', 'Digit3', { altKey: true }), false)?.run).toBe('annotateMajor');
    expect(commandFor(key('3', 'Digit3', { altKey: true }), true)).toBeUndefined();
    expect(commandFor(key('s', 'KeyS', { ctrlKey: true }), true)?.run).toBe('save');
    // Tab is Monaco's (tab focus mode): listed, never taken from the browser.
    expect(commandFor(key('Tab', 'Tab'), false)).toBeUndefined();
  });

  it('lists every label once, in keymap order, as people read the keys', () => {
    const list = keysList();
    expect(new Set(list.map((r) => r.label)).size).toBe(list.length);
    expect(new Set(REVIEW_KEYMAP.map((b) => b.label))).toEqual(new Set(list.map((r) => r.label)));
    expect(list.find((r) => r.label === 'annotate')?.keys).toBe('Alt + 1 … Alt + 4');
    expect(list.find((r) => r.label === 'severityInDialog')?.keys).toBe('1 … 4');
    expect(list.find((r) => r.label === 'find')?.keys).toBe('Ctrl/⌘ + F, Ctrl/⌘ + H');
    expect(keyText('Shift-Alt-F5')).toBe('Shift + Alt + F5');
  });
});

describe('the segment keys', () => {
  it('confirm with Ctrl/Cmd+Enter outside dialogs only, and no key of the segment workflow is bound twice', () => {
    expect(commandFor(key('Enter', 'Enter', { ctrlKey: true }), false)?.run).toBe('confirmSegment');
    expect(commandFor(key('Enter', 'Enter', { metaKey: true }), false)?.run).toBe('confirmSegment');
    // In the annotation dialog Ctrl+Enter saves the annotation: the view must not take it.
    expect(commandFor(key('Enter', 'Enter', { ctrlKey: true }), true)).toBeUndefined();
    expect(commandFor(key('ArrowDown', 'ArrowDown', { altKey: true }), false)?.run).toBe('nextSegment');
    expect(commandFor(key('ArrowUp', 'ArrowUp', { altKey: true }), false)?.run).toBe('previousSegment');
    expect(commandFor(key('ArrowDown', 'ArrowDown', { altKey: true, shiftKey: true }), false)?.run).toBe('nextUnconfirmed');
    // Alt+L by physical key: a Mac types "¬".
    expect(commandFor(key('¬', 'KeyL', { altKey: true }), false)?.run).toBe('toggleLock');
    const commands = REVIEW_KEYMAP.filter((b) => b.run);
    for (const b of commands) expect(commands.filter((o) => o.key === b.key)).toHaveLength(1);
    expect(keysList().find((r) => r.label === 'nextUnconfirmed')?.keys).toBe('Shift + Alt + ↓');
  });
});
