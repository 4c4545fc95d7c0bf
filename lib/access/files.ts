// Who may download and who may change an uploaded file, stated once. Every stored file hangs on a
// record, and follows that record's rule: a source's attached file follows the source (its own
// organisation's library, never shared); an import's file follows the import.
export { sourceVisibleWhere as sourceFileVisibleWhere, canChangeSource as canChangeSourceFile } from "./sources";
export { importVisibleWhere as importFileVisibleWhere, canChangeImport as canChangeImportFile } from "./imports";
