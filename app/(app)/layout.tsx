import Link from "next/link";
import { requireUser } from "@/lib/auth/require-user";
import { can } from "@/lib/access/can";
import { ROLE_LABELS } from "@/lib/labels";
import { unreadAlertCount } from "@/lib/alerts/queries";
import { ORGANISATION_SUSPENDED_MESSAGE } from "@/lib/access/gate";
import { db } from "@/lib/db";
import { NavLinks, type NavItem } from "@/components/shell/nav-links";
import { OrganisationSwitcher } from "@/components/shell/organisation-switcher";
import { SignOutButton } from "@/components/shell/sign-out-button";
import { SoftNavigation } from "@/components/shell/soft-navigation";

export const dynamic = "force-dynamic";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser({ beforeTwoFactor: true }); // each page enforces two-factor set-up itself
  const unread = await unreadAlertCount(user);
  // Another of the user's organisations is suspended: they work in this one, told why the other is gone.
  const suspended = user.suspendedIn.length
    ? (await db.organisation.findMany({ where: { id: { in: user.suspendedIn } }, select: { name: true }, orderBy: { name: "asc" } })).map((o) => o.name)
    : [];
  const nav: NavItem[] = [
    { href: "/", label: "Dashboard" },
    { href: "/alerts", label: "Alerts", badge: unread ? `${unread}` : undefined, badgeLabel: `${unread} unread` },
    { href: "/situations", label: "Situations" },
    { href: "/indicators", label: "Indicators" },
    { href: "/responses", label: "Responses" },
    { href: "/events", label: "Events" },
    { href: "/sources", label: "Sources" },
    { href: "/exports", label: "Exports" },
    { href: "/coalition", label: "Coalition" },
    ...(can.administer(user.active) ? [{ href: "/admin", label: "Admin" }] : []),
  ];
  return (
    <div className="shell">
      <SoftNavigation />
      <a className="skip-link" href="#content">
        Skip to content
      </a>
      <aside className="sidebar">
        <div className="brand">
          Atrocity Early Warning
          <small>R2P case tracker</small>
        </div>
        <nav aria-label="Main">
          <NavLinks items={nav} />
        </nav>
      </aside>
      <div className="main">
        <header className="topbar">
          {user.memberships.length > 1 ? (
            <OrganisationSwitcher
              activeId={user.active.organisationId}
              options={user.memberships.map((m) => ({ id: m.organisationId, label: `${m.organisationName} (${ROLE_LABELS[m.role]})` }))}
            />
          ) : null}
          <div className="who" data-testid="current-user">
            <Link href="/account" title="Your account: password, two-factor sign-in, sessions">
              <strong>{user.name}</strong>
            </Link>
            <span>
              {user.active.organisationName} · {ROLE_LABELS[user.active.role]}
            </span>
          </div>
          <SignOutButton />
        </header>
        <main id="content" className="content">
          {suspended.length > 0 && (
            <p className="notice" role="status">
              {suspended.join(", ")}: {ORGANISATION_SUSPENDED_MESSAGE} You are working in {user.active.organisationName}.
            </p>
          )}
          {children}
        </main>
      </div>
    </div>
  );
}
