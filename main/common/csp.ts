/**
 * The Content-Security-Policy of every page Calque shows (DESIGN.md security table). Sent as a header
 * by `serve` and the app:// protocol, and repeated in renderer/index.html's meta tag (a test keeps the
 * two equal). Monaco needs inline styles, nothing else is relaxed.
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; worker-src 'self' blob:; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
