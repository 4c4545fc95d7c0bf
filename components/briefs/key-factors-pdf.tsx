// The brief's "Five key factors" (PDF): the same lines as the situation page's, from the latest
// published round (lib/briefs/key-factors.ts).
import { Text, View } from "@react-pdf/renderer";
import type { BriefData } from "@/lib/briefs/data";
import { isoDate } from "@/lib/format";
import { keyFactorLine, keyFactors, keyIndicatorLine } from "@/lib/briefs/key-factors";

/** The brief's own h2 (components/briefs/brief-pdf.tsx). */
const HEADING = { fontSize: 13, fontWeight: "bold", marginTop: 14, marginBottom: 6, color: "#14213d" } as const;

export function KeyFactorsPdf({ data }: { data: BriefData }) {
  if (!data.latest) return null;
  const factors = keyFactors(data.latest.scores);
  if (!factors.length) return null;
  return (
    <View>
      <Text style={HEADING}>Five key factors</Text>
      <Text style={{ fontSize: 9, color: "#57606a", marginBottom: 4 }}>{`The risk factors that weigh most in the latest published round (${isoDate(data.latest.assessedOn)}).`}</Text>
      {factors.map((f, i) => (
        <View key={f.factor} style={{ marginBottom: 4 }}>
          <Text style={{ fontWeight: "bold" }}>{`${i + 1}. ${keyFactorLine(f)}`}</Text>
          {f.drivers.map((d) => (
            <Text key={d.indicatorId} style={{ fontSize: 9, paddingLeft: 10 }}>
              {`• ${keyIndicatorLine(d, data.indicatorText[d.indicatorId])}`}
            </Text>
          ))}
        </View>
      ))}
    </View>
  );
}
