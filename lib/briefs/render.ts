import "server-only";
import { createElement, type ReactElement } from "react";
import { renderToStream, type DocumentProps } from "@react-pdf/renderer";
import { Readable } from "node:stream";
import { BriefPdf, BulletinPdf } from "@/components/briefs/brief-pdf";
import { printableAll } from "@/components/briefs/fonts";
import type { BriefData } from "./data";
import type { BriefLogo } from "./docx";

export async function briefPdfStream(data: BriefData, author: string, generatedAt = new Date(), logo: BriefLogo = null) {
  const stream = await renderToStream(createElement(BriefPdf, { data: printableAll(data), author: printableAll(author), generatedAt, logo }) as unknown as ReactElement<DocumentProps>);
  return Readable.toWeb(stream as unknown as Readable) as ReadableStream<Uint8Array>;
}

/** The coalition bulletin: `briefs` in the bulletin's order, their recent events of `period`. */
export async function bulletinPdfStream(briefs: BriefData[], period: { from: string; to: string }, author: string, generatedAt = new Date(), logo: BriefLogo = null) {
  const stream = await renderToStream(createElement(BulletinPdf, { briefs: printableAll(briefs), period, author: printableAll(author), generatedAt, logo }) as unknown as ReactElement<DocumentProps>);
  return Readable.toWeb(stream as unknown as Readable) as ReadableStream<Uint8Array>;
}

/** A file name from a title: letters, digits and dashes only. */
export function fileSlug(title: string) {
  return title.normalize("NFKD").replace(/[^\w\s-]/g, "").trim().replace(/\s+/g, "-").toLowerCase().slice(0, 60) || "brief";
}
