// The source's attachment and the organisation's logo share one upload control
// (components/uploads/upload-control.tsx); each keeps its own words, which the e2e tests find it by.
import { describe, expect, it, vi } from "vitest";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";

vi.mock("next/navigation", () => ({ useRouter: () => ({ push: () => {}, refresh: () => {} }) }));

const MB = 1024 * 1024;

describe("the upload control", () => {
  it("on a source: 'Attach a file' with the limit, then 'Replace with' and 'Remove file'; nothing for a reader", async () => {
    const { Attachment } = await import("@/components/sources/attachment");
    const empty = renderToStaticMarkup(createElement(Attachment, { sourceId: "s1", file: null, canEdit: true, maxBytes: 250 * MB }));
    expect(empty).toContain('<label for="attachment" style="margin:0">Attach a file (PDF, image, Word, Excel, OpenDocument or text; up to 250 MB)</label><input id="attachment" type="file"');
    expect(empty).toContain('<button type="button">Upload</button>');
    expect(empty).not.toContain("Remove file");
    const file = { name: "r.pdf", size: 1234, sha256: "b".repeat(64), type: "application/pdf" };
    const attached = renderToStaticMarkup(createElement(Attachment, { sourceId: "s1", file, canEdit: true, maxBytes: 250 * MB }));
    expect(attached).toContain(">Replace with (PDF, image, Word, Excel, OpenDocument or text; up to 250 MB)</label>");
    expect(attached).toContain('<button type="button" class="secondary">Remove file</button>');
    const reader = renderToStaticMarkup(createElement(Attachment, { sourceId: "s1", file, canEdit: false, maxBytes: 250 * MB }));
    expect(reader).toContain("r.pdf");
    expect(reader).not.toContain('type="file"');
  });

  it("for the logo: PNG or JPEG only, 'Upload a logo', then 'Replace with' and 'Remove logo'", async () => {
    const { LogoForm } = await import("@/components/admin/logo-form");
    const empty = renderToStaticMarkup(createElement(LogoForm, { logo: null, maxBytes: 2 * MB }));
    expect(empty).toContain('<label for="logo-file" style="margin:0">Upload a logo (PNG or JPEG, up to 2 MB)</label><input id="logo-file" type="file" accept="image/png,image/jpeg"');
    expect(empty).not.toContain("Remove logo");
    const set = renderToStaticMarkup(createElement(LogoForm, { logo: { type: "image/png", sha256: "a".repeat(64) }, maxBytes: 2 * MB }));
    expect(set).toContain(">Replace with (PNG or JPEG, up to 2 MB)</label>");
    expect(set).toContain('<button type="button" class="secondary">Remove logo</button>');
  });
});
