import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/require-user";
import { minScoreCoverage } from "@/lib/indicators/rounds";
import { COMMON_FACTORS, INCITEMENT_CODES, METHOD_VERSION, type ScoredCrime } from "@/lib/indicators/score";
import { FACTOR_SHORT_NAMES, SCORE_BAND_FROM, coverageText, overallText, scoreBandText, scoreText } from "@/lib/indicators/score-text";
import { scoreExamples } from "@/lib/indicators/score-examples";
import { CRIME_LABELS } from "@/lib/labels";
import { ownFactorsText, SCORED_CRIMES } from "@/components/indicators/score-summary";

export const metadata: Metadata = { title: "How scores work" };

const FOUR: ScoredCrime[] = ["GENOCIDE", "WAR_CRIMES", "CRIMES_AGAINST_HUMANITY", "ETHNIC_CLEANSING"];
/** Risk factors by number and name, as the crimes' table above names them: "9. Intergroup tensions; 11. Widespread or systematic attack". */
const named = (factors: number[]) => factors.map((f) => `${f}. ${FACTOR_SHORT_NAMES[f]}`).join("; ");

/** How risk scores are worked out (issue #27), with worked examples computed by the scoring code itself. */
export default async function HowScoresWorkPage() {
  const user = await requireUser();
  const minCoverage = await minScoreCoverage(user.active.organisationId);
  const examples = scoreExamples(minCoverage);
  return (
    <article className="prose">
      <h1>How scores work</h1>
      <p>
        Scores summarise a round&apos;s indicator ratings so that rounds and situations can be compared and the indicators that matter are easy to find. They
        are an aid to the analyst&apos;s judgement, not a prediction and not a probability: the UN Framework of Analysis for Atrocity Crimes is a qualitative
        tool. Every score is shown with the indicators that drive it.
      </p>

      <h2>Not assessed is not None</h2>
      <p>
        An indicator can be rated None, Present, Significant or Severe, or left <strong>not assessed</strong> (the rating form&apos;s &ldquo;Not assessed&rdquo;
        choice removes a rating). None means the analyst looked and found nothing; not assessed means nobody has looked yet. An indicator not assessed is left
        out of the scores, and every score says what it rests on: its coverage, the indicators assessed of all its indicators.
      </p>
      <p>
        Your organisation&apos;s minimum coverage is <strong>{minCoverage}%</strong>. A score resting on less than that reads &ldquo;Not enough assessed
        (coverage n%)&rdquo; and is shown hatched grey, never as a low number: a round that is mostly not assessed is not a round at low risk.
      </p>

      <h2>A risk factor&apos;s score</h2>
      <p>
        Each rating is worth points: None 0, Present 1, Significant 2, Severe 3. A risk factor&apos;s score, from 0 to 100, is the average of two shares, both
        over its assessed indicators only: how serious its most serious indicator is (Severe 100, Significant 66.7, Present 33.3), and its points as a share
        of the most they could be. One Severe sign of armed conflict therefore counts, and so does how widespread the signs are. A risk factor is
        <strong> present</strong> when any of its indicators is rated Present or above.
      </p>

      <h2>Each crime: two results, and the risk factors present</h2>
      <p>
        The Framework&apos;s reasoning is that the more risk factors are present, and the more of the crime&apos;s specific factors among them, the greater the
        risk. So each crime shows, side by side: the result of the eight common risk factors (1 to 8), the result of its own risk factors, and how many of its
        risk factors are present. Each result is the average of its assessed risk factors&apos; scores.
      </p>
      <p>
        The crime&apos;s score is the average of its two results: its own risk factors weigh as much as the eight common ones together. It reads &ldquo;Not
        enough assessed&rdquo; when its coverage is below the minimum, or when either result rests on no assessed indicator.
      </p>
      <table>
        <caption>Each crime&apos;s own risk factors</caption>
        <thead>
          <tr>
            <th scope="col">Crime</th>
            <th scope="col">Its own risk factors</th>
          </tr>
        </thead>
        <tbody>
          {SCORED_CRIMES.map((c) => (
            <tr key={c}>
              <th scope="row">{CRIME_LABELS[c]}</th>
              <td>{ownFactorsText(c)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        The own risk factors of genocide, crimes against humanity and war crimes follow the Framework. The Framework covers these three legally defined
        crimes only: ethnic cleansing&apos;s ({named([9, 11])}) are <strong>this tool&apos;s convention</strong>. Incitement is scored from its own
        signs wherever they sit in the Framework, also this tool&apos;s convention: {INCITEMENT_CODES.map((code) => `${code} (${FACTOR_SHORT_NAMES[Number(code.split(".")[0])]})`).join(", ")}.
        Before method 2, incitement copied genocide&apos;s factors and always scored exactly as genocide.
      </p>

      <h2>Overall score and imminence</h2>
      <p>
        The overall score is the highest score among the four crimes ({FOUR.map((c) => CRIME_LABELS[c].toLowerCase()).join(", ")}) assessed enough; incitement,
        to those crimes, is shown beside them. When no crime is assessed enough, the overall score reads &ldquo;Not enough assessed&rdquo;.
      </p>
      <p>
        <strong>Imminence</strong> is its own line: risk factors 7 ({FACTOR_SHORT_NAMES[7]}) and 8 ({FACTOR_SHORT_NAMES[8]}) change quickly and say
        &ldquo;soon&rdquo;, while the other common factors ({named(COMMON_FACTORS.filter((f) => f < 7))}) describe conditions that last.
      </p>

      <h2>Colours</h2>
      <p>
        Bars, heatmaps and the dashboard&apos;s map use one scale of one hue, darker for higher, readable with every common kind of colour blindness and in
        greyscale; the number is always shown too. A score not enough assessed is hatched grey. The map colours each country by the highest overall score
        among its situations, names them all with their risk category in its label, and shows a country whose situations have no published round dotted
        grey.
      </p>
      <ul className="score-legend" aria-label="Colour scale">
        {SCORE_BAND_FROM.map((from, i) => (
          <li key={from} className={`heat-${i}`}>
            {scoreBandText(i)}
          </li>
        ))}
        <li className="heat-low">Not enough assessed</li>
      </ul>

      <h2>Methods, and published figures</h2>
      <p>
        New rounds are published with method {METHOD_VERSION}, described here. Rounds published before it keep the figures they were published with (method
        1: an indicator not rated counted as None; a crime&apos;s score was the plain average of its ten risk factors; no coverage was recorded, so they show
        &ldquo;coverage not recorded&rdquo;). An administrator can re-score a published round with the current method from the round&apos;s page; its ratings do
        not change, and the situation&apos;s history keeps the scores before and after. Scores of two methods are shown side by side, never subtracted, and no
        alert compares them.
      </p>

      <h2>Worked examples</h2>
      <p>On the Framework&apos;s 131 indicators as this app ships them, with your organisation&apos;s minimum coverage ({minCoverage}%).</p>
      <table>
        <caption>The same ratings scored with method 1 and method {METHOD_VERSION}</caption>
        <thead>
          <tr>
            <th scope="col">Ratings</th>
            <th scope="col">Method 1: overall</th>
            <th scope="col">Method {METHOD_VERSION}: overall</th>
            <th scope="col">Method {METHOD_VERSION}: genocide</th>
            <th scope="col">Method {METHOD_VERSION}: war crimes</th>
          </tr>
        </thead>
        <tbody>
          {examples.map((e) => (
            <tr key={e.title}>
              <th scope="row">{e.title}</th>
              <td>{e.v1.overall.score}</td>
              <td>
                {overallText(e.v2)}
                <div className="muted small">{coverageText(e.v2.overall)}</div>
              </td>
              {(["GENOCIDE", "WAR_CRIMES"] as const).map((c) => {
                const s = e.v2.crimes[c];
                return (
                  <td key={c}>
                    {scoreText(s, c)}
                    <div className="muted small">
                      Common factors {s.common?.factorsAssessed ? s.common.score : "not assessed"}; its own {s.specific?.factorsAssessed ? s.specific.score : "not assessed"};{" "}
                      {s.factorsPresent} of {s.factorsTotal} risk factors present.
                    </div>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <p>Risk factor 1 alone (armed conflict, 1.1 Severe, its other ten indicators None): method 1 gave it 9.1; method {METHOD_VERSION} gives it 54.5 (half of 100 for its Severe indicator, half of 9.1 for its breadth).</p>
    </article>
  );
}
