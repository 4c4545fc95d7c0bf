"use client";

import { fileSize } from "@/lib/format";
import { UploadControl } from "@/components/uploads/upload-control";

/** Upload, replace or remove the organisation's logo (PNG or JPEG, checked again by the server). */
export function LogoForm({ logo, maxBytes }: { logo: { type: string; sha256: string } | null; maxBytes: number }) {
  return (
    <>
      {logo ? (
        <>
          {/* eslint-disable-next-line @next/next/no-img-element -- served by our own route to administrators only, not optimisable */}
          <img src={`/api/admin/logo?v=${logo.sha256.slice(0, 12)}`} alt="Your organisation's logo" style={{ maxBlockSize: "6rem", maxInlineSize: "18rem" }} />
          <p className="muted">
            {logo.type === "image/png" ? "PNG" : "JPEG"} image, SHA-256 fingerprint <code style={{ wordBreak: "break-all" }}>{logo.sha256}</code>
          </p>
        </>
      ) : (
        <p className="muted">No logo yet: briefs carry your organisation&apos;s name only.</p>
      )}
      <UploadControl
        id="logo-file"
        idPrefix="logo"
        label={`${logo ? "Replace with" : "Upload a logo"} (PNG or JPEG, up to ${fileSize(maxBytes)})`}
        url="/api/admin/logo"
        maxBytes={maxBytes}
        accept="image/png,image/jpeg"
        canRemove={logo !== null}
        texts={{
          noFile: "Choose a PNG or JPEG image first.",
          tooLarge: `The image is larger than ${fileSize(maxBytes)}, the most we accept for a logo.`,
          failed: "The logo could not be saved. Please try again.",
          remove: "Remove logo",
          removeConfirm: "Remove the logo from your organisation's briefs?",
          removeFailed: "The logo could not be removed.",
        }}
      />
    </>
  );
}
