// Province codes on Vietnamese civilian plates (Circular 24/2023/TT-BCA, appendix 2) and the
// province each belongs to after the 2025 merger of 63 provinces into 34 (Resolution
// 202/2025/QH15). Plates keep their legacy code after the merger, so readers report both.

/** One legacy plate code: the province it was issued for and that province's post-2025 successor. */
export interface ProvinceCode {
  code: string;
  province: string;
  merged: string;
}

// Post-2025 province names, spelled once so a typo cannot create a 35th province.
const HN = 'Hà Nội';
const HP = 'Hải Phòng';
const HCM = 'TP. Hồ Chí Minh';
const DN = 'Đà Nẵng';
const CT = 'Cần Thơ';
const HUE = 'Huế';
/** The code 80 is issued by the national traffic police to central agencies, not to a province. */
export const CENTRAL = 'Cơ quan Trung ương';

// [code, legacy province, merged province]
const TABLE: Array<[number, string, string]> = [
  [11, 'Cao Bằng', 'Cao Bằng'],
  [12, 'Lạng Sơn', 'Lạng Sơn'],
  [14, 'Quảng Ninh', 'Quảng Ninh'],
  [15, 'Hải Phòng', HP],
  [16, 'Hải Phòng', HP],
  [17, 'Thái Bình', 'Hưng Yên'],
  [18, 'Nam Định', 'Ninh Bình'],
  [19, 'Phú Thọ', 'Phú Thọ'],
  [20, 'Thái Nguyên', 'Thái Nguyên'],
  [21, 'Yên Bái', 'Lào Cai'],
  [22, 'Tuyên Quang', 'Tuyên Quang'],
  [23, 'Hà Giang', 'Tuyên Quang'],
  [24, 'Lào Cai', 'Lào Cai'],
  [25, 'Lai Châu', 'Lai Châu'],
  [26, 'Sơn La', 'Sơn La'],
  [27, 'Điện Biên', 'Điện Biên'],
  [28, 'Hòa Bình', 'Phú Thọ'],
  [29, HN, HN],
  [30, HN, HN],
  [31, HN, HN],
  [32, HN, HN],
  [33, HN, HN],
  [34, 'Hải Dương', HP],
  [35, 'Ninh Bình', 'Ninh Bình'],
  [36, 'Thanh Hóa', 'Thanh Hóa'],
  [37, 'Nghệ An', 'Nghệ An'],
  [38, 'Hà Tĩnh', 'Hà Tĩnh'],
  [39, 'Đồng Nai', 'Đồng Nai'],
  [40, HN, HN],
  [41, HCM, HCM],
  [43, 'Đà Nẵng', DN],
  [47, 'Đắk Lắk', 'Đắk Lắk'],
  [48, 'Đắk Nông', 'Lâm Đồng'],
  [49, 'Lâm Đồng', 'Lâm Đồng'],
  [50, HCM, HCM],
  [51, HCM, HCM],
  [52, HCM, HCM],
  [53, HCM, HCM],
  [54, HCM, HCM],
  [55, HCM, HCM],
  [56, HCM, HCM],
  [57, HCM, HCM],
  [58, HCM, HCM],
  [59, HCM, HCM],
  [60, 'Đồng Nai', 'Đồng Nai'],
  [61, 'Bình Dương', HCM],
  [62, 'Long An', 'Tây Ninh'],
  [63, 'Tiền Giang', 'Đồng Tháp'],
  [64, 'Vĩnh Long', 'Vĩnh Long'],
  [65, 'Cần Thơ', CT],
  [66, 'Đồng Tháp', 'Đồng Tháp'],
  [67, 'An Giang', 'An Giang'],
  [68, 'Kiên Giang', 'An Giang'],
  [69, 'Cà Mau', 'Cà Mau'],
  [70, 'Tây Ninh', 'Tây Ninh'],
  [71, 'Bến Tre', 'Vĩnh Long'],
  [72, 'Bà Rịa - Vũng Tàu', HCM],
  [73, 'Quảng Bình', 'Quảng Trị'],
  [74, 'Quảng Trị', 'Quảng Trị'],
  [75, 'Thừa Thiên Huế', HUE],
  [76, 'Quảng Ngãi', 'Quảng Ngãi'],
  [77, 'Bình Định', 'Gia Lai'],
  [78, 'Phú Yên', 'Đắk Lắk'],
  [79, 'Khánh Hòa', 'Khánh Hòa'],
  [80, CENTRAL, CENTRAL],
  [81, 'Gia Lai', 'Gia Lai'],
  [82, 'Kon Tum', 'Quảng Ngãi'],
  [83, 'Sóc Trăng', CT],
  [84, 'Trà Vinh', 'Vĩnh Long'],
  [85, 'Ninh Thuận', 'Khánh Hòa'],
  [86, 'Bình Thuận', 'Lâm Đồng'],
  [88, 'Vĩnh Phúc', 'Phú Thọ'],
  [89, 'Hưng Yên', 'Hưng Yên'],
  [90, 'Hà Nam', 'Ninh Bình'],
  [92, 'Quảng Nam', DN],
  [93, 'Bình Phước', 'Đồng Nai'],
  [94, 'Bạc Liêu', 'Cà Mau'],
  [95, 'Hậu Giang', CT],
  [97, 'Bắc Kạn', 'Thái Nguyên'],
  [98, 'Bắc Giang', 'Bắc Ninh'],
  [99, 'Bắc Ninh', 'Bắc Ninh'],
];

/** Every legacy code in use, keyed by its two digits ("51"). Codes 13, 42, 44-46, 87, 91, 96 are unassigned. */
export const PROVINCES: ReadonlyMap<string, ProvinceCode> = new Map(
  TABLE.map(([code, province, merged]) => [String(code), { code: String(code), province, merged }]),
);

/** The province behind a two-digit code, or undefined when no province issues that code. */
export function provinceOf(code: string): ProvinceCode | undefined {
  return PROVINCES.get(code);
}
