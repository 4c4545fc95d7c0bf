/**
 * The origin a callback is resolved against when the caller does not give the app's own: a name
 * that can never be a real site (RFC 2606), so only relative paths resolve to it.
 */
const PLACEHOLDER_ORIGIN = "https://app.invalid";

/**
 * Where to go after signing in: only a path on this site, never another site.
 *
 * The callback is parsed the way a browser will parse it (the URL parser drops tabs and newlines
 * anywhere, reads `\` as `/`, folds `.` segments and lower-cases the scheme), against the app's
 * own origin; only a result on that origin is kept, and only as its path, query and fragment.
 * Checking the raw text instead let `/%09/evil.example/` through: the browser removes the tab and
 * follows `//evil.example/`.
 */
export function safeCallbackUrl(url: string | string[] | undefined | null, origin: string = PLACEHOLDER_ORIGIN): string {
  // A repeated `?callbackUrl=` arrives as an array: not a path we produced, so go home.
  if (typeof url !== "string" || !url) return "/";
  let base: URL;
  let target: URL;
  try {
    base = new URL(origin);
    target = new URL(url, base);
  } catch {
    return "/";
  }
  if (target.origin !== base.origin || target.username || target.password) return "/";
  const path = `${target.pathname}${target.search}${target.hash}`;
  // A path starting `//` or `/\` would itself be read as another site (e.g. from `/.//evil.example`).
  if (!path.startsWith("/") || /^\/[/\\]/.test(path)) return "/";
  return path;
}

/**
 * next-auth's `redirect` callback (after sign-in and sign-out): the same rule as the sign-in page,
 * as an absolute address on the app's own origin. next-auth's default glued any text starting
 * with `/` onto the base address unparsed.
 */
export function authRedirect({ url, baseUrl }: { url: string; baseUrl: string }): string {
  const origin = new URL(baseUrl).origin;
  return `${origin}${safeCallbackUrl(url, origin)}`;
}
