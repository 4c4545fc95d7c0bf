import { describe, expect, it } from "vitest";
import { escapeXml } from "@/lib/markup";

describe("escapeXml", () => {
  it("makes any text safe inside SVG elements and double-quoted attributes", () => {
    expect(escapeXml(`<script>alert("x")</script> & 'y'`)).toBe("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;");
    expect(escapeXml(12.5)).toBe("12.5");
    expect(escapeXml("Nyala, South Darfur")).toBe("Nyala, South Darfur");
  });
});
