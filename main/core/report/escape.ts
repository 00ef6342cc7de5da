/**
 * HTML building for reports. Every interpolated value goes through the one `escapeHtml` unless it is
 * already-built `Html`, so document text, comments and names can never become markup (DESIGN.md:
 * document text is rendered as text, never as HTML).
 */

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for element content and quoted attribute values alike. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/** A piece of HTML built by `html` (or a trusted constant wrapped by `trustedHtml`). */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

type Part = Html | string | number | boolean | null | undefined | readonly Part[];

function render(part: Part): string {
  if (part === null || part === undefined || part === false || part === true) return '';
  if (part instanceof Html) return part.value;
  if (Array.isArray(part)) return (part as readonly Part[]).map(render).join('');
  return escapeHtml(String(part));
}

/** Template tag: literal parts are markup, interpolated values are escaped (arrays are joined, null/boolean skipped). */
export function html(strings: TemplateStringsArray, ...values: Part[]): Html {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += render(values[i]) + strings[i + 1]!;
  return new Html(out);
}

/** For constants written in this folder only (the stylesheet, SVG built from numbers); never for data. */
export function trustedHtml(markup: string): Html {
  return new Html(markup);
}

export function joinHtml(parts: readonly Html[], separator = ''): Html {
  return new Html(parts.map((p) => p.value).join(separator));
}
