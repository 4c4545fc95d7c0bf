"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

export interface NavItem {
  href: string;
  label: string;
  /** A count shown next to the label (e.g. unread alerts), read out with `badgeLabel`. */
  badge?: string;
  badgeLabel?: string;
}

export function NavLinks({ items }: { items: NavItem[] }) {
  const pathname = usePathname();
  return (
    <ul>
      {items.map((item) => {
        const current = item.href === "/" ? pathname === "/" : pathname === item.href || pathname.startsWith(item.href + "/");
        return (
          <li key={item.href}>
            <Link href={item.href} aria-current={current ? "page" : undefined}>
              {item.label}
              {item.badge && (
                <>
                  {" "}
                  <span className="nav-badge" aria-hidden="true">
                    {item.badge}
                  </span>
                  <span className="visually-hidden">({item.badgeLabel})</span>
                </>
              )}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
