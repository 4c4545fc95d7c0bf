// The country brief as a PDF (server-side, @react-pdf/renderer; no browser): the structure NGO
// briefs use, with a footer carrying the organisation, author, date and sensitivity marking.
import { Document, Font, Image, Line, Page, Polyline, Rect, StyleSheet, Svg, Text, View, Tspan, Text as SvgText } from "@react-pdf/renderer";
import { overviewMarking, type BriefData } from "@/lib/briefs/data";
import { SCRIPT_FONTS, ttf } from "./fonts";
import { CRIME_LABELS, CRIME_ORDER, CRIME_STATUS_LABELS, PILLAR_LABELS, RATING_LEVEL_LABELS, RESPONSE_STATUS_LABELS, RISK_CATEGORY_DEFINITIONS, RISK_CATEGORY_LABELS, RISK_CATEGORY_ORDER } from "@/lib/labels";
import { isoDate } from "@/lib/format";
import { ExternalRatingsPdf } from "./external-ratings-pdf";
import { KeyFactorsPdf } from "./key-factors-pdf";
import { keyFactorLine, keyFactors } from "@/lib/briefs/key-factors";
import { BRIEF_SIGNALS_HEADING, briefSignalSentences, briefSignalsNote } from "@/lib/signals/brief";
import { changeText, coverageText, factorName, indicatorsByFactor, latestRoundSentence, overallText, scoreText } from "@/lib/indicators/score-text";
import { markerText, markersOf, sourceEntry } from "@/lib/briefs/citations";
import { NO_RESPONSE_IN_PERIOD, NO_ROUND_YET, bulletinIntro, busiestWeekSentence, keyFactorsIntro, periodResponsesHeading, recentEventsSentence, recentHeading, responseLine, sinceLastSentence } from "@/lib/briefs/wording";
import { everyWeek } from "@/lib/briefs/weeks";
import { breakableParts } from "@/lib/briefs/line-breaks";
import { fitWithin, imageSize } from "@/lib/briefs/image-size";
import type { BriefLogo } from "@/lib/briefs/docx";
import { compareCodes } from "@/lib/indicators/score";

const RISK_COLOUR: Record<string, string> = { CURRENT_CRISIS: "#8e0f24", IMMINENT_RISK: "#c2410c", SERIOUS_CONCERN: "#9a6700", MONITORING: "#1f5f8b", RESOLVED: "#3b6e3b" };

for (const [family, pkg, file] of SCRIPT_FONTS) {
  Font.register({ family, fonts: [{ src: ttf(pkg, file, "400Regular") }, { src: ttf(pkg, file, "700Bold"), fontWeight: "bold" }] });
}
const TEXT_FONTS = SCRIPT_FONTS.map(([family]) => family);
// Words are not hyphenated ("docu-mented" in narrow cells, issue #29); a long address may break at its punctuation rather than be cut off (lib/briefs/line-breaks.ts).
Font.registerHyphenationCallback(breakableParts);

const st = StyleSheet.create({
  page: { paddingTop: 48, paddingBottom: 64, paddingHorizontal: 48, fontSize: 10, fontFamily: TEXT_FONTS, color: "#1b1f24" },
  marking: { position: "absolute", top: 18, left: 48, right: 48, textAlign: "center", fontSize: 8, color: "#a40e26", fontWeight: "bold" },
  title: { fontSize: 20, fontWeight: "bold", marginBottom: 6, lineHeight: 1.2 },
  subtitle: { fontSize: 10, color: "#57606a", marginBottom: 10 },
  badge: { color: "#fff", paddingHorizontal: 6, paddingVertical: 2, fontWeight: "bold", fontSize: 10, alignSelf: "flex-start", marginBottom: 8 },
  h2: { fontSize: 13, fontWeight: "bold", marginTop: 14, marginBottom: 6, color: "#14213d" },
  h3: { fontSize: 11, fontWeight: "bold", marginTop: 8, marginBottom: 4 },
  p: { marginBottom: 6 },
  muted: { color: "#57606a" },
  row: { flexDirection: "row", borderBottomWidth: 0.5, borderBottomColor: "#d0d7de", paddingVertical: 3 },
  head: { fontWeight: "bold", backgroundColor: "#eef1f4" },
  footer: { position: "absolute", bottom: 28, left: 48, right: 48, fontSize: 8, color: "#57606a", borderTopWidth: 0.5, borderTopColor: "#d0d7de", paddingTop: 6 },
  // The line height is set on the content, not the page: inherited from the page, it kept the page number from being drawn (@react-pdf/renderer 4.9).
  body: { fontSize: 10, lineHeight: 1.4 },
  pageNumber: { position: "absolute", bottom: 16, left: 48, right: 48, fontSize: 8, color: "#57606a", textAlign: "right" },
  note: { fontSize: 8, color: "#57606a", marginTop: 4 },
});

function Footer({ data, author, generatedAt }: { data: Pick<BriefData, "organisation" | "marking">; author: string; generatedAt: Date }) {
  return (
    <>
      <Text style={st.marking} fixed>
        {data.marking}
      </Text>
      <Text style={st.footer} fixed>
        {`${data.organisation.name} · prepared by ${author} · ${isoDate(generatedAt)} · ${data.marking}`}
      </Text>
      <Text style={st.pageNumber} fixed render={({ pageNumber, totalPages }) => `page ${pageNumber} of ${totalPages}`} />
    </>
  );
}

/** The organisation's logo above the title, within 180 x 60 points (the Word brief's 240 x 80 pixels), its proportions kept; nothing when its size cannot be read. */
function Logo({ logo }: { logo: BriefLogo }) {
  const size = logo && imageSize(logo.data, logo.type);
  if (!logo || !size) return null;
  const { width, height } = fitWithin({ width: size.width * 0.75, height: size.height * 0.75 }, { width: 180, height: 60 });
  // eslint-disable-next-line jsx-a11y/alt-text -- @react-pdf/renderer's Image takes no alternative text (the organisation is named in the footer)
  return <Image src={{ data: logo.data, format: logo.type === "image/png" ? "png" : "jpg" }} style={{ width, height, marginBottom: 8 }} />;
}

/** A table whose header row is repeated on every page it runs onto (a `fixed` child of the table's View); rows do not split. */
function Table({ widths, header, rows }: { widths: number[]; header: string[]; rows: string[][] }) {
  return (
    <View>
      <View style={[st.row, st.head]} fixed>
        {header.map((h, i) => (
          <Text key={i} style={{ width: `${widths[i]}%`, paddingRight: 4 }}>
            {h}
          </Text>
        ))}
      </View>
      {rows.map((r, j) => (
        <View key={j} style={st.row} wrap={false}>
          {r.map((c, i) => (
            <Text key={i} style={{ width: `${widths[i]}%`, paddingRight: 4 }}>
              {c}
            </Text>
          ))}
        </View>
      ))}
    </View>
  );
}

/** Where an axis label of about `width` points is drawn so that it stays inside the chart. */
const labelX = (x: number, width: number, W: number) => Math.max(0, Math.min(W - width, x - width / 2));
const DATE_WIDTH = 40; // "2026-12-04" at 7 points

function TrendChart({ rounds }: { rounds: BriefData["rounds"] }) {
  const W = 480;
  const H = 132;
  const bottom = H - 27; // the zero line; the dates under it
  if (rounds.length < 2) return null;
  const x = (i: number) => 30 + (i * (W - 40)) / (rounds.length - 1);
  // The axis fits the data (in steps of 10, up to 100), with the 0-100 scale said beside it; a round not enough assessed is left out of the line.
  const top = Math.min(100, Math.max(10, Math.ceil((Math.max(0, ...rounds.filter((r) => !r.scores.overall.lowConfidence).map((r) => r.scores.overall.score)) * 1.15) / 10) * 10));
  const y = (v: number) => bottom - (v / top) * (bottom - 10);
  const ticks = [0, top / 2, top];
  // The dates of the first, middle and last rounds under the axis (more would overlap).
  const dated = [...new Set([0, Math.floor((rounds.length - 1) / 2), rounds.length - 1])].filter((i) => i === 0 || x(i) - x(0) > DATE_WIDTH + 8);
  return (
    <View wrap={false}>
      <Svg width={W} height={H}>
        {[0, top / 4, top / 2, (3 * top) / 4, top].map((v) => (
          <Line key={v} x1={30} x2={W - 10} y1={y(v)} y2={y(v)} strokeWidth={0.5} stroke="#d0d7de" />
        ))}
        {ticks.map((v) => (
          <SvgText key={`t${v}`} x={4} y={y(v) + 3} style={{ fontSize: 7 }} fill="#57606a">
            <Tspan>{String(v)}</Tspan>
          </SvgText>
        ))}
        {dated.map((i) => (
          <SvgText key={`d${i}`} x={labelX(x(i), DATE_WIDTH, W)} y={bottom + 12} style={{ fontSize: 7 }} fill="#57606a">
            <Tspan>{isoDate(rounds[i].assessedOn)}</Tspan>
          </SvgText>
        ))}
        <Polyline
          points={rounds
            .flatMap((r, i) => (r.scores.overall.lowConfidence ? [] : [`${x(i)},${y(r.scores.overall.score)}`]))
            .join(" ")}
          stroke="#000"
          strokeWidth={2}
          fill="none"
        />
      </Svg>
      <Text style={st.note}>
        Overall score (out of 100; the axis shows 0 to {top}) by published round: {rounds.map((r) => `${isoDate(r.assessedOn)}: ${scoreText(r.scores.overall)}`).join(" · ")}
      </Text>
    </View>
  );
}

/** Events per week of the period, as bars, with the dates of the first, middle and last weeks on the axis. */
function EventsChart({ recent }: { recent: BriefData["recent"] }) {
  const weeks = everyWeek(recent.from, recent.to, recent.weeks);
  const W = 480;
  const H = 96;
  const bottom = H - 22;
  const most = Math.max(1, ...weeks.map((w) => w.events));
  const step = (W - 40) / weeks.length;
  const x = (i: number) => 30 + i * step;
  const y = (v: number) => bottom - (v / most) * (bottom - 8);
  const dated = [...new Set([0, Math.floor((weeks.length - 1) / 2), weeks.length - 1])];
  const busiest = weeks.reduce((a, b) => (b.events > a.events ? b : a), weeks[0]);
  return (
    <View wrap={false}>
      <Text style={st.h3}>Events per week (weeks beginning on Monday)</Text>
      <Svg width={W} height={H}>
        <Line x1={30} x2={W - 10} y1={bottom} y2={bottom} strokeWidth={0.5} stroke="#57606a" />
        <Line x1={30} x2={W - 10} y1={y(most)} y2={y(most)} strokeWidth={0.5} stroke="#d0d7de" />
        {[0, most].map((v) => (
          <SvgText key={`t${v}`} x={4} y={y(v) + 3} style={{ fontSize: 7 }} fill="#57606a">
            <Tspan>{v.toLocaleString("en")}</Tspan>
          </SvgText>
        ))}
        {weeks.map((w, i) =>
          w.events > 0 ? <Rect key={w.week} x={x(i) + 1} y={y(w.events)} width={Math.max(1, step - 2)} height={bottom - y(w.events)} fill="#1f5f8b" /> : null,
        )}
        {dated.map((i) => (
          <SvgText key={`d${i}`} x={labelX(x(i) + step / 2, DATE_WIDTH, W)} y={bottom + 12} style={{ fontSize: 7 }} fill="#57606a">
            <Tspan>{weeks[i].week}</Tspan>
          </SvgText>
        ))}
      </Svg>
      <Text style={st.note}>{busiestWeekSentence(busiest)}</Text>
    </View>
  );
}

/** The period's events: the sentence, the most affected places, the chart; and what changed since the last brief. */
export function RecentEventsPdf({ recent, sinceLast }: { recent: BriefData["recent"]; sinceLast: BriefData["sinceLast"] | null }) {
  return (
    <View>
      <Text style={st.h2}>{recentHeading(recent)}</Text>
      <Text style={st.p}>{recentEventsSentence(recent)}</Text>
      {recent.events > 0 && (
        <>
          <Text style={st.h3}>Most affected places</Text>
          <Table widths={[50, 25, 25]} header={["Place", "Events", "People killed (known)"]} rows={recent.places.map((pl) => [pl.place, pl.events.toLocaleString("en"), pl.killed.toLocaleString("en")])} />
          <EventsChart recent={recent} />
        </>
      )}
      {sinceLast && <Text style={st.p}>{sinceLastSentence(sinceLast)}</Text>}
    </View>
  );
}

/** A claim's markers after it (" [1, 3]"), or nothing when it cites no source. */
function cite(data: BriefData, sourceIds: string[]): string {
  const m = markerText(markersOf(sourceIds, data.claims.numbers));
  return m ? ` ${m}` : "";
}

export function BriefBody({ data }: { data: BriefData }) {
  const s = data.situation;
  const latest = data.latest;
  const pillars = ["I", "II", "III"] as const;
  // Indicators rated None with nothing written or cited say nothing a reader needs: counted, not listed (as in the Word file).
  const listed = data.claims.ratings.filter((r) => r.level !== "NONE" || r.evidence.trim() || r.sourceIds.length);
  const quiet = data.claims.ratings.length - listed.length;
  return (
    <>
      <Text style={st.title}>{s.title}</Text>
      <Text style={st.subtitle}>
        {s.country.name}
        {s.scope ? ` · ${s.scope}` : ""} · risk category since {isoDate(s.riskCategorySince)} · last updated {isoDate(s.updatedAt)}
      </Text>
      <Text style={[st.badge, { backgroundColor: RISK_COLOUR[s.riskCategory] }]}>{RISK_CATEGORY_LABELS[s.riskCategory]}</Text>
      <ExternalRatingsPdf ratings={data.externalRatings} ours={s.riskCategory} />

      <Text style={st.h2}>Background</Text>
      <Text style={st.p}>{s.background || "Not recorded."}</Text>
      {s.populationsAtRisk ? <Text style={st.p}>Populations at risk: {s.populationsAtRisk}</Text> : null}
      {s.perpetrators ? <Text style={st.p}>Alleged perpetrators: {s.perpetrators}</Text> : null}

      <Text style={st.h2}>Recent developments</Text>
      <Text style={st.p}>{s.summary || "Not recorded."}</Text>

      <RecentEventsPdf recent={data.recent} sinceLast={data.sinceLast} />

      <Text style={st.h2}>{BRIEF_SIGNALS_HEADING}</Text>
      <Text style={st.p}>{briefSignalsNote(data.signals)}</Text>
      {briefSignalSentences(data.signals).map((line) => (
        <Text key={line} style={st.p}>
          • {line}
        </Text>
      ))}

      <Text style={st.h2}>The four crimes and incitement</Text>
      <Table
        widths={[22, 20, 58]}
        header={["Crime", "Status", "Rationale"]}
        rows={CRIME_ORDER.map((c) => {
          const a = s.crimes.find((x) => x.crime === c);
          return [CRIME_LABELS[c], CRIME_STATUS_LABELS[a?.status ?? "NOT_ASSESSED"], `${a?.rationale || "—"}${a ? cite(data, a.citations.map(({ source }) => source.id)) : ""}`];
        })}
      />

      <KeyFactorsPdf data={data} />
      <Text style={st.h2}>Risk factor analysis</Text>
      {latest ? (
        <>
          <Text style={st.p}>{latestRoundSentence(isoDate(latest.assessedOn), latest.scores, data.change ? { delta: data.change.overall.delta, since: isoDate(data.previous!.assessedOn) } : null)}</Text>
          <Text style={st.p}>Every risk factor of the UN Framework of Analysis, with what was assessed: a factor not assessed is shown as such, not as no risk.</Text>
          <Table
            widths={[34, 20, 22, 24]}
            header={["Risk factor", "Score (0-100)", "Coverage", "Driven by"]}
            rows={data.factors.map((f) => {
              const fs = latest.scores.factors[f.number];
              return [
                factorName(f.number),
                `${scoreText(fs)}${fs && data.change?.factors[f.number] ? ` (${changeText(data.change.factors[f.number].delta)})` : ""}`,
                coverageText(fs),
                fs?.drivers.length
                  ? fs.drivers
                      .slice(0, 4)
                      .map((d) => `${d.code} ${RATING_LEVEL_LABELS[d.level]}`)
                      .join(", ")
                  : "None present",
              ];
            })}
          />
          <Text style={st.h3}>Indicators driving the overall score</Text>
          {latest.scores.overall.drivers.slice(0, 6).map((d) => (
            <Text key={d.indicatorId} style={st.p}>
              • {d.code} ({RATING_LEVEL_LABELS[d.level]}): {data.indicatorText[d.indicatorId] ?? ""}
            </Text>
          ))}
          {data.change && data.change.newSevere.length > 0 && (
            <Text style={st.p}>New severe since the previous round: {indicatorsByFactor(data.change.newSevere, compareCodes)}.</Text>
          )}
          {listed.length > 0 && (
            <>
              <Text style={st.h3}>Ratings of the latest round</Text>
              <Table
                widths={[42, 16, 42]}
                header={["Indicator", "Rating", "Evidence"]}
                rows={listed.map((r) => [`${r.code} ${r.text}`, RATING_LEVEL_LABELS[r.level as keyof typeof RATING_LEVEL_LABELS], `${r.evidence || "No evidence written."}${cite(data, r.sourceIds)}`])}
              />
            </>
          )}
          {quiet > 0 && <Text style={st.note}>{quiet === 1 ? "1 indicator rated None, with no evidence written, is not listed." : `${quiet} indicators rated None, with no evidence written, are not listed.`}</Text>}
          <TrendChart rounds={data.rounds} />
        </>
      ) : (
        <Text style={st.p}>{NO_ROUND_YET}</Text>
      )}

      <Text style={st.h2}>International response</Text>
      {pillars.map((p) => {
        const rs = data.responses.filter((r) => r.pillar === p);
        return (
          <View key={p}>
            <Text style={st.h3}>{PILLAR_LABELS[p]}</Text>
            {rs.length === 0 ? (
              <Text style={[st.p, st.muted]}>None recorded.</Text>
            ) : (
              rs.map((r) => (
                <Text key={r.id} style={st.p}>
                  • {isoDate(r.startDate)} · {r.actorName}: {r.title}
                  {r.reference ? ` (${r.reference})` : ""} · {RESPONSE_STATUS_LABELS[r.status]}
                  {cite(data, r.citations.map(({ source }) => source.id))}
                </Text>
              ))
            )}
          </View>
        );
      })}

      <Text style={st.h2}>Recommended action</Text>
      <Text style={st.p}>{s.recommendedAction || "Not recorded."}</Text>

      <Text style={st.h2}>Sources</Text>
      {data.claims.sources.length === 0 ? (
        <Text style={[st.p, st.muted]}>No claim in this brief cites a source.</Text>
      ) : (
        data.claims.sources.map((src) => (
          <Text key={src.id} style={st.p}>
            {`${src.n}. ${sourceEntry(src)}`}
          </Text>
        ))
      )}
    </>
  );
}

export function BriefPdf({ data, author, generatedAt, logo = null }: { data: BriefData; author: string; generatedAt: Date; logo?: BriefLogo }) {
  return (
    <Document title={`${data.situation.title}: country brief`} author={author} subject="Atrocity crimes risk brief" creator="Atrocity Early Warning">
      <Page size="A4" style={st.page}>
        <Footer data={data} author={author} generatedAt={generatedAt} />
        <View style={st.body}>
          <Logo logo={logo} />
          <BriefBody data={data} />
        </View>
      </Page>
    </Document>
  );
}

/** The coalition bulletin (issue #29): the category definitions and the order, then one page per chosen situation for the period. */
export function BulletinPdf({ briefs, period, author, generatedAt, logo = null }: { briefs: BriefData[]; period: { from: string; to: string }; author: string; generatedAt: Date; logo?: BriefLogo }) {
  const org = briefs[0]?.organisation ?? { name: "", sensitivityMarking: "" };
  return (
    <Document title="Coalition bulletin" author={author} creator="Atrocity Early Warning">
      <Page size="A4" style={st.page}>
        <Footer data={{ organisation: org, marking: overviewMarking(org.sensitivityMarking, briefs) }} author={author} generatedAt={generatedAt} />
        <View style={st.body}>
          <Logo logo={logo} />
          <Text style={st.title}>Coalition bulletin</Text>
          <Text style={st.subtitle}>{bulletinIntro(briefs.length, period)}</Text>
          <Table
            widths={[46, 22, 16, 16]}
            header={["Situation", "Risk category", "Overall score", "Last assessed"]}
            rows={briefs.map((b) => [b.situation.title, RISK_CATEGORY_LABELS[b.situation.riskCategory], b.latest ? overallText(b.latest.scores) : "No round published", b.latest ? isoDate(b.latest.assessedOn) : "—"])}
          />
          <Text style={st.h2}>Risk categories</Text>
          {RISK_CATEGORY_ORDER.map((c) => (
            <Text key={c} style={st.p}>
              <Text style={{ fontWeight: "bold" }}>{RISK_CATEGORY_LABELS[c]}: </Text>
              {RISK_CATEGORY_DEFINITIONS[c]}
            </Text>
          ))}
        </View>
      </Page>
      {briefs.map((b) => {
        const responses = b.responses.filter((r) => isoDate(r.startDate) >= period.from && isoDate(r.startDate) <= period.to);
        return (
          <Page key={b.situation.id} size="A4" style={st.page}>
            <Footer data={b} author={author} generatedAt={generatedAt} />
            <View style={st.body}>
              <Text style={st.title}>{b.situation.title}</Text>
              <Text style={[st.badge, { backgroundColor: RISK_COLOUR[b.situation.riskCategory] }]}>{RISK_CATEGORY_LABELS[b.situation.riskCategory]}</Text>
              <Text style={st.p}>{b.latest ? latestRoundSentence(isoDate(b.latest.assessedOn), b.latest.scores, null) : NO_ROUND_YET}</Text>
              <Text style={st.h2}>Summary</Text>
              <Text style={st.p}>{b.situation.summary || "No summary recorded."}</Text>
              <RecentEventsPdf recent={b.recent} sinceLast={null} />
              <Text style={st.h2}>{periodResponsesHeading(period)}</Text>
              {responses.length === 0 ? (
                <Text style={[st.p, st.muted]}>{NO_RESPONSE_IN_PERIOD}</Text>
              ) : (
                responses.map((r) => (
                  <Text key={r.id} style={st.p}>
                    {`• ${PILLAR_LABELS[r.pillar]}. ${responseLine(r, RESPONSE_STATUS_LABELS[r.status])}`}
                  </Text>
                ))
              )}
              {b.latest && keyFactors(b.latest.scores).length > 0 && (
                <View wrap={false}>
                  <Text style={st.h2}>Five key factors</Text>
                  <Text style={st.note}>{keyFactorsIntro(isoDate(b.latest.assessedOn))}</Text>
                  {keyFactors(b.latest.scores).map((f, i) => (
                    <Text key={f.factor} style={st.p}>{`${i + 1}. ${keyFactorLine(f)}`}</Text>
                  ))}
                </View>
              )}
              <Text style={st.h2}>Recommended action</Text>
              <Text style={st.p}>{b.situation.recommendedAction || "Not recorded."}</Text>
            </View>
          </Page>
        );
      })}
    </Document>
  );
}
