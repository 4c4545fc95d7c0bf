// The upload limits the e2e server runs with: above the 10 MiB a proxy buffers, small enough to
// send at the limit and one byte over it quickly.
export const E2E_IMPORT_MAX_BYTES = 16 * 1024 * 1024;
export const E2E_UPLOAD_MAX_BYTES = 12 * 1024 * 1024;
