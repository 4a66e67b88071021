import type { DtiNodeDef, DtiRule } from "./framework.ts";
import type { DtiSubject } from "./lists.ts";

/** A framework every province starts with (written when the province is created; all editable). */
export interface SeededFramework {
  code: string;
  year: number;
  name: string;
  description: string;
  subject: DtiSubject;
  nodes: DtiNodeDef[];
}

const sum: DtiRule = { kind: "sum" };
const average: DtiRule = { kind: "average" };
const yes: DtiRule = { kind: "boolean", yesLabel: "Có" };
const ratio = (numeratorLabel: string, denominatorLabel: string): DtiRule => ({
  kind: "ratio",
  numeratorLabel,
  denominatorLabel,
  scale: "linear",
  bands: [],
});
const auto = (indicatorCode: string, target = 100): DtiRule => ({
  kind: "indicator",
  indicatorCode,
  scale: "linear",
  target,
  bands: [],
});
const leaf = (
  code: string,
  name: string,
  maxPoints: number,
  rule: DtiRule,
  evidenceRequired = "",
  guidance = "",
): DtiNodeDef => ({ code, name, kind: "sub_index", maxPoints, rule, evidenceRequired, guidance });
const criterion = (
  code: string,
  name: string,
  maxPoints: number,
  rule: DtiRule,
  evidenceRequired = "",
): DtiNodeDef => ({
  ...leaf(code, name, maxPoints, rule, evidenceRequired),
  kind: "criterion",
});
const index = (
  code: string,
  name: string,
  children: DtiNodeDef[],
  rule: DtiRule = sum,
  maxPoints?: number,
): DtiNodeDef => ({
  code,
  name,
  kind: "main_index",
  rule,
  maxPoints: maxPoints ?? null,
  children,
});

const DOC = "Số hiệu, tên, ngày ban hành và trích yếu văn bản";

/** The steering committee rule provinces write: Chủ tịch full points, Phó Chủ tịch half, none 0. */
const steering = (max: number): DtiRule => ({
  kind: "levels",
  levels: [
    {
      key: "a",
      points: max,
      description: "Trưởng Ban Chỉ đạo chuyển đổi số là Chủ tịch UBND (người đứng đầu)",
    },
    { key: "b", points: max / 2, description: "Trưởng Ban Chỉ đạo là Phó Chủ tịch UBND (cấp phó)" },
    { key: "c", points: 0, description: "Chưa thành lập hoặc chưa kiện toàn Ban Chỉ đạo" },
  ],
});

// ---------------------------------------------------------------------------
// 405/QĐ-BKHCN — DTI cấp tỉnh (values normalised 0–1, each sub-index scored 0–1)

const n405 = (
  code: string,
  name: string,
  rule: DtiRule,
  evidenceRequired = "",
  placeholder = true,
): DtiNodeDef => leaf(code, placeholder ? `${name} (tạm đặt)` : name, 1, rule, evidenceRequired);

const DTI_405: SeededFramework = {
  code: "dti-405-tinh",
  year: 2025,
  name: "Bộ chỉ số chuyển đổi số cấp tỉnh (DTI) theo Quyết định 405/QĐ-BKHCN",
  description:
    "Nguồn: Quyết định số 405/QĐ-BKHCN ngày 03/4/2025 của Bộ Khoa học và Công nghệ phê duyệt Đề án xác định Bộ chỉ số đánh giá chuyển đổi số của các bộ, các tỉnh và quốc gia. " +
    "Theo quyết định: 3 trụ cột (Chính quyền số, Kinh tế số, Xã hội số), 8 chỉ số chính — nhóm nền tảng chung (Nhận thức số, Thể chế số, Hạ tầng số, Nhân lực số, An toàn thông tin mạng) và nhóm hoạt động (Hoạt động chính quyền số, Hoạt động kinh tế số, Hoạt động xã hội số) — với 47 chỉ số thành phần, khoảng 20% đo tự động; kết quả công bố dạng chuẩn hóa 0–1. " +
    'Tạm đặt (cần đối chiếu phụ lục của quyết định và sửa): tên và số chỉ số thành phần ghi "(tạm đặt)"; việc xếp 5 chỉ số nền tảng chung vào trụ cột Chính quyền số để tính điểm theo trụ cột; cách tính trung bình (mỗi chỉ số thành phần 0–1, chỉ số chính và trụ cột là trung bình).',
  subject: "province",
  nodes: [
    {
      code: "CQS",
      name: "Chính quyền số",
      kind: "pillar",
      rule: average,
      maxPoints: 1,
      children: [
        index(
          "1",
          "Nhận thức số",
          [
            n405("1.1", "Ban Chỉ đạo chuyển đổi số do người đứng đầu làm Trưởng ban", steering(1), DOC),
            n405("1.2", "Kế hoạch chuyển đổi số năm được ban hành", auto("LDS-01", 1), DOC),
            n405("1.3", "Tuyên truyền, phổ biến về chuyển đổi số", yes),
          ],
          average,
          1,
        ),
        index(
          "2",
          "Thể chế số",
          [
            n405("2.1", "Nghị quyết, chương trình, đề án chuyển đổi số của tỉnh", yes, DOC),
            n405("2.2", "Cơ chế, chính sách thúc đẩy chuyển đổi số", yes, DOC),
            n405("2.3", "Kiến trúc chính quyền số cấp tỉnh được cập nhật", yes, DOC),
          ],
          average,
          1,
        ),
        index(
          "3",
          "Hạ tầng số",
          [
            n405("3.1", "Tỷ lệ dân số được phủ sóng mạng di động 4G/5G", auto("HTS-01")),
            n405("3.2", "Tỷ lệ hộ gia đình có kết nối Internet cáp quang", auto("XHS-03")),
            n405(
              "3.3",
              "Tỷ lệ hệ thống thông tin triển khai trên nền tảng điện toán đám mây",
              auto("NTS-01"),
            ),
          ],
          average,
          1,
        ),
        index(
          "4",
          "Nhân lực số",
          [
            n405("4.1", "Tỷ lệ cán bộ, công chức được bồi dưỡng kỹ năng số", auto("NLS-01")),
            n405("4.2", "Cán bộ chuyên trách công nghệ thông tin, chuyển đổi số", yes),
          ],
          average,
          1,
        ),
        index(
          "5",
          "An toàn thông tin mạng",
          [
            n405("5.1", "Tỷ lệ hệ thống thông tin được phê duyệt cấp độ an toàn", auto("ATTT-02")),
            n405("5.2", "Tỷ lệ máy tính được cài phần mềm phòng chống mã độc", auto("ATTT-01")),
            n405("5.3", "Diễn tập, ứng cứu sự cố an toàn thông tin", yes),
          ],
          average,
          1,
        ),
        index(
          "6",
          "Hoạt động chính quyền số",
          [
            n405("6.1", "Tỷ lệ hồ sơ thủ tục hành chính xử lý hoàn toàn trực tuyến", auto("CQS-02")),
            n405("6.2", "Tỷ lệ văn bản đi được ký số, gửi dưới dạng điện tử", auto("CQS-06")),
            n405("6.3", "Tỷ lệ cuộc họp định kỳ tổ chức trực tuyến", auto("CQS-13")),
            n405("6.4", "Mức độ hài lòng của người dân, doanh nghiệp", auto("CQS-08")),
          ],
          average,
          1,
        ),
      ],
    },
    {
      code: "KTS",
      name: "Kinh tế số",
      kind: "pillar",
      rule: average,
      maxPoints: 1,
      children: [
        index(
          "7",
          "Hoạt động kinh tế số",
          [
            n405("7.1", "Tỷ trọng kinh tế số trong GRDP", auto("KTS-01", 20)),
            n405("7.2", "Tỷ lệ doanh nghiệp nhỏ và vừa sử dụng nền tảng số", auto("KTS-03")),
            n405("7.3", "Tỷ lệ giao dịch thanh toán không dùng tiền mặt", auto("KTS-07")),
          ],
          average,
          1,
        ),
      ],
    },
    {
      code: "XHS",
      name: "Xã hội số",
      kind: "pillar",
      rule: average,
      maxPoints: 1,
      children: [
        index(
          "8",
          "Hoạt động xã hội số",
          [
            n405("8.1", "Tỷ lệ dân số trưởng thành có tài khoản định danh điện tử mức 2", auto("XHS-07")),
            n405("8.2", "Tỷ lệ dân số trưởng thành có điện thoại thông minh", auto("XHS-01")),
            n405("8.3", "Tỷ lệ người dân có hồ sơ sức khỏe điện tử", auto("XHS-04")),
          ],
          average,
          1,
        ),
      ],
    },
  ],
};

// ---------------------------------------------------------------------------
// 922/QĐ-BTTTT — DTI cấp tỉnh, 1.000 điểm

const n922 = (code: string, name: string, max: number, rule: DtiRule, evidenceRequired = ""): DtiNodeDef =>
  leaf(code, `${name} (tạm đặt)`, max, rule, evidenceRequired);

const DTI_922: SeededFramework = {
  code: "dti-922-tinh",
  year: 2024,
  name: "Bộ chỉ số chuyển đổi số cấp tỉnh (DTI) theo Quyết định 922/QĐ-BTTTT",
  description:
    "Nguồn: Quyết định số 922/QĐ-BTTTT ngày 20/5/2022 của Bộ Thông tin và Truyền thông (nay là Bộ Khoa học và Công nghệ). " +
    "Theo quyết định: 9 chỉ số chính, 98 chỉ số thành phần, tổng 1.000 điểm — các chỉ số nền tảng chung (Nhận thức số, Thể chế số, Hạ tầng số, Nhân lực số, An toàn thông tin mạng) 100 điểm mỗi chỉ số, Đô thị thông minh 0 điểm, Hoạt động chính quyền số 200, Hoạt động kinh tế số 150, Hoạt động xã hội số 150. " +
    'Tạm đặt (cần đối chiếu phụ lục của quyết định và sửa): các chỉ số thành phần ghi "(tạm đặt)" và điểm của chúng, chia đều trong mỗi chỉ số chính. Đã được thay thế bởi Quyết định 405/QĐ-BKHCN từ năm 2025.',
  subject: "province",
  nodes: [
    index("1", "Nhận thức số", [
      n922("1.1", "Ban Chỉ đạo chuyển đổi số do Chủ tịch UBND tỉnh làm Trưởng ban", 50, steering(50), DOC),
      n922("1.2", "Kế hoạch chuyển đổi số năm", 50, yes, DOC),
    ]),
    index("2", "Thể chế số", [
      n922("2.1", "Nghị quyết, chương trình chuyển đổi số", 50, yes, DOC),
      n922("2.2", "Chính sách thu hút nguồn nhân lực số", 50, yes, DOC),
    ]),
    index("3", "Hạ tầng số", [
      n922("3.1", "Tỷ lệ dân số được phủ sóng 4G/5G", 50, auto("HTS-01")),
      n922("3.2", "Tỷ lệ xã có hạ tầng cáp quang băng rộng", 50, auto("HTS-03")),
    ]),
    index("4", "Nhân lực số", [
      n922("4.1", "Tỷ lệ cán bộ, công chức được bồi dưỡng kỹ năng số", 50, auto("NLS-01")),
      n922("4.2", "Tổ công nghệ số cộng đồng", 50, yes),
    ]),
    index("5", "An toàn thông tin mạng", [
      n922("5.1", "Tỷ lệ hệ thống thông tin được phê duyệt cấp độ", 50, auto("ATTT-02")),
      n922("5.2", "Tỷ lệ máy tính cài phần mềm phòng chống mã độc", 50, auto("ATTT-01")),
    ]),
    index("6", "Đô thị thông minh", [], sum),
    index("7", "Hoạt động chính quyền số", [
      n922("7.1", "Tỷ lệ hồ sơ thủ tục hành chính xử lý hoàn toàn trực tuyến", 100, auto("CQS-02")),
      n922("7.2", "Tỷ lệ văn bản đi được ký số", 100, auto("CQS-06")),
    ]),
    index("8", "Hoạt động kinh tế số", [
      n922("8.1", "Tỷ lệ doanh nghiệp sử dụng hợp đồng điện tử", 75, auto("KTS-04")),
      n922("8.2", "Tỷ lệ doanh nghiệp sử dụng hóa đơn điện tử", 75, auto("KTS-05")),
    ]),
    index("9", "Hoạt động xã hội số", [
      n922("9.1", "Tỷ lệ dân số có tài khoản thanh toán điện tử", 75, auto("XHS-02")),
      n922("9.2", "Tỷ lệ dân số có chữ ký số cá nhân", 75, auto("XHS-05")),
    ]),
  ],
};
// "Đô thị thông minh" counts 0 points in 922: a leaf with no maximum is refused, so it is
// a boolean worth 0 that units may still answer.
DTI_922.nodes[5] = {
  code: "6",
  name: "Đô thị thông minh",
  kind: "main_index",
  maxPoints: 0,
  rule: yes,
  guidance: "Theo Quyết định 922/QĐ-BTTTT chỉ số này được theo dõi nhưng 0 điểm.",
};

// ---------------------------------------------------------------------------
// Provincial framework for departments and communes (pattern of Phú Thọ 469/QĐ-UBND)

const UNITS_FRAMEWORK: SeededFramework = {
  code: "dti-so-nganh-xa",
  year: 2025,
  name: "Bộ chỉ số đánh giá chuyển đổi số của các sở, ban, ngành và UBND cấp xã",
  description:
    "Theo mẫu Quyết định số 469/QĐ-UBND của UBND tỉnh Phú Thọ (kết quả năm 2025 công bố tháng 02/2026: 7 tiêu chí, khoảng 1.000 điểm; Văn phòng UBND tỉnh 885,58 điểm, phường Hòa Bình 825,61 điểm). " +
    "Từ mẫu: 7 tiêu chí trên 1.000 điểm, cách chấm theo mức (Trưởng Ban Chỉ đạo là Chủ tịch: đủ điểm; Phó Chủ tịch: ½; không có: 0), theo tỷ lệ a/b có ghi ý nghĩa a và b, và tài liệu kiểm chứng (số hiệu, tên, ngày, trích yếu văn bản). " +
    "Tạm đặt (tỉnh sửa theo quyết định của mình): tên và điểm từng tiêu chí, tiêu chí thành phần; các tiêu chí tự động lấy số liệu từ báo cáo định kỳ đã duyệt trong dtplan.",
  subject: "units",
  nodes: [
    index("1", "Nhận thức và chỉ đạo, điều hành chuyển đổi số", [
      criterion("1.1", "Ban Chỉ đạo chuyển đổi số của cơ quan, đơn vị", 40, steering(40), DOC),
      criterion("1.2", "Ban hành kế hoạch chuyển đổi số năm", 30, auto("LDS-01", 1), DOC),
      criterion(
        "1.3",
        "Tổ chức tuyên truyền về chuyển đổi số",
        30,
        {
          kind: "thresholds",
          unit: "lượt",
          thresholds: [
            { min: 1, points: 10 },
            { min: 4, points: 20 },
            { min: 12, points: 30 },
          ],
        },
        "Danh sách tin, bài, hội nghị (ngày, nội dung, đường dẫn)",
      ),
    ]),
    index("2", "Thể chế và kế hoạch", [
      criterion("2.1", "Quy chế quản lý, vận hành, sử dụng hệ thống thông tin", 50, yes, DOC),
      criterion(
        "2.2",
        "Tỷ lệ nhiệm vụ kế hoạch chuyển đổi số năm hoàn thành đúng hạn",
        50,
        ratio("Số nhiệm vụ hoàn thành đúng hạn", "Tổng số nhiệm vụ được giao trong năm"),
        "Báo cáo kết quả thực hiện kế hoạch năm",
      ),
    ]),
    index("3", "Hạ tầng và nền tảng số", [
      criterion(
        "3.1",
        "Tỷ lệ máy tính kết nối mạng truyền số liệu chuyên dùng",
        50,
        ratio("Số máy tính kết nối mạng chuyên dùng", "Tổng số máy tính của cơ quan"),
      ),
      criterion("3.2", "Tỷ lệ cơ quan kết nối mạng truyền số liệu chuyên dùng", 50, auto("HTS-04")),
      criterion("3.3", "Sử dụng nền tảng số dùng chung của tỉnh", 50, yes),
    ]),
    index("4", "Nhân lực số", [
      criterion("4.1", "Tỷ lệ cán bộ, công chức được bồi dưỡng kỹ năng số", 50, auto("NLS-01")),
      criterion("4.2", "Có công chức phụ trách chuyển đổi số", 50, yes, "Quyết định phân công"),
    ]),
    index("5", "An toàn thông tin mạng", [
      criterion("5.1", "Tỷ lệ máy tính cài phần mềm phòng chống mã độc", 50, auto("ATTT-01")),
      criterion(
        "5.2",
        "Xảy ra sự cố mất an toàn thông tin",
        50,
        {
          kind: "levels",
          levels: [
            { key: "a", points: 50, description: "Không xảy ra sự cố" },
            { key: "b", points: 25, description: "Có sự cố, đã khắc phục và báo cáo kịp thời" },
            { key: "c", points: 0, description: "Có sự cố chưa khắc phục hoặc không báo cáo" },
          ],
        },
        "Báo cáo sự cố (nếu có)",
      ),
    ]),
    index("6", "Hoạt động chính quyền số", [
      criterion("6.1", "Tỷ lệ hồ sơ thủ tục hành chính xử lý hoàn toàn trực tuyến", 100, auto("CQS-02")),
      criterion("6.2", "Tỷ lệ văn bản đi được ký số, gửi dưới dạng điện tử", 100, auto("CQS-06")),
      criterion("6.3", "Tỷ lệ hồ sơ có kết quả số hóa", 100, auto("CQS-07")),
      criterion(
        "6.4",
        "Tỷ lệ cuộc họp tổ chức trực tuyến",
        50,
        ratio("Số cuộc họp tổ chức trực tuyến", "Tổng số cuộc họp định kỳ"),
      ),
    ]),
    index("7", "Chuyển đổi số trong kinh tế và xã hội trên địa bàn", [
      criterion("7.1", "Tỷ lệ dân số trưởng thành có tài khoản định danh điện tử mức 2", 60, auto("XHS-07")),
      criterion(
        "7.2",
        "Tổ công nghệ số cộng đồng hoạt động",
        40,
        {
          kind: "levels",
          levels: [
            {
              key: "a",
              points: 40,
              description: "100% thôn, tổ dân phố có Tổ công nghệ số cộng đồng hoạt động",
            },
            { key: "b", points: 20, description: "Từ 50% đến dưới 100%" },
            { key: "c", points: 0, description: "Dưới 50%" },
          ],
        },
        DOC,
      ),
    ]),
  ],
};

export const SEEDED_FRAMEWORKS: readonly SeededFramework[] = [DTI_405, DTI_922, UNITS_FRAMEWORK];
