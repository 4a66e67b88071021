import { describe, expect, it } from "vitest";
import { suggestHigherTarget } from "./target-correspondence.ts";

const province = [
  {
    key: "p-online",
    text: "Tỷ lệ hồ sơ thủ tục hành chính được giải quyết trực tuyến toàn trình",
    indicatorCode: "DVC-TT",
  },
  {
    key: "p-digitised",
    text: "Tỷ lệ hồ sơ, kết quả giải quyết thủ tục hành chính được số hóa",
    indicatorCode: null,
  },
  { key: "p-skills", text: "Tỷ lệ người dân trưởng thành có kỹ năng số cơ bản", indicatorCode: null },
];

describe("suggestHigherTarget", () => {
  it("suggests the province target on the same catalogue indicator first, whatever the wording", () => {
    const lower = { key: "x", text: "Dịch vụ công toàn trình đạt 70%", indicatorCode: "DVC-TT" };
    expect(suggestHigherTarget(lower, province)).toMatchObject({ higherKey: "p-online", basis: "indicator" });
  });

  it("otherwise suggests the closest folded wording, abbreviations and figures aside", () => {
    const lower = { key: "x", text: "100% hồ sơ, kết quả giải quyết TTHC được số hoá.", indicatorCode: null };
    expect(suggestHigherTarget(lower, province)).toMatchObject({ higherKey: "p-digitised", basis: "name" });
  });

  it("suggests nothing when no wording is close enough", () => {
    const lower = { key: "x", text: "Phòng họp không giấy tờ tại UBND phường", indicatorCode: null };
    expect(suggestHigherTarget(lower, province)).toBeNull();
  });
});
