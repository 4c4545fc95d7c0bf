// Writes lib/events/admin1-names.json: every country's first-level regions (ISO 3166-2) with the
// names they go by, from the npm package iso3166-2-db (MIT; its names come from GeoNames,
// OpenStreetMap and Wikipedia, in English, French, German, Spanish and Italian). That package is
// 283 MB unpacked (42,000 files, mostly shapes and per-language copies), so it is not a
// dependency: this script fetches the pinned version with `npm pack`, keeps the Latin-script names
// (what ACLED and analysts write) and writes a compact file that is committed.
//   npx tsx scripts/build-admin1-names.ts
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const PACKAGE = "iso3166-2-db@2.3.11";
const LANGUAGES = ["en", "fr", "de", "es", "it", "geonames"] as const;
const OUT = path.resolve("lib/events/admin1-names.json");
/** As normaliseName in lib/events/area.ts (not imported: that module reads the file written here). */
const normaliseName = (name: string) => name.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim();

interface SourceRegion {
  name: string;
  iso: string;
  names: Partial<Record<string, string>>;
}
interface SourceCountry {
  iso3: string;
  regions: SourceRegion[];
}

const dir = mkdtempSync(path.join(tmpdir(), "admin1-"));
try {
  const tarball = execFileSync("npm", ["pack", PACKAGE, "--silent", "--pack-destination", dir], { encoding: "utf8" }).trim().split("\n").pop()!;
  execFileSync("tar", ["xzf", path.join(dir, tarball), "-C", dir, "package/data/iso3166-2.json"]);
  const source = JSON.parse(readFileSync(path.join(dir, "package/data/iso3166-2.json"), "utf8")) as Record<string, SourceCountry>;
  const countries: Record<string, Record<string, string[]>> = {};
  for (const country of Object.values(source).sort((a, b) => a.iso3.localeCompare(b.iso3))) {
    const regions: Record<string, string[]> = {};
    for (const r of [...country.regions].sort((a, b) => a.iso.localeCompare(b.iso))) {
      // The first name is the one shown; the others only when they differ once normalised.
      const names: string[] = [];
      const seen = new Set<string>();
      for (const n of [r.name, ...LANGUAGES.map((l) => r.names[l])]) {
        const key = n ? normaliseName(n) : "";
        if (!n || !key || seen.has(key) || /[^\p{Script=Latin}\p{M}\p{N}\p{P}\p{Zs}]/u.test(n)) continue;
        seen.add(key);
        names.push(n.trim());
      }
      if (names.length) regions[r.iso] = names;
    }
    if (Object.keys(regions).length) countries[country.iso3] = regions;
  }
  const out = { source: `${PACKAGE} (MIT; names from GeoNames, OpenStreetMap and Wikipedia), by scripts/build-admin1-names.ts`, countries };
  writeFileSync(OUT, JSON.stringify(out) + "\n");
  const regionCount = Object.values(countries).reduce((n, c) => n + Object.keys(c).length, 0);
  console.log(`Wrote ${OUT}: ${Object.keys(countries).length} countries, ${regionCount} regions.`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
