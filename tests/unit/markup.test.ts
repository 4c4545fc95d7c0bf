import { describe, expect, it } from "vitest";
import { escapeXml, html } from "@/lib/markup";
import { ratingRows } from "@/components/indicators/ratings-table";

describe("escapeXml", () => {
  it("makes any text safe inside SVG elements and double-quoted attributes", () => {
    expect(escapeXml(`<script>alert("x")</script> & 'y'`)).toBe("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;");
    expect(escapeXml(12.5)).toBe("12.5");
    expect(escapeXml("Nyala, South Darfur")).toBe("Nyala, South Darfur");
  });
});

describe("the html template", () => {
  it("escapes every value, keeps its own markup, joins lists and writes nothing for null, undefined and false", () => {
    const evil = `"><img src=x onerror=alert(1)>`;
    expect(html`<a href="/s/${evil}">${evil}</a>`.value).toBe('<a href="/s/&quot;&gt;&lt;img src=x onerror=alert(1)&gt;">&quot;&gt;&lt;img src=x onerror=alert(1)&gt;</a>');
    expect(html`<ul>${["a<b", html`<li>${"c&d"}</li>`]}</ul>`.value).toBe("<ul>a&lt;b<li>c&amp;d</li></ul>");
    expect(html`${null}${undefined}${false}${0}`.value).toBe("0");
    // A string that looks like markup is still text: only html`...` results pass through.
    expect(html`${"<b>bold</b>"}`.value).toBe("&lt;b&gt;bold&lt;/b&gt;");
  });
});

describe("a round's rating rows", () => {
  const indicator = { id: "i1", code: "1.1", text: "Armed conflict <and> tension", retired: false };
  const source = { id: "src-1", title: `Report "A" <script>`, reliability: "B", credibility: 2 };
  it("shows rating, trend, confidence, evidence and sources, with every text escaped", () => {
    const rated = ratingRows([{ indicator, rating: { level: "SEVERE", trend: "RISING", confidence: "HIGH", evidence: "Shelling of <camps>\nsecond line", citations: [{ source }] } }], { linkSources: true }).value;
    expect(rated).toBe(
      '<tr><th scope="row"><span class="code">1.1</span> Armed conflict &lt;and&gt; tension</th><td><span class="level level-SEVERE">Severe</span></td>' +
        '<td>Rising</td><td>High</td><td><p class="rating-evidence">Shelling of &lt;camps&gt;\nsecond line</p>' +
        '<ul class="rating-sources"><li><a href="/sources/src-1">Report &quot;A&quot; &lt;script&gt;</a> (B2)</li></ul></td></tr>',
    );
    // Another organisation's sources are named, not linked.
    expect(ratingRows([{ indicator, rating: { level: "PRESENT", trend: null, confidence: null, evidence: "", citations: [{ source }] } }], { linkSources: false }).value).toContain(
      '<td>—</td><td>—</td><td><ul class="rating-sources"><li>Report &quot;A&quot; &lt;script&gt; (B2)</li></ul></td>',
    );
  });
  it("marks indicators not rated and retired ones", () => {
    expect(ratingRows([{ indicator: { ...indicator, retired: true } }], { linkSources: true }).value).toBe(
      '<tr><th scope="row"><span class="code">1.1</span> Armed conflict &lt;and&gt; tension (retired)</th><td><span class="muted">Not rated</span></td><td>—</td><td>—</td><td>—</td></tr>',
    );
  });
});
