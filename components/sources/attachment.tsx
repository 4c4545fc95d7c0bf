"use client";

import { fileSize } from "@/lib/format";
import { tooLargeMessage } from "@/lib/uploads/limits";
import { UploadControl } from "@/components/uploads/upload-control";

/** Attach, replace or remove a source's file, with upload progress. */
export function Attachment({ sourceId, file, canEdit, maxBytes }: { sourceId: string; file: { name: string; size: number; sha256: string; type: string } | null; canEdit: boolean; maxBytes: number }) {
  return (
    <section className="panel" aria-label="Attached file">
      <h2 style={{ marginTop: 0 }}>Attached file</h2>
      {file ? (
        <dl className="facts">
          <dt>File</dt>
          <dd>
            <a href={`/api/sources/${sourceId}/file`}>{file.name}</a> ({fileSize(file.size)}, {file.type})
          </dd>
          <dt>SHA-256 fingerprint</dt>
          <dd>
            <code style={{ wordBreak: "break-all" }}>{file.sha256}</code>
          </dd>
        </dl>
      ) : (
        <p className="muted">No file attached.</p>
      )}
      {canEdit && (
        <UploadControl
          id="attachment"
          idPrefix="attachment"
          label={`${file ? "Replace with" : "Attach a file"} (PDF, image, Word, Excel, OpenDocument or text; up to ${fileSize(maxBytes)})`}
          url={`/api/sources/${sourceId}/file`}
          maxBytes={maxBytes}
          canRemove={file !== null}
          texts={{
            noFile: "Choose a file first.",
            tooLarge: tooLargeMessage(maxBytes),
            failed: "The file could not be attached. Please try again.",
            remove: "Remove file",
            removeConfirm: "Remove the attached file from this source?",
            removeFailed: "The file could not be removed.",
          }}
        />
      )}
    </section>
  );
}
