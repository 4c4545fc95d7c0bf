// What the sign-in page says for each refusal next-auth passes back (lib/auth/options.ts throws
// the outcome's error code; lib/auth/sign-in.ts decides it). Shared by the form and its tests.

export const TWO_FACTOR_RESET_MESSAGE =
  "Your password is right, but your two-factor sign-in can no longer be checked: the key that protected it on this server has changed. An administrator of your organisation must reset your two-factor sign-in on the Admin page (if you are its only administrator, ask whoever runs this installation); you then sign in with your password and set it up again.";

export function signInErrorMessage(error: string): string {
  if (error.startsWith("LOCKED")) {
    const minutes = Number(error.split(":")[1]) || 15;
    return `Too many attempts. Sign-in is paused for this account or network; try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
  }
  if (error === "CODE_INVALID") return "That code is not right. Enter the 6-digit code your authenticator app shows now, or an unused recovery code.";
  if (error === "TWO_FACTOR_RESET_REQUIRED") return TWO_FACTOR_RESET_MESSAGE;
  return "The e-mail address or password is not correct.";
}
