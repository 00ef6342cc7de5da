/**
 * The security guards of every webContents (DESIGN.md security table): navigation off the app, new
 * windows, <webview> and permission requests are all denied. Pure: the electron objects come in as
 * small interfaces, so the policy is unit-tested without Electron.
 */

/** The one origin the app's pages may have. */
export const APP_ORIGIN = 'app://calque';

/**
 * The navigation policy, in one function (Zettlr's lesson): only pages of our own app:// origin.
 * Everything else (https:, http:, file:, data:, javascript:, other hosts of app:) is refused.
 */
export function isAllowedNavigation(url: string): boolean {
  const u = parseUrl(url);
  return !!u && u.protocol === 'app:' && u.host === 'calque' && !u.username && !u.password;
}

/**
 * Which links may be handed to the operating system: https only, without credentials (a
 * `https://bank@evil` style URL is a phishing trick). Never http:, file:, javascript: or custom
 * schemes, which would launch local programs.
 */
export function isAllowedExternalUrl(url: string): boolean {
  const u = parseUrl(url);
  return !!u && u.protocol === 'https:' && !!u.hostname && !u.username && !u.password;
}

function parseUrl(url: string): URL | null {
  if (typeof url !== 'string' || url.length > 8192) return null;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

export interface PreventableEvent {
  preventDefault(): void;
}

/** The part of Electron's WebContents the guards use. */
export interface GuardedContents {
  on(event: 'will-navigate', listener: (event: PreventableEvent & { url?: string }, url: string) => void): unknown;
  on(event: 'will-redirect', listener: (event: PreventableEvent & { url?: string }, url: string) => void): unknown;
  on(event: 'will-frame-navigate', listener: (event: PreventableEvent & { url: string }) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string; disposition?: string }) => { action: 'deny' }): void;
}

export interface ShellLike {
  openExternal(url: string): Promise<void>;
}

/** Apply the guards to one webContents (call it from app 'web-contents-created', so every one gets them). */
export function installGuards(contents: GuardedContents, shell: ShellLike, log: (message: string) => void = () => {}): void {
  const denyOffApp = (event: PreventableEvent, url: string) => {
    if (!isAllowedNavigation(url)) {
      event.preventDefault();
      log(`blocked navigation to ${url}`);
    }
  };
  contents.on('will-navigate', (event, url) => denyOffApp(event, event.url ?? url));
  contents.on('will-redirect', (event, url) => denyOffApp(event, event.url ?? url));
  // Subframes navigate without 'will-navigate'; the CSP already limits frames to 'self', this is the second lock.
  contents.on('will-frame-navigate', (event) => denyOffApp(event, event.url));
  // We never use <webview>; webviewTag is off too, this also covers a page that re-enables it somehow.
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    // No new windows, ever. A target=_blank https link (from our own UI: document text is rendered as
    // text, never as links) goes to the user's browser instead.
    if (isAllowedExternalUrl(url)) {
      shell.openExternal(url).catch((err: unknown) => log(`openExternal failed: ${String(err)}`));
    } else log(`blocked window.open of ${url}`);
    return { action: 'deny' };
  });
}

/** The part of Electron's Session the permission guards use. */
export interface PermissionSession {
  setPermissionRequestHandler(handler: (webContents: unknown, permission: string, callback: (granted: boolean) => void) => void): void;
  setPermissionCheckHandler(handler: (webContents: unknown, permission: string) => boolean): void;
}

/**
 * Deny every permission (camera, notifications, geolocation, clipboard-read…): Calque needs none.
 * Copy and paste keep working through the native Edit menu roles, which need no permission.
 */
export function installPermissionGuards(session: PermissionSession): void {
  session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}
