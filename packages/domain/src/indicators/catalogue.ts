import type { IndicatorAggregation, IndicatorDirection } from "./lists.ts";
import type { Pillar } from "./pillars.ts";

export type { IndicatorAggregation, IndicatorDirection };

/**
 * Chỉ số — a canonical indicator that targets from different plans map to, so
 * localities can be compared and rolled up.
 */
export interface Indicator {
  /** Stable code: pillar prefix + number, e.g. `CQS-01`. */
  code: string;
  name: string;
  /** "%", "hồ sơ", "Mbps" … as a reporter would write it. */
  unit: string;
  pillar: Pillar;
  aggregation: IndicatorAggregation;
  direction: IndicatorDirection;
  /** What a unit counts for a `ratio` indicator (tử số / mẫu số). */
  numeratorLabel?: string;
  denominatorLabel?: string;
  /** Folded phrases (see `foldVietnamese`) whose presence in a target's text points here. */
  keywords: string[];
  /**
   * Folded phrases naming the level a level-specific indicator is for ("cap xa"):
   * they tell variants apart without counting as subject matter.
   */
  scopeKeywords?: string[];
  /** The national document(s) the indicator comes from, for the reviewer. */
  sources: string[];
}

const QD942 = "Quyết định 942/QĐ-TTg (Chính phủ số)";
const QD411 = "Quyết định 411/QĐ-TTg (Kinh tế số, xã hội số)";
const QD749 = "Quyết định 749/QĐ-TTg (Chương trình Chuyển đổi số quốc gia)";
const QD766 = "Quyết định 766/QĐ-TTg (Bộ chỉ số phục vụ người dân, doanh nghiệp)";
const DTI = "Bộ chỉ số DTI cấp tỉnh (Quyết định 922/QĐ-BTTTT)";

const ratio = (numeratorLabel: string, denominatorLabel: string) =>
  ({ unit: "%", aggregation: "ratio", direction: "increase", numeratorLabel, denominatorLabel }) as const;

/** The seed catalogue. Codes are stable: add new ones, never renumber. */
export const INDICATOR_CATALOGUE: readonly Indicator[] = [
  // Chính quyền số
  {
    code: "CQS-01",
    name: "Tỷ lệ thủ tục hành chính đủ điều kiện được cung cấp dưới hình thức dịch vụ công trực tuyến toàn trình",
    pillar: "digital_government",
    ...ratio("Số thủ tục hành chính cung cấp trực tuyến toàn trình", "Số thủ tục hành chính đủ điều kiện"),
    keywords: [
      "thu tuc hanh chinh",
      "dich vu cong truc tuyen",
      "toan trinh",
      "du dieu kien",
      "muc do 4",
      "dich vu cong truc tuyen toan trinh",
    ],
    sources: [QD942, DTI],
  },
  {
    code: "CQS-02",
    name: "Tỷ lệ hồ sơ thủ tục hành chính được xử lý hoàn toàn trực tuyến",
    pillar: "digital_government",
    ...ratio("Số hồ sơ xử lý hoàn toàn trực tuyến", "Tổng số hồ sơ thủ tục hành chính tiếp nhận"),
    keywords: [
      "ho so thu tuc hanh chinh",
      "xu ly hoan toan truc tuyen",
      "hoan toan truc tuyen",
      "xu ly truc tuyen",
      "nhap du lieu mot lan",
    ],
    sources: [QD942, QD766, DTI],
  },
  {
    code: "CQS-03",
    name: "Tỷ lệ dịch vụ công trực tuyến có phát sinh hồ sơ",
    pillar: "digital_government",
    ...ratio("Số dịch vụ công trực tuyến có phát sinh hồ sơ", "Số dịch vụ công trực tuyến đã cung cấp"),
    keywords: ["phat sinh ho so", "co phat sinh ho so", "dich vu cong truc tuyen"],
    sources: [DTI],
  },
  {
    code: "CQS-04",
    name: "Tỷ lệ hồ sơ công việc cấp tỉnh (cấp huyện trước 1/7/2025) được xử lý trên môi trường mạng",
    pillar: "digital_government",
    ...ratio("Số hồ sơ công việc xử lý trên môi trường mạng", "Tổng số hồ sơ công việc"),
    keywords: ["ho so cong viec", "xu ly tren moi truong mang"],
    scopeKeywords: ["cap tinh", "cap huyen"],
    sources: [QD942, DTI],
  },
  {
    code: "CQS-05",
    name: "Tỷ lệ hồ sơ công việc cấp xã được xử lý trên môi trường mạng",
    pillar: "digital_government",
    ...ratio("Số hồ sơ công việc xử lý trên môi trường mạng", "Tổng số hồ sơ công việc"),
    keywords: ["ho so cong viec", "xu ly tren moi truong mang"],
    scopeKeywords: ["cap xa"],
    sources: [QD942, DTI],
  },
  {
    code: "CQS-06",
    name: "Tỷ lệ văn bản đi được ký số và gửi dưới dạng văn bản điện tử",
    pillar: "digital_government",
    ...ratio("Số văn bản đi ký số, gửi điện tử", "Tổng số văn bản đi (trừ văn bản mật)"),
    keywords: [
      "van ban dien tu",
      "duoi dang dien tu",
      "ky so",
      "van ban phat hanh",
      "van ban trao doi",
      "van ban di",
      "van ban duoc tao lap",
      "tao lap va xu ly tren moi truong mang",
      "chu ky so chuyen dung",
    ],
    sources: [QD942, DTI],
  },
  {
    code: "CQS-07",
    name: "Tỷ lệ thủ tục hành chính được số hóa hồ sơ, kết quả giải quyết",
    pillar: "digital_government",
    ...ratio("Số hồ sơ, kết quả giải quyết được số hóa", "Tổng số hồ sơ thủ tục hành chính đã giải quyết"),
    keywords: ["so hoa ho so", "ket qua giai quyet", "tai su dung", "so hoa ket qua"],
    sources: [QD942, QD766, DTI],
  },
  {
    code: "CQS-08",
    name: "Mức độ hài lòng của người dân, doanh nghiệp về giải quyết thủ tục hành chính",
    pillar: "digital_government",
    ...ratio("Số lượt đánh giá hài lòng", "Tổng số lượt đánh giá"),
    keywords: ["hai long", "muc do hai long", "nguoi dan doanh nghiep hai long"],
    sources: [QD942, QD766],
  },
  {
    code: "CQS-09",
    name: "Tỷ lệ hồ sơ có nghĩa vụ tài chính được thanh toán phí, lệ phí trực tuyến",
    pillar: "digital_government",
    ...ratio("Số hồ sơ thanh toán trực tuyến", "Số hồ sơ có nghĩa vụ tài chính"),
    keywords: ["thanh toan truc tuyen", "phi le phi", "nghia vu tai chinh", "le phi"],
    sources: [QD766, DTI],
  },
  {
    code: "CQS-10",
    name: "Tỷ lệ cán bộ, công chức, viên chức sử dụng hộp thư điện tử công vụ",
    pillar: "digital_government",
    ...ratio(
      "Số cán bộ, công chức, viên chức có và sử dụng hộp thư công vụ",
      "Tổng số cán bộ, công chức, viên chức",
    ),
    keywords: ["hop thu dien tu", "thu dien tu cong vu", "hop thu cong vu"],
    sources: [DTI],
  },
  {
    code: "CQS-11",
    name: "Tỷ lệ hoạt động chỉ đạo, điều hành và quản trị nội bộ thực hiện trên môi trường mạng",
    pillar: "digital_government",
    unit: "%",
    // No natural count of "activities": units self-assess a percentage.
    aggregation: "average",
    direction: "increase",
    keywords: ["chi dao dieu hanh", "quan tri noi bo", "nen tang quan tri", "quan ly va dieu hanh van ban"],
    sources: [QD942],
  },
  {
    code: "CQS-12",
    name: "Tỷ lệ chế độ báo cáo được tích hợp, chia sẻ trên Hệ thống thông tin báo cáo",
    pillar: "digital_government",
    ...ratio("Số chế độ báo cáo thực hiện trên Hệ thống thông tin báo cáo", "Tổng số chế độ báo cáo định kỳ"),
    keywords: ["he thong thong tin bao cao", "che do bao cao", "bao cao dinh ky", "cong cu bao cao"],
    sources: [QD942, DTI],
  },
  {
    code: "CQS-13",
    name: "Tỷ lệ cuộc họp định kỳ được tổ chức theo hình thức trực tuyến",
    pillar: "digital_government",
    ...ratio("Số cuộc họp trực tuyến", "Tổng số cuộc họp định kỳ"),
    keywords: [
      "hoi nghi truc tuyen",
      "hop truc tuyen",
      "cuoc hop",
      "hoi nghi truyen hinh",
      "phong hop khong giay",
    ],
    sources: [DTI],
  },
  {
    code: "CQS-14",
    name: "Tỷ lệ người dân, doanh nghiệp sử dụng dịch vụ công trực tuyến được định danh, xác thực điện tử",
    pillar: "digital_government",
    ...ratio(
      "Số tài khoản được định danh, xác thực điện tử",
      "Tổng số tài khoản sử dụng dịch vụ công trực tuyến",
    ),
    keywords: [
      "dinh danh va xac thuc",
      "xac thuc dien tu",
      "xac thuc thong suot",
      "su dung dich vu cong truc tuyen",
    ],
    sources: [QD942],
  },
  {
    code: "CQS-15",
    name: "Số hồ sơ thủ tục hành chính tiếp nhận trực tuyến",
    pillar: "digital_government",
    unit: "hồ sơ",
    aggregation: "sum",
    direction: "increase",
    keywords: ["so ho so", "tiep nhan truc tuyen", "ho so truc tuyen"],
    sources: [QD766],
  },
  // Dữ liệu số, nền tảng số
  {
    code: "DLS-01",
    name: "Tỷ lệ cơ sở dữ liệu, hệ thống thông tin kết nối với nền tảng tích hợp, chia sẻ dữ liệu",
    pillar: "data",
    ...ratio("Số cơ sở dữ liệu, hệ thống đã kết nối", "Tổng số cơ sở dữ liệu, hệ thống cần kết nối"),
    keywords: [
      "nen tang tich hop chia se du lieu",
      "ket noi chia se du lieu",
      "chia se du lieu",
      "co so du lieu",
    ],
    sources: [DTI],
  },
  {
    code: "DLS-02",
    name: "Số bộ dữ liệu mở được công bố trên Cổng dữ liệu mở",
    pillar: "data",
    unit: "bộ dữ liệu",
    aggregation: "sum",
    direction: "increase",
    keywords: ["du lieu mo", "cong du lieu mo"],
    sources: [DTI],
  },
  {
    code: "NTS-01",
    name: "Tỷ lệ hệ thống thông tin được triển khai trên nền tảng điện toán đám mây",
    pillar: "platforms",
    ...ratio("Số hệ thống chạy trên điện toán đám mây", "Tổng số hệ thống thông tin"),
    keywords: ["dien toan dam may", "nen tang dam may", "dam may"],
    sources: [DTI],
  },
  // Kinh tế số
  {
    code: "KTS-01",
    name: "Tỷ trọng kinh tế số trong tổng sản phẩm trên địa bàn (GRDP)",
    pillar: "digital_economy",
    unit: "%",
    // A statistics-office estimate for the whole locality; unit figures do not add up.
    aggregation: "latest",
    direction: "increase",
    keywords: ["kinh te so", "grdp", "ty trong kinh te so"],
    sources: [QD411, DTI],
  },
  {
    code: "KTS-02",
    name: "Tốc độ tăng năng suất lao động hằng năm",
    pillar: "digital_economy",
    unit: "%",
    aggregation: "latest",
    direction: "increase",
    keywords: ["nang suat lao dong"],
    sources: [QD749],
  },
  {
    code: "KTS-03",
    name: "Tỷ lệ doanh nghiệp nhỏ và vừa sử dụng nền tảng số",
    pillar: "digital_economy",
    ...ratio("Số doanh nghiệp nhỏ và vừa sử dụng nền tảng số", "Tổng số doanh nghiệp nhỏ và vừa"),
    keywords: [
      "doanh nghiep nho va vua",
      "doanh nghiep vua va nho",
      "su dung nen tang so",
      "smedx",
      "nen tang so",
    ],
    sources: [QD411, DTI],
  },
  {
    code: "KTS-04",
    name: "Tỷ lệ doanh nghiệp sử dụng hợp đồng điện tử",
    pillar: "digital_economy",
    ...ratio("Số doanh nghiệp sử dụng hợp đồng điện tử", "Tổng số doanh nghiệp đang hoạt động"),
    keywords: ["hop dong dien tu"],
    sources: [QD411],
  },
  {
    code: "KTS-05",
    name: "Tỷ lệ doanh nghiệp sử dụng hóa đơn điện tử",
    pillar: "digital_economy",
    ...ratio("Số doanh nghiệp sử dụng hóa đơn điện tử", "Tổng số doanh nghiệp đang hoạt động"),
    keywords: ["hoa don dien tu"],
    sources: [QD411],
  },
  {
    code: "KTS-06",
    name: "Tỷ lệ doanh nghiệp kê khai, nộp thuế điện tử",
    pillar: "digital_economy",
    ...ratio("Số doanh nghiệp nộp thuế điện tử", "Tổng số doanh nghiệp đang hoạt động"),
    keywords: ["nop thue dien tu", "thue dien tu", "ke khai thue"],
    sources: [QD749],
  },
  {
    code: "KTS-07",
    name: "Tỷ lệ giao dịch thanh toán không dùng tiền mặt",
    pillar: "digital_economy",
    ...ratio("Số giao dịch thanh toán không dùng tiền mặt", "Tổng số giao dịch thanh toán"),
    keywords: ["khong dung tien mat", "thanh toan khong dung tien mat", "thu cuoc phi", "thanh toan dien tu"],
    sources: [QD411, DTI],
  },
  {
    code: "KTS-08",
    name: "Tỷ lệ doanh nghiệp nhỏ và vừa kinh doanh trên sàn thương mại điện tử",
    pillar: "digital_economy",
    ...ratio(
      "Số doanh nghiệp nhỏ và vừa có gian hàng trên sàn thương mại điện tử",
      "Tổng số doanh nghiệp nhỏ và vừa",
    ),
    keywords: [
      "san thuong mai dien tu",
      "san giao dich thuong mai dien tu",
      "thuong mai dien tu",
      "doanh nghiep vua va nho",
      "doanh nghiep nho va vua",
      "giao dich dien tu",
    ],
    sources: [QD411, DTI],
  },
  {
    code: "KTS-09",
    name: "Tỷ lệ sản phẩm OCOP có mặt trên sàn thương mại điện tử",
    pillar: "digital_economy",
    ...ratio("Số sản phẩm OCOP trên sàn thương mại điện tử", "Tổng số sản phẩm OCOP"),
    keywords: ["ocop", "moi xa mot san pham", "san thuong mai dien tu"],
    sources: [DTI],
  },
  {
    code: "KTS-10",
    name: "Tỷ lệ dân số tham gia mua sắm trực tuyến",
    pillar: "digital_economy",
    ...ratio("Số người mua sắm trực tuyến", "Dân số"),
    keywords: ["mua sam truc tuyen", "mua ban truc tuyen"],
    sources: [QD411],
  },
  // Xã hội số
  {
    code: "XHS-01",
    name: "Tỷ lệ dân số trưởng thành có điện thoại thông minh",
    pillar: "digital_society",
    ...ratio("Số người trưởng thành có điện thoại thông minh", "Dân số trưởng thành"),
    keywords: ["dien thoai thong minh"],
    sources: [QD411, DTI],
  },
  {
    code: "XHS-02",
    name: "Tỷ lệ dân số từ 15 tuổi trở lên có tài khoản giao dịch thanh toán tại ngân hàng hoặc ví điện tử",
    pillar: "digital_society",
    ...ratio("Số người từ 15 tuổi có tài khoản thanh toán", "Dân số từ 15 tuổi trở lên"),
    keywords: ["tai khoan giao dich thanh toan", "tai khoan thanh toan", "tu 15 tuoi tro len", "vi dien tu"],
    sources: [QD411, DTI],
  },
  {
    code: "XHS-03",
    name: "Tỷ lệ hộ gia đình có kết nối Internet cáp quang băng rộng cố định",
    pillar: "digital_society",
    ...ratio("Số hộ có thuê bao cáp quang băng rộng", "Tổng số hộ gia đình"),
    keywords: ["cap quang bang rong", "bang rong co dinh", "thue bao cap quang", "internet cap quang"],
    sources: [QD411, DTI],
  },
  {
    code: "XHS-04",
    name: "Tỷ lệ người dân có hồ sơ sức khỏe điện tử",
    pillar: "digital_society",
    ...ratio("Số người có hồ sơ sức khỏe điện tử", "Dân số"),
    keywords: ["ho so suc khoe dien tu", "so suc khoe dien tu", "suc khoe dien tu"],
    sources: [QD411, DTI],
  },
  {
    code: "XHS-05",
    name: "Tỷ lệ dân số trưởng thành có chữ ký số hoặc chữ ký điện tử cá nhân",
    pillar: "digital_society",
    ...ratio("Số người trưởng thành có chữ ký số, chữ ký điện tử", "Dân số trưởng thành"),
    keywords: ["chu ky so", "chu ky dien tu", "chung thu chu ky"],
    sources: [QD411, DTI],
  },
  {
    code: "XHS-06",
    name: "Tỷ lệ dân số trong độ tuổi lao động có kỹ năng số cơ bản",
    pillar: "digital_society",
    ...ratio("Số người trong độ tuổi lao động có kỹ năng số cơ bản", "Dân số trong độ tuổi lao động"),
    keywords: ["ky nang so co ban", "kien thuc so", "do tuoi lao dong", "ky nang so"],
    sources: [QD411, DTI],
  },
  {
    code: "XHS-07",
    name: "Tỷ lệ dân số trưởng thành có tài khoản định danh điện tử mức độ 2 (VNeID)",
    pillar: "digital_society",
    ...ratio("Số người có tài khoản định danh điện tử mức độ 2", "Dân số trưởng thành"),
    keywords: ["dinh danh dien tu", "danh tinh so", "tai khoan dinh danh", "muc do 2", "vneid"],
    sources: [DTI],
  },
  {
    code: "XHS-08",
    name: "Tỷ lệ cơ sở giáo dục triển khai quản trị số, học bạ số và kho học liệu số",
    // Plans list school and clinic targets under "Xã hội số", so matching agrees on pillar.
    pillar: "digital_society",
    ...ratio("Số cơ sở giáo dục đã triển khai", "Tổng số cơ sở giáo dục"),
    keywords: [
      "co so giao duc",
      "hoc lieu so",
      "quan tri so",
      "hoc ba so",
      "day hoc truc tuyen",
      "truong hoc",
    ],
    sources: [QD411, DTI],
  },
  {
    code: "XHS-09",
    name: "Tỷ lệ cơ sở khám bệnh, chữa bệnh triển khai khám, chữa bệnh từ xa",
    pillar: "digital_society",
    ...ratio("Số cơ sở khám, chữa bệnh triển khai khám từ xa", "Tổng số cơ sở khám, chữa bệnh"),
    keywords: ["kham chua benh tu xa", "co so kham benh chua benh", "co so kham chua benh", "tu van kham"],
    sources: [DTI],
  },
  {
    code: "XHS-10",
    name: "Tỷ lệ người hưởng chính sách an sinh xã hội nhận trợ cấp qua tài khoản",
    pillar: "digital_society",
    ...ratio("Số người nhận trợ cấp qua tài khoản", "Tổng số người hưởng trợ cấp"),
    keywords: ["tro cap", "bao tro xa hoi", "nguoi co cong", "qua tai khoan ngan hang", "an sinh xa hoi"],
    sources: [DTI],
  },
  // Hạ tầng số
  {
    code: "HTS-01",
    name: "Tỷ lệ dân số được phủ sóng mạng di động 4G/5G",
    pillar: "infrastructure",
    ...ratio("Dân số trong vùng phủ sóng 4G/5G", "Dân số"),
    keywords: ["4g", "5g", "phu song", "di dong bang rong", "song di dong"],
    sources: [QD411, DTI],
  },
  {
    code: "HTS-02",
    name: "Tốc độ truy cập Internet băng rộng cố định trung bình",
    pillar: "infrastructure",
    unit: "Mbps",
    aggregation: "average",
    direction: "increase",
    keywords: ["toc do truy cap", "toc do bang rong", "toc do internet", "mbps"],
    sources: [DTI],
  },
  {
    code: "HTS-03",
    name: "Tỷ lệ đơn vị hành chính cấp xã có hạ tầng cáp quang băng rộng",
    pillar: "infrastructure",
    ...ratio("Số xã có cáp quang băng rộng", "Tổng số xã"),
    keywords: ["don vi hanh chinh", "ha tang mang", "bang thong rong", "cap quang", "thon ap"],
    sources: [QD411, DTI],
  },
  {
    code: "HTS-04",
    name: "Tỷ lệ cơ quan nhà nước kết nối mạng truyền số liệu chuyên dùng",
    pillar: "infrastructure",
    ...ratio("Số cơ quan đã kết nối", "Tổng số cơ quan nhà nước"),
    keywords: ["truyen so lieu chuyen dung", "mang truyen so lieu"],
    sources: [DTI],
  },
  // Nhân lực số
  {
    code: "NLS-01",
    name: "Tỷ lệ cán bộ, công chức, viên chức được bồi dưỡng, tập huấn kỹ năng số",
    pillar: "human_resources",
    ...ratio("Số cán bộ, công chức, viên chức được bồi dưỡng", "Tổng số cán bộ, công chức, viên chức"),
    keywords: ["boi duong", "tap huan", "ky nang so", "dao tao", "ky nang phan tich"],
    sources: [QD942, DTI],
  },
  {
    code: "NLS-02",
    name: "Số lượt người được đào tạo, tập huấn về chuyển đổi số",
    pillar: "human_resources",
    unit: "lượt người",
    aggregation: "sum",
    direction: "increase",
    keywords: ["luot nguoi", "luot", "dao tao", "tap huan"],
    sources: [DTI],
  },
  // An toàn thông tin
  {
    code: "ATTT-01",
    name: "Tỷ lệ máy tính của cơ quan nhà nước được cài đặt phần mềm phòng chống mã độc",
    pillar: "cybersecurity",
    ...ratio("Số máy tính đã cài phần mềm phòng chống mã độc", "Tổng số máy tính"),
    keywords: [
      "may tinh",
      "phong chong ma doc",
      "ma doc",
      "thiet bi dau cuoi",
      "giai phap bao ve",
      "dam bao an toan thong tin",
    ],
    sources: ["Chỉ thị 14/CT-TTg (an toàn thông tin)", DTI],
  },
  {
    code: "ATTT-02",
    name: "Tỷ lệ hệ thống thông tin được phê duyệt cấp độ an toàn thông tin",
    pillar: "cybersecurity",
    ...ratio("Số hệ thống được phê duyệt hồ sơ cấp độ", "Tổng số hệ thống thông tin"),
    keywords: ["cap do", "phe duyet cap do", "xac dinh cap do", "bao dam an toan thong tin theo cap do"],
    sources: ["Nghị định 85/2016/NĐ-CP", DTI],
  },
  {
    code: "ATTT-03",
    name: "Tỷ lệ cán bộ, công chức, viên chức được tuyên truyền, tập huấn về an toàn thông tin",
    pillar: "cybersecurity",
    ...ratio("Số người được tuyên truyền, tập huấn", "Tổng số cán bộ, công chức, viên chức"),
    keywords: ["an toan thong tin", "tuyen truyen pho bien", "moi truong mang an toan", "ky nang co ban"],
    sources: [DTI],
  },
  {
    code: "ATTT-04",
    name: "Số sự cố an toàn thông tin mạng",
    pillar: "cybersecurity",
    unit: "sự cố",
    aggregation: "sum",
    direction: "decrease",
    keywords: ["su co", "su co an toan thong tin", "tan cong mang"],
    sources: [DTI],
  },
  // Lãnh đạo, chỉ đạo; đánh giá
  {
    code: "LDS-01",
    name: "Ban hành kế hoạch chuyển đổi số năm",
    pillar: "leadership",
    unit: "có/không",
    aggregation: "boolean",
    direction: "increase",
    keywords: ["ban hanh ke hoach", "ke hoach chuyen doi so"],
    sources: [DTI],
  },
  {
    code: "DTI-01",
    name: "Thứ hạng chỉ số chuyển đổi số (DTI) trong tỉnh",
    pillar: "leadership",
    unit: "hạng",
    aggregation: "latest",
    // Rank 1 is best.
    direction: "decrease",
    keywords: ["dti", "xep hang", "thu hang", "chi so chuyen doi so"],
    sources: [DTI],
  },
];

/** The catalogue indicator with this code, if any. */
export function indicatorByCode(
  code: string,
  catalogue: readonly Indicator[] = INDICATOR_CATALOGUE,
): Indicator | undefined {
  return catalogue.find((i) => i.code === code);
}
