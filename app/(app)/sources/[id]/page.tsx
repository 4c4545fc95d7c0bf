import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/require-user";
import { canChangeSource } from "@/lib/access/sources";
import { getSource, listCitingClaims } from "@/lib/sources/queries";
import { CREDIBILITY_LABELS, RELIABILITY_LABELS } from "@/lib/sources/schemas";
import { CRIME_LABELS } from "@/lib/labels";
import { ActionButton } from "@/components/ui/action-button";
import { deleteSourceAction } from "@/app/(app)/sources/actions";
import { Attachment } from "@/components/sources/attachment";
import { maxUploadBytes } from "@/lib/uploads/limits";
import { isoDate, isoDateOrEmpty } from "@/lib/format";

export const metadata: Metadata = { title: "Source" };

export default async function SourcePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireUser();
  const s = await getSource(user.active.organisationId, id);
  if (!s) notFound();
  const citing = await listCitingClaims(s.id);
  const canEdit = canChangeSource(user.active, s);
  return (
    <>
      <p>
        <Link href="/sources">← All sources</Link>
      </p>
      <h1>{s.title}</h1>
      {canEdit && (
        <div className="actions-row">
          <Link className="button" href={`/sources/${s.id}/edit`}>
            Edit
          </Link>
          <ActionButton
            action={deleteSourceAction}
            input={{ id: s.id, version: s.version }}
            label="Delete source"
            busyLabel="Deleting…"
            confirm="Delete this source from your library?"
            then="/sources"
          />
        </div>
      )}
      <dl className="facts panel">
        <dt>Publisher</dt>
        <dd>{s.publisher || "—"}</dd>
        <dt>Author</dt>
        <dd>{s.author || "—"}</dd>
        <dt>Web address</dt>
        <dd>
          {s.url ? (
            <a href={s.url} rel="noopener noreferrer nofollow" target="_blank">
              {s.url}
            </a>
          ) : (
            "—"
          )}
        </dd>
        <dt>UN document symbol</dt>
        <dd>{s.unSymbol || "—"}</dd>
        <dt>Published on</dt>
        <dd>{isoDateOrEmpty(s.publishedOn) || "—"}</dd>
        <dt>Accessed on</dt>
        <dd>{isoDateOrEmpty(s.accessedOn) || "—"}</dd>
        <dt>Source reliability</dt>
        <dd>{RELIABILITY_LABELS[s.reliability]}</dd>
        <dt>Information credibility</dt>
        <dd>{CREDIBILITY_LABELS[s.credibility]}</dd>
        <dt>Notes</dt>
        <dd>{s.notes || "—"}</dd>
        <dt>Added</dt>
        <dd>
          {isoDate(s.createdAt)} by {s.createdBy.name}
        </dd>
      </dl>
      <Attachment
        sourceId={s.id}
        canEdit={canEdit}
        maxBytes={maxUploadBytes()}
        file={s.fileKey ? { name: s.fileName ?? "file", size: s.fileSize ?? 0, sha256: s.fileSha256 ?? "", type: s.fileType ?? "" } : null}
      />
      <h2>Cited by</h2>
      {citing.length === 0 ? (
        <p>Nothing cites this source yet.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">What</th>
              <th scope="col">Claim</th>
              <th scope="col">Situation</th>
              <th scope="col">Where in the source</th>
            </tr>
          </thead>
          <tbody>
            {citing.map((c, i) => (
              <tr key={i}>
                <td>{c.kind}</td>
                <td>{c.kind === "Crime assessment" ? CRIME_LABELS[c.what as keyof typeof CRIME_LABELS] : c.what}</td>
                <td>{c.situation ? <Link href={`/situations/${c.situation.id}`}>{c.situation.title}</Link> : "—"}</td>
                <td>{c.locator || "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
