// The risk map file's address, size and shape ids: shared by the file's route (app/maps/world.svg),
// which draws the outlines, and the dashboard's map (components/dashboard/world-map.tsx), which
// points into it. Plain module: the map's markup is made in the browser too.

export const MAP_WIDTH = 960;
export const MAP_HEIGHT = 470;

/** The map file's address (app/maps/world.svg). */
export const MAP_FILE = "/maps/world.svg";

/** The id of a shape in the map file (/maps/world.svg): c-ISO3, or c-<index> for the few without a code. */
export function shapeId(shape: { iso3: string | null }, index: number) {
  return `c-${shape.iso3 ?? index}`;
}
