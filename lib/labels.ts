// How enum values read for people, in one place.
import type {
  ActorType,
  Confidence,
  Crime,
  CrimeStatus,
  FactorGroup,
  Pillar,
  RatingLevel,
  ResponseStatus,
  ResponseType,
  RiskCategory,
  Role,
  Trend,
  Visibility,
} from "@/lib/generated/prisma/enums";

export const RISK_CATEGORY_LABELS: Record<RiskCategory, string> = {
  CURRENT_CRISIS: "Current crisis",
  IMMINENT_RISK: "Imminent risk",
  SERIOUS_CONCERN: "Serious concern",
  MONITORING: "Monitoring",
  RESOLVED: "Resolved",
};
export const RISK_CATEGORY_ORDER: RiskCategory[] = ["CURRENT_CRISIS", "IMMINENT_RISK", "SERIOUS_CONCERN", "MONITORING", "RESOLVED"];
/**
 * What each of our risk categories means, shown where a category is chosen (issue #27). The first
 * two follow the R2P Monitor's current categories (Current Crisis, Imminent Risk), so its ratings
 * compare with ours category for category (lib/external-ratings/present.ts).
 */
export const RISK_CATEGORY_DEFINITIONS: Record<RiskCategory, string> = {
  CURRENT_CRISIS: "Atrocity crimes are being committed now, and urgent action is needed.",
  IMMINENT_RISK: "Atrocity crimes are likely to happen, or to happen again, soon, unless effective preventive action is taken.",
  SERIOUS_CONCERN: "Warning signs are serious, but atrocity crimes do not yet look imminent: watch closely and act early.",
  MONITORING: "Some risk factors are present; the situation is followed as news arrives.",
  RESOLVED: "The risk has receded; the situation is kept for the record and for any accountability still pending.",
};

export const CRIME_LABELS: Record<Crime, string> = {
  GENOCIDE: "Genocide",
  WAR_CRIMES: "War crimes",
  CRIMES_AGAINST_HUMANITY: "Crimes against humanity",
  ETHNIC_CLEANSING: "Ethnic cleansing",
  INCITEMENT: "Incitement",
};
export const CRIME_ORDER: Crime[] = ["GENOCIDE", "WAR_CRIMES", "CRIMES_AGAINST_HUMANITY", "ETHNIC_CLEANSING", "INCITEMENT"];

export const CRIME_STATUS_LABELS: Record<CrimeStatus, string> = {
  NOT_ASSESSED: "Not assessed",
  RISK: "At risk",
  ALLEGED: "Ongoing (alleged)",
  DOCUMENTED: "Ongoing (documented)",
  PAST: "Past (accountability pending)",
};

export const ROLE_LABELS: Record<Role, string> = { VIEWER: "Viewer", ANALYST: "Analyst", ADMIN: "Administrator" };

export const VISIBILITY_LABELS: Record<Visibility, string> = {
  ORGANISATION: "My organisation only",
  COALITION: "Shared with the coalition",
};

export const FACTOR_GROUP_LABELS: Record<FactorGroup, string> = {
  COMMON: "Common risk factors (all atrocity crimes)",
  GENOCIDE: "Specific risk factors: genocide",
  CRIMES_AGAINST_HUMANITY: "Specific risk factors: crimes against humanity",
  WAR_CRIMES: "Specific risk factors: war crimes",
};

export const RATING_LEVEL_LABELS: Record<RatingLevel, string> = { NONE: "None", PRESENT: "Present", SIGNIFICANT: "Significant", SEVERE: "Severe" };
export const TREND_LABELS: Record<Trend, string> = { RISING: "Rising", STABLE: "Stable", FALLING: "Falling" };
export const CONFIDENCE_LABELS: Record<Confidence, string> = { LOW: "Low", MEDIUM: "Medium", HIGH: "High" };

export const PILLAR_LABELS: Record<Pillar, string> = {
  I: "Pillar I: the State's own responsibility",
  II: "Pillar II: international assistance",
  III: "Pillar III: timely and decisive collective response",
};

export const RESPONSE_TYPE_LABELS: Record<ResponseType, string> = {
  STATEMENT: "Statement",
  DEMARCHE: "Démarche",
  MEDIATION: "Mediation",
  CAPACITY_BUILDING: "Capacity building",
  TECHNICAL_ASSISTANCE: "Technical assistance",
  HUMANITARIAN_ASSISTANCE: "Humanitarian assistance",
  FACT_FINDING: "Fact-finding / commission of inquiry",
  TARGETED_SANCTIONS: "Targeted sanctions",
  ARMS_EMBARGO: "Arms embargo",
  ICC_REFERRAL: "ICC referral",
  PEACE_OPERATION: "Peace operation",
  AUTHORISED_USE_OF_FORCE: "Authorised use of force",
  NATIONAL_ACTION_PLAN: "National action plan",
  ACCOUNTABILITY: "Accountability / prosecutions",
  OTHER: "Other",
};

export const ACTOR_TYPE_LABELS: Record<ActorType, string> = {
  STATE_CONCERNED: "The State concerned",
  UN_SECURITY_COUNCIL: "UN Security Council",
  UN_GENERAL_ASSEMBLY: "UN General Assembly",
  UN_HUMAN_RIGHTS_COUNCIL: "UN Human Rights Council",
  UN_SECRETARY_GENERAL: "UN Secretary-General / Special Adviser",
  REGIONAL_BODY: "Regional or sub-regional body",
  OTHER_STATE: "Another State",
  CIVIL_SOCIETY: "NGO / civil society",
};

export const RESPONSE_STATUS_LABELS: Record<ResponseStatus, string> = {
  PROPOSED: "Proposed",
  ADOPTED: "Adopted",
  IMPLEMENTED: "Implemented",
  BLOCKED: "Blocked / vetoed",
  LAPSED: "Lapsed",
};
