import type { Metadata } from "next";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Atrocity Early Warning", template: "%s · Atrocity Early Warning" },
  description: "Case tracker for atrocity early warning under the Responsibility to Protect",
  robots: { index: false, follow: false },
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
