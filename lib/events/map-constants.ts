// Shared by the events map's drawing (server) and its frame on the page (browser).
/** The most recent matching events a map shows. */
export const MAP_LIMIT = 2000;
export const MAP_WIDTH = 900;
export const MAP_HEIGHT = 420;
