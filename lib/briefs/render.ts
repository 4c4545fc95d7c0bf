import "server-only";
import { createElement, type ReactElement } from "react";
import { renderToStream, type DocumentProps } from "@react-pdf/renderer";
import { Readable } from "node:stream";
import { BriefPdf, OverviewPdf } from "@/components/briefs/brief-pdf";
import { printableAll } from "@/components/briefs/fonts";
import type { BriefData } from "./data";

export async function briefPdfStream(data: BriefData, author: string, generatedAt = new Date()) {
  const stream = await renderToStream(createElement(BriefPdf, { data: printableAll(data), author: printableAll(author), generatedAt }) as unknown as ReactElement<DocumentProps>);
  return Readable.toWeb(stream as unknown as Readable) as ReadableStream<Uint8Array>;
}

export async function overviewPdfStream(briefs: BriefData[], author: string, generatedAt = new Date()) {
  const stream = await renderToStream(createElement(OverviewPdf, { briefs: printableAll(briefs), author: printableAll(author), generatedAt }) as unknown as ReactElement<DocumentProps>);
  return Readable.toWeb(stream as unknown as Readable) as ReadableStream<Uint8Array>;
}

/** A file name from a title: letters, digits and dashes only. */
export function fileSlug(title: string) {
  return title.normalize("NFKD").replace(/[^\w\s-]/g, "").trim().replace(/\s+/g, "-").toLowerCase().slice(0, 60) || "brief";
}
