import Link from "next/link";

/** An address that matches no page of the app. */
export default function NotFound() {
  return (
    <main id="content" className="content" style={{ maxWidth: "40rem", margin: "3rem auto" }}>
      <h1>Page not found</h1>
      <p>There is no page at this address. It may have been mistyped, or the link that led here is out of date.</p>
      <p>
        <Link href="/">Go to the dashboard</Link>
      </p>
    </main>
  );
}
