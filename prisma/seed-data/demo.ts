// Demo data: clearly marked, for illustration only. It is not an assessment of any country.
import type { Crime, CrimeStatus, RiskCategory, Visibility, RatingLevel } from "@/lib/generated/prisma/enums";

export const DEMO_PASSWORD = "demo-password-2026";

export const DEMO_ORGS = [
  { slug: "demo-watch", name: "Demo Atrocity Watch (demo)", assessmentIntervalDays: 120, sensitivityMarking: "RESTRICTED" },
  { slug: "demo-partner", name: "Demo Partner Network (demo)", assessmentIntervalDays: 90, sensitivityMarking: "RESTRICTED" },
] as const;

export const DEMO_USERS = [
  { email: "admin@demo.example", name: "Amina Admin", memberships: [{ org: "demo-watch", role: "ADMIN" }] },
  { email: "analyst@demo.example", name: "Arturo Analyst", memberships: [{ org: "demo-watch", role: "ANALYST" }, { org: "demo-partner", role: "VIEWER" }] },
  { email: "viewer@demo.example", name: "Vera Viewer", memberships: [{ org: "demo-watch", role: "VIEWER" }] },
  { email: "partner@demo.example", name: "Pat Partner", memberships: [{ org: "demo-partner", role: "ADMIN" }] },
] as const;

export interface DemoSituation {
  org: (typeof DEMO_ORGS)[number]["slug"];
  country: string;
  title: string;
  scope?: string;
  riskCategory: RiskCategory;
  visibility: Visibility;
  summary: string;
  populationsAtRisk: string;
  perpetrators: string;
  recommendedAction: string;
  crimes: Partial<Record<Crime, { status: CrimeStatus; rationale: string }>>;
  /**
   * Published assessment rounds, oldest first, dated `daysAgo` days before seeding (so the demo's
   * recent escalations stay recent). A profile gives, per risk factor, the levels of its
   * first indicators in order (0 None, 1 Present, 2 Significant, 3 Severe); the rest are None.
   */
  rounds?: { daysAgo: number; profile: Record<number, string> }[];
}

const NOTE = "Demo data for illustration only; not an assessment.";

export const DEMO_SITUATIONS: DemoSituation[] = [
  {
    org: "demo-watch",
    country: "SDN",
    title: "Demo: Sudan, Darfur",
    scope: "Darfur",
    riskCategory: "CURRENT_CRISIS",
    visibility: "COALITION",
    summary: `${NOTE} Fighting between armed forces and a paramilitary group, with attacks on civilians identified by ethnicity and the displacement of whole communities.`,
    populationsAtRisk: "Civilians of non-Arab communities in Darfur; displaced people in camps; humanitarian workers.",
    perpetrators: "Paramilitary forces and allied militias; government armed forces (aerial bombardment).",
    recommendedAction: "Protect civilians in and around besieged towns; keep humanitarian access open; support investigations so perpetrators are held accountable.",
    crimes: {
      GENOCIDE: { status: "ALLEGED", rationale: "Reports of killings targeting members of one ethnic group, with statements suggesting intent to destroy it." },
      WAR_CRIMES: { status: "DOCUMENTED", rationale: "A UN fact-finding body documented attacks on civilians and civilian objects." },
      CRIMES_AGAINST_HUMANITY: { status: "DOCUMENTED", rationale: "Widespread killings, sexual violence and forced displacement documented by UN investigators." },
      ETHNIC_CLEANSING: { status: "ALLEGED", rationale: "Whole neighbourhoods emptied of one community; returns prevented." },
      INCITEMENT: { status: "RISK", rationale: "Hate speech on social media by commanders and supporters." },
    },
    rounds: [
      { daysAgo: 265, profile: { 1: "2211", 2: "211", 3: "11", 4: "21", 5: "2111", 6: "11", 7: "11", 8: "1", 9: "21", 10: "1", 11: "1", 12: "1", 13: "211", 14: "1" } },
      { daysAgo: 145, profile: { 1: "332211", 2: "3221", 3: "211", 4: "221", 5: "3221", 6: "211", 7: "2211", 8: "211", 9: "221", 10: "21", 11: "211", 12: "21", 13: "32211", 14: "21" } },
      { daysAgo: 22, profile: { 1: "3332211", 2: "33321", 3: "3221", 4: "3221", 5: "33221", 6: "3211", 7: "332211", 8: "3221", 9: "3321", 10: "3221", 11: "3321", 12: "3211", 13: "333221", 14: "321" } },
    ],
  },
  {
    org: "demo-watch",
    country: "MMR",
    title: "Demo: Myanmar, Rakhine State",
    scope: "Rakhine State",
    riskCategory: "CURRENT_CRISIS",
    visibility: "COALITION",
    summary: `${NOTE} Armed conflict between the military and an ethnic armed group, with a persecuted minority caught between them.`,
    populationsAtRisk: "Members of a stateless Muslim minority; other ethnic minorities in the state.",
    perpetrators: "The armed forces; an ethnic armed organisation.",
    recommendedAction: "Stop indiscriminate attacks; lift restrictions on movement and aid; cooperate with international courts.",
    crimes: {
      GENOCIDE: { status: "ALLEGED", rationale: "Proceedings are pending before an international court." },
      WAR_CRIMES: { status: "ALLEGED", rationale: "Air strikes on villages reported by several sources." },
      CRIMES_AGAINST_HUMANITY: { status: "DOCUMENTED", rationale: "Documented by a UN independent investigative mechanism." },
    },
    rounds: [
      { daysAgo: 160, profile: { 1: "3322", 2: "221", 3: "3321", 4: "3321", 5: "211", 6: "21", 7: "2211", 8: "21", 9: "3322", 10: "332", 11: "32", 12: "21", 13: "3221", 14: "21" } },
      { daysAgo: 39, profile: { 1: "3322", 2: "221", 3: "3321", 4: "3321", 5: "211", 6: "21", 7: "2211", 8: "21", 9: "3221", 10: "322", 11: "32", 12: "21", 13: "3221", 14: "21" } },
    ],
  },
  {
    org: "demo-watch",
    country: "COD",
    title: "Demo: Democratic Republic of the Congo, eastern provinces",
    scope: "North Kivu and South Kivu",
    riskCategory: "IMMINENT_RISK",
    visibility: "ORGANISATION",
    summary: `${NOTE} Dozens of armed groups; an armed group backed by a neighbouring State controls territory; mass displacement.`,
    populationsAtRisk: "Civilians in conflict-affected territories; displaced people.",
    perpetrators: "Armed groups; some units of the armed forces.",
    recommendedAction: "Support the peace process; protect displaced people; end support to armed groups.",
    crimes: {
      WAR_CRIMES: { status: "ALLEGED", rationale: "Killings of civilians and sexual violence reported." },
      CRIMES_AGAINST_HUMANITY: { status: "RISK", rationale: "Patterns of attacks on civilians by several groups." },
    },
    rounds: [
      { daysAgo: 114, profile: { 1: "2211", 2: "11", 3: "21", 4: "21", 5: "11", 6: "1", 7: "11", 8: "1", 11: "1", 13: "211", 14: "1" } },
      { daysAgo: 13, profile: { 1: "33221", 2: "221", 3: "221", 4: "221", 5: "211", 6: "21", 7: "3211", 8: "321", 9: "1", 11: "21", 12: "1", 13: "3221", 14: "21" } },
    ],
  },
  {
    org: "demo-watch",
    country: "BFA",
    title: "Demo: Burkina Faso",
    riskCategory: "SERIOUS_CONCERN",
    visibility: "ORGANISATION",
    summary: `${NOTE} Armed groups and security forces with auxiliaries; reprisal killings against one community.`,
    populationsAtRisk: "Civilians in the north and east; members of one pastoralist community.",
    perpetrators: "Armed groups; security forces and civilian auxiliaries.",
    recommendedAction: "Investigate reprisal killings; protect communities stigmatised as supporting armed groups.",
    crimes: { WAR_CRIMES: { status: "RISK", rationale: "Reprisal killings reported." } },
  },
  {
    org: "demo-partner",
    country: "HTI",
    title: "Demo: Haiti",
    riskCategory: "IMMINENT_RISK",
    visibility: "COALITION",
    summary: `${NOTE} Armed gangs control much of the capital; killings, kidnappings and sexual violence.`,
    populationsAtRisk: "Residents of gang-controlled neighbourhoods; displaced people.",
    perpetrators: "Armed gangs.",
    recommendedAction: "Support the multinational security mission; protect displaced people.",
    crimes: { CRIMES_AGAINST_HUMANITY: { status: "RISK", rationale: "Widespread attacks on residents by organised gangs." } },
  },
  {
    org: "demo-partner",
    country: "ETH",
    title: "Demo: Ethiopia, Amhara region (partner only)",
    scope: "Amhara region",
    riskCategory: "SERIOUS_CONCERN",
    visibility: "ORGANISATION",
    summary: `${NOTE} Visible to the partner organisation only: other organisations must not see it.`,
    populationsAtRisk: "Civilians in conflict areas.",
    perpetrators: "Armed forces; militias.",
    recommendedAction: "Independent monitoring.",
    crimes: { WAR_CRIMES: { status: "RISK", rationale: "Drone strikes reported." } },
  },
];

const PROFILE_LEVELS: RatingLevel[] = ["NONE", "PRESENT", "SIGNIFICANT", "SEVERE"];

/** The level a demo round's profile gives an indicator code such as "7.3". */
export function profileLevel(profile: Record<number, string>, code: string): RatingLevel {
  const [factor, position] = code.split(".").map(Number);
  const digit = profile[factor]?.[position - 1];
  return digit ? PROFILE_LEVELS[Number(digit)] : "NONE";
}

/** The date a demo round is dated: `daysAgo` days before `now`, as a UTC day. */
export function demoRoundDate(daysAgo: number, now = new Date()): Date {
  return new Date(new Date(now.getTime() - daysAgo * 86400_000).toISOString().slice(0, 10));
}
