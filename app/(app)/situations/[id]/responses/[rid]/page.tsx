import type { Metadata } from "next";
import { canOpenCitedSources } from "@/lib/access/sources";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/require-user";
import { canChangeResponse } from "@/lib/access/responses";
import { getResponse } from "@/lib/responses/queries";
import { ResponseForm } from "@/components/responses/response-form";
import { EFFECT_LABELS, toResponseInput } from "@/lib/responses/schemas";
import { isoDate } from "@/lib/format";
import { ACTOR_TYPE_LABELS, PILLAR_LABELS, RESPONSE_STATUS_LABELS, RESPONSE_TYPE_LABELS } from "@/lib/labels";

export const metadata: Metadata = { title: "Response" };

export default async function ResponsePage({ params }: { params: Promise<{ id: string; rid: string }> }) {
  const { id, rid } = await params;
  const user = await requireUser();
  const r = await getResponse(user.active, rid);
  if (!r || r.situationId !== id) notFound();
  const own = canOpenCitedSources(user.active, r);
  // Viewers, and members of other organisations of the coalition, read it; its own organisation's analysts edit it.
  if (!canChangeResponse(user.active, r)) {
    const v = (x: string | null | undefined) => x || "—";
    return (
      <>
        <p>
          <Link href={`/situations/${id}?tab=responses`}>← Back to {r.situation.title}</Link>
        </p>
        <h1>{r.title}</h1>
        <dl className="facts panel">
          <dt>Pillar</dt>
          <dd>{PILLAR_LABELS[r.pillar]}</dd>
          <dt>Type of response</dt>
          <dd>{RESPONSE_TYPE_LABELS[r.type]}</dd>
          <dt>Who acted</dt>
          <dd>
            {r.actorName}
            {r.actorName === ACTOR_TYPE_LABELS[r.actorType] ? "" : ` (${ACTOR_TYPE_LABELS[r.actorType]})`}
          </dd>
          <dt>Date</dt>
          <dd>{r.endDate ? `${isoDate(r.startDate)} to ${isoDate(r.endDate)}` : isoDate(r.startDate)}</dd>
          <dt>Reference</dt>
          <dd>{v(r.reference)}</dd>
          <dt>Status</dt>
          <dd>{RESPONSE_STATUS_LABELS[r.status]}</dd>
          <dt>Assessed effect</dt>
          <dd>{EFFECT_LABELS[r.effect]}</dd>
          <dt>Notes on its effect</dt>
          <dd>{v(r.effectNotes)}</dd>
          <dt>Description</dt>
          <dd>{v(r.description)}</dd>
          <dt>Sources</dt>
          <dd>
            {r.citations.length === 0
              ? "—"
              : r.citations.map(({ source: c }, k) => (
                  <span key={c.id}>
                    {k > 0 && "; "}
                    {own ? <Link href={`/sources/${c.id}`}>{c.title}</Link> : c.title} ({c.reliability}
                    {c.credibility})
                  </span>
                ))}
          </dd>
        </dl>
      </>
    );
  }
  return (
    <>
      <p>
        <Link href={`/situations/${id}?tab=responses`}>← Back to {r.situation.title}</Link>
      </p>
      <h1>Edit response</h1>
      <ResponseForm
        mode="edit"
        id={r.id}
        version={r.version}
        situationId={id}
        sources={r.citations.map((c) => c.source)}
        initial={toResponseInput({ ...r, sourceIds: r.citations.map((c) => c.source.id) })}
      />
    </>
  );
}
