// The domain root re-exports extract/, text/ and indicators/ with `export *`: the names
// must not clash, or the colliding ones silently disappear from the root.
import { describe, expect, it } from "vitest";
import * as indicators from "../indicators/index.ts";
import * as text from "../text/index.ts";
import * as extract from "./index.ts";

describe("extract/index.ts exports", () => {
  it("shares no value name with text/ or indicators/", () => {
    const own = Object.keys(extract);
    for (const other of [text, indicators]) for (const k of Object.keys(other)) expect(own).not.toContain(k);
    expect(own).not.toContain("foldVietnamese");
    expect(own).not.toContain("expandAbbreviations");
  });
});
