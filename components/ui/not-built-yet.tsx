/** Says plainly that a part of the product is not built yet, and what it will do. */
export function NotBuiltYet({ children }: { children: React.ReactNode }) {
  return (
    <div className="notice" role="note">
      <strong>Not built yet.</strong> {children}
    </div>
  );
}
