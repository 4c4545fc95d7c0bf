import { withAuth } from "next-auth/middleware";

// First line of defence only: every page, action and route checks the session itself
// (lib/auth/current-user.ts, lib/auth/action.ts).
export default withAuth({ pages: { signIn: "/signin" } });

export const config = {
  matcher: ["/((?!api/auth|signin|_next/static|_next/image|favicon.ico|robots.txt).*)"],
};
