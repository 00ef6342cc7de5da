/** A part of the review view that F6 / Shift+F6 moves the focus to. */
export interface FocusRegion {
  el: HTMLElement | null;
  focus: () => void;
}

/**
 * F6 / Shift+F6 (as in VS Code and most desktop apps): the focus goes to the next or previous visible
 * part of the view, wrapping around; from outside them, to the first or the last.
 */
export function cycleFocus(regions: readonly FocusRegion[], step: 1 | -1, active: Element | null = document.activeElement): void {
  const visible = regions.filter((r) => r.el && r.el.getClientRects().length > 0);
  if (!visible.length) return;
  const at = visible.findIndex((r) => !!active && r.el!.contains(active));
  const next = at < 0 ? (step > 0 ? 0 : visible.length - 1) : (at + step + visible.length) % visible.length;
  visible[next]!.focus();
}

/** The first control inside an element that takes the focus (a toolbar's first button). */
export function focusFirstControl(el: HTMLElement | null): void {
  el?.querySelector<HTMLElement>('button:not([disabled]), select, input, [tabindex="0"]')?.focus();
}
