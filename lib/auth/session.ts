import "server-only";
import { getServerSession } from "next-auth";
import { authOptions } from "./options";

export interface SessionClaims {
  uid: string;
  sid: string;
}

/** The signed session cookie's claims, or null. Whether they are still valid is checked in getCurrentUser. */
export async function readSessionClaims(): Promise<SessionClaims | null> {
  const session = (await getServerSession(authOptions)) as unknown as Partial<SessionClaims> | null;
  if (!session?.uid || !session?.sid) return null;
  return { uid: session.uid, sid: session.sid };
}
