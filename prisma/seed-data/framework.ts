// UN Framework of Analysis for Atrocity Crimes (2014): 14 risk factors and their indicators,
// keyed by the Framework's numbering. Descriptions paraphrased in this project's own words.
// NOTE: which text each indicator's wording was checked against is FRAMEWORK_PROVENANCE at the end
// of this file, shown in the catalogue (/indicators). Factors 12-14's titles and descriptions and
// indicators 13.1-13.10 were checked against a third-party copy of the text (2026-12-02; 13.5, 13.7,
// 13.8 and 13.10 brought closer to it); 7.1-7.10, 8.x and 9.x against a published quotation
// (2026-12-04, no change needed); 13.1-13.9 again against the same publisher's quotation of factor 13
// (2026-12-04; 13.6 and 13.8 brought closer to it: "aligned or perceived as aligned", "objects").
// Factor 11, the indicators of 11, 12 and 14, and 13.11 onward still need checking against the 2014
// PDF (A/70/741-S/2016/71): no copy of those pages could be read from here (2026-12-04: the copies
// found, on paperzz.com, documents.pub, fdocuments.net and docslib.org, showed only their opening pages).
export type FrameworkGroup = "COMMON" | "GENOCIDE" | "CRIMES_AGAINST_HUMANITY" | "WAR_CRIMES";
export interface FrameworkFactor {
  number: number;            // 1..14
  title: string;             // short standard title
  description: string;       // one or two sentences, our words: what the factor is about
  group: FrameworkGroup;     // 1-8 COMMON, 9-10 GENOCIDE, 11-12 CRIMES_AGAINST_HUMANITY, 13-14 WAR_CRIMES
  indicators: { code: string; text: string }[]; // code "7.5"
}
export const FRAMEWORK_FACTORS: FrameworkFactor[] = [
  {
    number: 1,
    title: "Situations of armed conflict or other forms of instability",
    description:
      "War, security or humanitarian emergencies, and political, economic or social turmoil that put a State under heavy strain and make atrocities more likely.",
    group: "COMMON",
    indicators: [
      { code: "1.1", text: "An armed conflict is under way, whether between States or inside the country." },
      { code: "1.2", text: "A security crisis, for example after a peace deal collapses, fighting spills over from a neighbour, foreign intervention is threatened, or terrorist attacks occur." },
      { code: "1.3", text: "A humanitarian emergency, including one set off by a natural disaster or an epidemic." },
      { code: "1.4", text: "Political instability after a sudden or unconstitutional change of government or handover of power." },
      { code: "1.5", text: "Political instability from power struggles or the rise of nationalist, armed or radical opposition movements." },
      { code: "1.6", text: "Political tension driven by authoritarian rule or harsh political repression." },
      { code: "1.7", text: "Economic instability from scarce resources or from disputes over who may use or exploit them." },
      { code: "1.8", text: "Economic instability from a severe crisis in the national economy." },
      { code: "1.9", text: "Economic instability from extreme poverty, mass unemployment or deep inequality between groups." },
      { code: "1.10", text: "Social unrest from resistance to, or mass protests against, the authorities or their policies." },
      { code: "1.11", text: "Social instability from exclusion or tension around identity, whether real, perceived or in extremist form." },
    ],
  },
  {
    number: 2,
    title: "Record of serious violations of international human rights and humanitarian law",
    description:
      "Past or ongoing serious abuses, including earlier atrocity crimes, that were never prevented, punished or dealt with and so point to a risk of more.",
    group: "COMMON",
    indicators: [
      { code: "2.1", text: "Serious past or present abuses or restrictions of human rights or humanitarian law, especially an emerging pattern aimed at protected groups or people." },
      { code: "2.2", text: "Genocide, crimes against humanity or war crimes, or incitement to them, have happened before." },
      { code: "2.3", text: "Impunity for, or tolerance of, serious abuses, atrocity crimes or incitement is official policy or common practice." },
      { code: "2.4", text: "Those able to act fail, hesitate or refuse to use every available means to stop foreseeable or ongoing serious abuses or likely atrocities." },
      { code: "2.5", text: "Continued backing for groups accused of serious abuses or atrocity crimes, or failure to condemn what they do." },
      { code: "2.6", text: "Serious abuses or atrocity crimes are justified, told in a one-sided way, or denied." },
      { code: "2.7", text: "Reconciliation or transitional justice after a conflict is missing or has been turned into a political tool." },
      { code: "2.8", text: "Impunity has left people deeply distrustful of State institutions or of other groups." },
    ],
  },
  {
    number: 3,
    title: "Weakness of State structures",
    description:
      "Gaps in laws, institutions and oversight that leave the State unable to prevent or stop atrocity crimes.",
    group: "COMMON",
    indicators: [
      { code: "3.1", text: "National law gives weak or ineffective protection, including failure to ratify or build into domestic law key human rights and humanitarian law treaties." },
      { code: "3.2", text: "Courts, police and human rights bodies are short of resources, do not reflect the population, or are poorly trained." },
      { code: "3.3", text: "The judiciary is not independent or impartial." },
      { code: "3.4", text: "Civilian authorities do not have real control over the security forces." },
      { code: "3.5", text: "Corruption is widespread or governance is poor." },
      { code: "3.6", text: "Internal or external oversight and accountability bodies, including ways for victims to seek redress, are missing or inadequate." },
      { code: "3.7", text: "Armed forces, irregular forces, non-State armed groups or other key actors know little about, or are not trained in, human rights and humanitarian law." },
      { code: "3.8", text: "The State cannot make sure that the weapons and tactics used in fighting respect humanitarian law." },
      { code: "3.9", text: "No resources are available for reform or institution-building, including from regional or international partners." },
      { code: "3.10", text: "There are not enough resources to carry out general measures to protect the population." },
    ],
  },
  {
    number: 4,
    title: "Motives or incentives",
    description:
      "Reasons, goals or drivers that could be used to justify violence against protected groups, populations or individuals, including by actors outside the country.",
    group: "COMMON",
    indicators: [
      { code: "4.1", text: "Political motives, especially winning or holding on to power." },
      { code: "4.2", text: "Economic interests, such as protecting the wealth of elites or particular groups, or controlling how resources are shared out." },
      { code: "4.3", text: "Strategic or military interests, such as holding or seizing territory and resources." },
      { code: "4.4", text: "Other aims, such as making an area uniform in terms of identity." },
      { code: "4.5", text: "Protected groups or individuals are seen, rightly or wrongly, as a threat to the perpetrators' interests or goals, or as disloyal to a cause." },
      { code: "4.6", text: "Protected groups or individuals are seen, rightly or wrongly, as members or supporters of armed opposition groups." },
      { code: "4.7", text: "Ideologies that claim one identity is superior, or that push extremist versions of an identity." },
      { code: "4.8", text: "Old grievances, tensions or impunity are being exploited for political ends." },
      { code: "4.9", text: "Unaddressed trauma from past violence has left feelings of loss, displacement and injustice, and possibly a wish for revenge." },
    ],
  },
  {
    number: 5,
    title: "Capacity to commit atrocity crimes",
    description:
      "Signs that the actors involved have the people, weapons, money, logistics and backing needed to carry out atrocities.",
    group: "COMMON",
    indicators: [
      { code: "5.1", text: "Personnel, arms and ammunition are available, or there is public or private money to obtain them." },
      { code: "5.2", text: "Actors can move and deploy personnel, and can transport and hand out arms and ammunition." },
      { code: "5.3", text: "Actors can encourage or recruit large numbers of supporters and have the means to mobilise them." },
      { code: "5.4", text: "A strong culture of obeying authority and going along with the group." },
      { code: "5.5", text: "Presence of, or ties to, other armed forces or non-State armed groups." },
      { code: "5.6", text: "Businesses that could help perpetrators keep going by supplying goods, services, or practical or technical support." },
      { code: "5.7", text: "Financial, political or other backing from powerful or wealthy people inside the country." },
      { code: "5.8", text: "Weapons, money, logistics, training or other support from outside actors such as States, international or regional bodies, or private companies." },
    ],
  },
  {
    number: 6,
    title: "Absence of mitigating factors",
    description:
      "Missing protective elements, inside or outside the country, that could prevent serious violence or lessen its impact.",
    group: "COMMON",
    indicators: [
      { code: "6.1", text: "Protected groups or individuals lack the means, resources, allies or empowerment they would need to protect themselves." },
      { code: "6.2", text: "There is no strong, organised and representative civil society, and no free, varied and independent national media." },
      { code: "6.3", text: "International civil society pays little attention, or international media cannot get access." },
      { code: "6.4", text: "The UN, international NGOs or other international or regional actors have little or no presence in the country or access to affected people." },
      { code: "6.5", text: "The State is not a member of, or does not genuinely take part in, international or regional organisations whose membership carries binding obligations." },
      { code: "6.6", text: "The State is closed off, with few political or economic ties to other States or organisations." },
      { code: "6.7", text: "The State cooperates little with international and regional human rights mechanisms." },
      { code: "6.8", text: "Parties to a conflict have little reason or will to talk, make concessions or accept help from the international community." },
      { code: "6.9", text: "UN Member States or international and regional bodies are uninterested in, reluctant about or failing at helping the State protect people, or at acting when it clearly fails to." },
      { code: "6.10", text: "Neighbouring States do not help people at risk who need refuge, for example by closing borders, forcing returns or restricting aid." },
      { code: "6.11", text: "There is no early warning mechanism relevant to preventing atrocity crimes." },
    ],
  },
  {
    number: 7,
    title: "Enabling circumstances or preparatory action",
    description:
      "Events or measures, sudden or gradual, that create conditions for atrocity crimes or show movement towards committing them.",
    group: "COMMON",
    indicators: [
      { code: "7.1", text: "Emergency laws or exceptional security measures that wear away fundamental rights." },
      { code: "7.2", text: "Key State institutions are suspended, interfered with or reshaped, especially where protected groups end up excluded or unrepresented." },
      { code: "7.3", text: "Security forces are built up, reorganised or mobilised against protected groups, populations or individuals." },
      { code: "7.4", text: "Large amounts of weapons, ammunition or other objects that could be used to cause harm are being acquired." },
      { code: "7.5", text: "Militias or paramilitary groups are set up or given more support." },
      { code: "7.6", text: "Communication channels are tightly controlled, or access to them is cut off." },
      { code: "7.7", text: "NGOs, international organisations, media or other relevant actors are expelled, kept out, or heavily restricted in their work and movement." },
      { code: "7.8", text: "Rising attacks on the life, safety, liberty or security of members of protected groups, or new laws or measures that hit them or deliberately discriminate against them." },
      { code: "7.9", text: "Rising serious violence against women and children, or conditions that make sexual violence against them easier, including as a tool of terror." },
      { code: "7.10", text: "Life-threatening living conditions are imposed, or protected groups are deported, rounded up, segregated, evacuated or forced into camps, rural areas, ghettos or other assigned places." },
      { code: "7.11", text: "Essential goods or facilities that protected groups rely on, or property tied to their cultural or religious identity, are destroyed or looted." },
      { code: "7.12", text: "People or their property are marked according to the group they belong to." },
      { code: "7.13", text: "Identity, past events or reasons to use violence are being made more and more political." },
      { code: "7.14", text: "Growing inflammatory rhetoric, propaganda or hate speech aimed at protected groups, populations or individuals." },
    ],
  },
  {
    number: 8,
    title: "Triggering factors",
    description:
      "Events, even ones that seem unrelated to atrocities, that can sharply worsen existing conditions or set off atrocity crimes.",
    group: "COMMON",
    indicators: [
      { code: "8.1", text: "Security forces are suddenly deployed or armed hostilities break out." },
      { code: "8.2", text: "Armed conflict or serious tension in a neighbouring country spills over the border." },
      { code: "8.3", text: "Steps taken by the international community that are seen as a threat to the State's sovereignty." },
      { code: "8.4", text: "Sudden or irregular changes of regime, handovers of power, or shifts in the political power of groups." },
      { code: "8.5", text: "Attacks on the life, safety, liberty or security of leaders, prominent figures or members of rival groups, or other serious violence such as terrorist attacks." },
      { code: "8.6", text: "Religious events, or real or perceived acts of religious intolerance or disrespect, including ones abroad." },
      { code: "8.7", text: "Incitement or hate propaganda aimed at particular groups or individuals." },
      { code: "8.8", text: "A census or elections, key steps in those processes, or measures that destabilise them." },
      { code: "8.9", text: "Sudden shocks to the economy or the workforce, for example from financial crises, natural disasters or epidemics." },
      { code: "8.10", text: "Natural resources are found or extraction projects launched in ways that seriously affect the livelihoods and survival of groups or civilians." },
      { code: "8.11", text: "Commemorations of past crimes or of traumatic or historic events that can inflame tensions between groups, including glorification of perpetrators." },
      { code: "8.12", text: "Steps in accountability processes, especially when they are seen as unfair." },
    ],
  },
  {
    number: 9,
    title: "Intergroup tensions or patterns of discrimination against protected groups",
    description:
      "Past or present conduct showing serious prejudice against national, ethnic, racial or religious groups, straining relations between groups or with the State.",
    group: "GENOCIDE",
    indicators: [
      { code: "9.1", text: "Serious discrimination, segregation, restriction or exclusion of protected groups in practice, policy or law, now or in the past." },
      { code: "9.2", text: "The existence of protected groups, or key parts of their identity, is denied or not recognised." },
      { code: "9.3", text: "Atrocity crimes have been committed against protected groups in the past and gone unpunished." },
      { code: "9.4", text: "Serious tension or conflict between protected groups or with the State over rights, resources, economic life, a say in decisions, security, identity, or views of the targeted group." },
      { code: "9.5", text: "Serious tension or conflict among other kinds of groups (political, social, cultural, regional) that could turn into national, ethnic, racial or religious divides." },
      { code: "9.6", text: "No national mechanisms or initiatives exist to deal with identity-based tension or conflict." },
    ],
  },
  {
    number: 10,
    title: "Signs of an intent to destroy in whole or in part a protected group",
    description:
      "Facts or circumstances suggesting that those involved mean to destroy a national, ethnic, racial or religious group, wholly or partly.",
    group: "GENOCIDE",
    indicators: [
      { code: "10.1", text: "Official papers, political manifestos, media records or other material openly show, or leave no other reasonable reading than, an intent or incitement to target a protected group." },
      { code: "10.2", text: "Members of a protected group, or chosen parts of it, are being physically eliminated, quickly or gradually, in a way that could destroy the group." },
      { code: "10.3", text: "Widespread or systematic discrimination or violence against the lives, freedom or physical and moral integrity of a protected group, even if short of elimination." },
      { code: "10.4", text: "Policies or measures that seriously affect women's reproductive rights, or that plan to separate or forcibly transfer children of protected groups." },
      { code: "10.5", text: "Especially harmful or dehumanising violence against a protected group, aimed at humiliating or terrorising it to break it apart, or at changing its identity." },
      { code: "10.6", text: "Especially harmful means of violence, including weapons banned under international law, used against a protected group." },
      { code: "10.7", text: "Public rejoicing at having control over a protected group and over its existence." },
      { code: "10.8", text: "Homes, farms, businesses or other livelihoods of a protected group, or its cultural or religious symbols and property, are attacked or destroyed." },
    ],
  },
  {
    number: 11,
    title: "Signs of a widespread or systematic attack against any civilian population",
    description:
      "Signs of large-scale, frequent or organised violence, or a regular pattern of violence, directed at any civilian population.",
    group: "CRIMES_AGAINST_HUMANITY",
    indicators: [
      { code: "11.1", text: "Recurring patterns of violence against civilians or an identifiable group, including against their property, livelihoods and cultural or religious symbols." },
      { code: "11.2", text: "Violence is spreading: more civilian groups or a wider area are targeted, or violent acts become more frequent, varied, large-scale or severe." },
      { code: "11.3", text: "Violent acts against civilians become more organised or coordinated, or are carried out with heavier weaponry." },
      { code: "11.4", text: "Media or other channels are used to provoke or incite violent acts." },
      { code: "11.5", text: "Significant public or private resources are available to, and used by, those carrying out violent acts." },
      { code: "11.6", text: "State institutions or senior political or military figures take part in violent acts against civilians." },
    ],
  },
  {
    number: 12,
    title: "Signs of a plan or policy to attack any civilian population",
    description:
      "Facts suggesting a State or organisational policy, even one never written down or formally adopted, to commit serious violence against any civilian population.",
    group: "CRIMES_AGAINST_HUMANITY",
    indicators: [
      { code: "12.1", text: "Documents, manifestos, speeches, media records or other material show, or clearly imply, an intent or incitement to attack a civilian population." },
      { code: "12.2", text: "Security procedures are applied in a discriminatory way to different groups of civilians." },
      { code: "12.3", text: "Measures that change the ethnic, religious, racial or political make-up of the population in a given area or across the country." },
      { code: "12.4", text: "Parallel institutions or autonomous political or military structures are set up, or are used to organise a plan or policy." },
      { code: "12.5", text: "Armed forces, militias or other armed groups are mobilised in ways that point to action against civilians." },
      { code: "12.6", text: "Significant public or private resources, military or otherwise, are prepared or used for violence against civilians." },
      { code: "12.7", text: "Clear links between the political leadership and the military or armed hierarchy carrying out violence against civilians." },
      { code: "12.8", text: "Attacks on civilians are repeated and coordinated across time and place, following similar methods." },
      { code: "12.9", text: "Discriminatory administrative measures, such as limits on movement, documents, property or banking, target particular civilian groups." },
      { code: "12.10", text: "The violence reaches a large scale, including killings, rape, arbitrary detention, deportation and destruction of civilian and religious property." },
    ],
  },
  {
    number: 13,
    title: "Serious threats to those protected under international humanitarian law",
    description:
      "Conduct linked to armed conflict that seriously endangers the life and physical safety of people protected by international humanitarian law.",
    group: "WAR_CRIMES",
    indicators: [
      { code: "13.1", text: "Parties to the conflict are splintering, or their chains of command are breaking down or missing." },
      { code: "13.2", text: "Opposing parties distrust each other because of past or present broken commitments or agreements." },
      { code: "13.3", text: "Parties to the conflict are becoming more radical or extremist." },
      { code: "13.4", text: "Ethnicity or religion is promoted as the test of loyalty to the nation or to a side in the conflict." },
      { code: "13.5", text: "Behaviour that dehumanises the enemy or parts of the population, or shows contempt for their religious, ethnic or cultural traditions, values, morals, objects or institutions." },
      { code: "13.6", text: "Measures that severely cut the rights of people protected by humanitarian law, including those aligned, or seen as aligned, with the other side who are not taking an active part in the fighting." },
      { code: "13.7", text: "Plans or statements threatening or inciting violence against protected people, e.g. to spread terror, intimidate, demoralise, show strength, force displacement or pave the way for more violence." },
      { code: "13.8", text: "Interfering with or impeding the delivery of, or access to, supplies, facilities, equipment, objects, or medical or humanitarian help that protected people need to survive." },
      { code: "13.9", text: "Personnel and logistics are being readied to transport, move or confine large numbers of people, or to carry out medical experiments." },
      { code: "13.10", text: "Planning, development, production, stockpiling, acquisition, availability or transfer of weapons banned under international law." },
      { code: "13.11", text: "Orders, rules of engagement or policies that disregard humanitarian law, such as refusing to spare those who surrender or dropping precautions for civilians." },
      { code: "13.12", text: "Attacks on, or military use of, specially protected places such as hospitals, schools, places of worship, cultural sites or objects vital for survival." },
      { code: "13.13", text: "Serious violations of humanitarian law carried out as part of a plan or policy, or on a large scale." },
    ],
  },
  {
    number: 14,
    title: "Serious threats to humanitarian or peacekeeping operations",
    description:
      "Conflict-related conduct that threatens the protection humanitarian law gives to aid workers and peacekeepers who are not taking part in the fighting.",
    group: "WAR_CRIMES",
    indicators: [
      { code: "14.1", text: "Aid workers or peacekeepers are portrayed as siding with another party to the conflict, or as an obstacle to military success." },
      { code: "14.2", text: "Past or ongoing attacks or threats against humanitarian or peacekeeping staff, facilities, supplies, units or vehicles." },
      { code: "14.3", text: "Plans or statements that threaten or incite violence against humanitarian or peacekeeping operations." },
      { code: "14.4", text: "Measures that obstruct humanitarian or peacekeeping operations, or block their access and movement." },
      { code: "14.5", text: "The distinctive emblems and signs of humanitarian or peacekeeping operations are disrespected or misused." },
    ],
  },
];

// ---------------------------------------------------------------------------------------------
// Provenance: against which text each indicator's wording was checked (issue #27). Kept here, by
// indicator key (UN:<code>, as the seed stores it), so the catalogue page shows it without a
// column in the database. Update it whenever an indicator is checked again.

export type ProvenanceStatus = "CHECKED" | "NUMBERING_ONLY" | "NOT_CHECKED";
export interface Provenance {
  status: ProvenanceStatus;
  /** Shown in the catalogue next to the indicator: which text it was checked against, or that it was not. */
  note: string;
}

/** The Framework as the UN issued it to the General Assembly and the Security Council. */
export const FRAMEWORK_DOCUMENT = "UN document A/70/741–S/2016/71";

const PROVENANCE_NOTES = {
  quoted20261204: {
    status: "CHECKED",
    note: "Checked on 2026-12-04 against the Framework's wording as quoted by the West Papua Genocide Monitor (thewestpapuagenocidemonitor.org, its pages on risk factors 7, 8 and 9).",
  },
  copy20261202: { status: "CHECKED", note: "Checked on 2026-12-02 against a third-party copy of the Framework's text." },
  copy20261202quoted20261204: {
    status: "CHECKED",
    note: "Checked on 2026-12-02 against a third-party copy of the Framework's text, and again on 2026-12-04 against its wording as quoted by the West Papua Genocide Monitor (thewestpapuagenocidemonitor.org, its page on risk factor 13).",
  },
  numbering: { status: "NUMBERING_ONLY", note: `Its number was checked against published quotations of the Framework; its wording is our paraphrase, not yet checked against ${FRAMEWORK_DOCUMENT}.` },
  unchecked: { status: "NOT_CHECKED", note: `Not yet checked against the Framework's text (${FRAMEWORK_DOCUMENT}).` },
} satisfies Record<string, Provenance>;

/** Which indicators each note applies to (factor: first and last indicator number); the rest: numbering only. */
const PROVENANCE_RANGES: [keyof typeof PROVENANCE_NOTES, number, number, number][] = [
  ["quoted20261204", 7, 1, 10], // the page quoted 7.1-7.10 (7.11-7.14 were cut off in the copy read)
  ["quoted20261204", 8, 1, 12],
  ["quoted20261204", 9, 1, 6],
  ["unchecked", 11, 1, 99],
  ["unchecked", 12, 1, 99],
  ["copy20261202quoted20261204", 13, 1, 9],
  ["copy20261202", 13, 10, 10], // the page quoted 13.10 only in part (cut off in the copy read)
  ["unchecked", 13, 11, 99],
  ["unchecked", 14, 1, 99],
];

/** The provenance of each of the Framework's indicators, by key (UN:7.1). */
export const FRAMEWORK_PROVENANCE: Record<string, Provenance> = Object.fromEntries(
  FRAMEWORK_FACTORS.flatMap((f) =>
    f.indicators.map((ind) => {
      const n = Number(ind.code.split(".")[1]);
      const range = PROVENANCE_RANGES.find(([, factor, from, to]) => factor === f.number && n >= from && n <= to);
      return [`UN:${ind.code}`, PROVENANCE_NOTES[range ? range[0] : "numbering"]];
    }),
  ),
);
