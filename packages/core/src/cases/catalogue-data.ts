import type { ViolationRule } from '@vigil/types';

/**
 * The violation catalogue as data, one row per version of a rule. A new decree adds rows (and sets
 * `validTo` on the old ones); it never edits a row that cases already cite, because each case keeps
 * the wording and fine range in force on the day of the violation.
 *
 * Codes follow the national style `decree/year/article.clause.point`. Citations and fine ranges are
 * transcribed for demonstration and must be checked against the official gazette by the legal
 * officer before production use (the version number below tells deployments what they hold).
 */
export const CATALOGUE_VERSION = '2025.1';

const D100 = { validFrom: '2020-01-01', validTo: '2024-12-31' } as const;
const D168 = { validFrom: '2025-01-01', validTo: null } as const;

export const CATALOGUE: readonly ViolationRule[] = [
  // --- Traffic, cars ---
  {
    key: 'red_light_car', code: '100/2019/5.5.a', category: 'traffic', ...D100,
    titleVi: 'Không chấp hành hiệu lệnh của đèn tín hiệu giao thông (xe ô tô)',
    legalBasisVi: 'Điểm a khoản 5 Điều 5 Nghị định 100/2019/NĐ-CP (sửa đổi bởi Nghị định 123/2021/NĐ-CP)',
    vehicleTypes: ['car'], fineMin: 4_000_000, fineMax: 6_000_000,
    additionalVi: ['Tước quyền sử dụng giấy phép lái xe từ 01 đến 03 tháng'],
  },
  {
    key: 'red_light_car', code: '168/2024/6.9.b', category: 'traffic', ...D168,
    titleVi: 'Không chấp hành hiệu lệnh của đèn tín hiệu giao thông (xe ô tô)',
    legalBasisVi: 'Điểm b khoản 9 Điều 6 Nghị định 168/2024/NĐ-CP',
    vehicleTypes: ['car'], fineMin: 18_000_000, fineMax: 20_000_000,
    additionalVi: ['Trừ 04 điểm giấy phép lái xe'],
  },
  {
    key: 'wrong_way_car', code: '168/2024/6.9.d', category: 'traffic', ...D168,
    titleVi: 'Đi ngược chiều của đường một chiều, đi ngược chiều trên đường có biển "Cấm đi ngược chiều" (xe ô tô)',
    legalBasisVi: 'Điểm d khoản 9 Điều 6 Nghị định 168/2024/NĐ-CP',
    vehicleTypes: ['car'], fineMin: 18_000_000, fineMax: 20_000_000,
    additionalVi: ['Trừ 04 điểm giấy phép lái xe'],
  },
  {
    key: 'speeding_car_10_20', code: '168/2024/6.5.đ', category: 'traffic', ...D168,
    titleVi: 'Điều khiển xe chạy quá tốc độ quy định từ 10 km/h đến 20 km/h (xe ô tô)',
    legalBasisVi: 'Điểm đ khoản 5 Điều 6 Nghị định 168/2024/NĐ-CP',
    vehicleTypes: ['car'], fineMin: 4_000_000, fineMax: 6_000_000,
    additionalVi: ['Trừ 02 điểm giấy phép lái xe'],
  },
  {
    key: 'stop_line_car', code: '168/2024/6.2.a', category: 'traffic', ...D168,
    titleVi: 'Không chấp hành hiệu lệnh, chỉ dẫn của vạch kẻ đường: dừng xe vượt quá vạch dừng (xe ô tô)',
    legalBasisVi: 'Điểm a khoản 2 Điều 6 Nghị định 168/2024/NĐ-CP',
    vehicleTypes: ['car'], fineMin: 400_000, fineMax: 600_000, additionalVi: [],
  },
  {
    key: 'illegal_parking_car', code: '168/2024/6.4.e', category: 'traffic', ...D168,
    titleVi: 'Dừng xe, đỗ xe tại nơi có biển "Cấm dừng xe và đỗ xe" hoặc "Cấm đỗ xe" (xe ô tô)',
    legalBasisVi: 'Điểm e khoản 4 Điều 6 Nghị định 168/2024/NĐ-CP',
    vehicleTypes: ['car'], fineMin: 800_000, fineMax: 1_000_000, additionalVi: [],
  },
  // --- Traffic, motorbikes and e-bikes ---
  {
    key: 'red_light_motorbike', code: '100/2019/6.4.e', category: 'traffic', ...D100,
    titleVi: 'Không chấp hành hiệu lệnh của đèn tín hiệu giao thông (xe mô tô, xe gắn máy)',
    legalBasisVi: 'Điểm e khoản 4 Điều 6 Nghị định 100/2019/NĐ-CP (sửa đổi bởi Nghị định 123/2021/NĐ-CP)',
    vehicleTypes: ['motorbike', 'ebike'], fineMin: 800_000, fineMax: 1_000_000,
    additionalVi: ['Tước quyền sử dụng giấy phép lái xe từ 01 đến 03 tháng'],
  },
  {
    key: 'red_light_motorbike', code: '168/2024/7.7.c', category: 'traffic', ...D168,
    titleVi: 'Không chấp hành hiệu lệnh của đèn tín hiệu giao thông (xe mô tô, xe gắn máy)',
    legalBasisVi: 'Điểm c khoản 7 Điều 7 Nghị định 168/2024/NĐ-CP',
    vehicleTypes: ['motorbike', 'ebike'], fineMin: 4_000_000, fineMax: 6_000_000,
    additionalVi: ['Trừ 04 điểm giấy phép lái xe'],
  },
  {
    key: 'wrong_way_motorbike', code: '168/2024/7.7.a', category: 'traffic', ...D168,
    titleVi: 'Đi ngược chiều của đường một chiều, đi ngược chiều trên đường có biển "Cấm đi ngược chiều" (xe mô tô, xe gắn máy)',
    legalBasisVi: 'Điểm a khoản 7 Điều 7 Nghị định 168/2024/NĐ-CP',
    vehicleTypes: ['motorbike', 'ebike'], fineMin: 4_000_000, fineMax: 6_000_000,
    additionalVi: ['Trừ 04 điểm giấy phép lái xe'],
  },
  {
    key: 'no_helmet', code: '100/2019/6.2.i', category: 'traffic', ...D100,
    titleVi: 'Không đội mũ bảo hiểm cho người đi mô tô, xe máy hoặc đội mũ bảo hiểm không cài quai đúng quy cách',
    legalBasisVi: 'Điểm i khoản 2 Điều 6 Nghị định 100/2019/NĐ-CP',
    vehicleTypes: ['motorbike', 'ebike'], fineMin: 200_000, fineMax: 300_000, additionalVi: [],
  },
  {
    key: 'no_helmet', code: '168/2024/7.2.h', category: 'traffic', ...D168,
    titleVi: 'Không đội mũ bảo hiểm cho người đi mô tô, xe máy hoặc đội mũ bảo hiểm không cài quai đúng quy cách khi điều khiển xe tham gia giao thông trên đường bộ',
    legalBasisVi: 'Điểm h khoản 2 Điều 7 Nghị định 168/2024/NĐ-CP',
    vehicleTypes: ['motorbike', 'ebike'], fineMin: 400_000, fineMax: 600_000, additionalVi: [],
  },
  {
    key: 'speeding_motorbike_10_20', code: '168/2024/7.4.a', category: 'traffic', ...D168,
    titleVi: 'Điều khiển xe chạy quá tốc độ quy định từ 10 km/h đến 20 km/h (xe mô tô, xe gắn máy)',
    legalBasisVi: 'Điểm a khoản 4 Điều 7 Nghị định 168/2024/NĐ-CP',
    vehicleTypes: ['motorbike', 'ebike'], fineMin: 800_000, fineMax: 1_000_000, additionalVi: [],
  },
  {
    key: 'stop_line_motorbike', code: '168/2024/7.1.a', category: 'traffic', ...D168,
    titleVi: 'Không chấp hành hiệu lệnh, chỉ dẫn của vạch kẻ đường: dừng xe vượt quá vạch dừng (xe mô tô, xe gắn máy)',
    legalBasisVi: 'Điểm a khoản 1 Điều 7 Nghị định 168/2024/NĐ-CP',
    vehicleTypes: ['motorbike', 'ebike'], fineMin: 200_000, fineMax: 400_000, additionalVi: [],
  },
  {
    key: 'illegal_parking_motorbike', code: '168/2024/7.2.d', category: 'traffic', ...D168,
    titleVi: 'Dừng xe, đỗ xe trên phần đường xe chạy, trên hè phố trái quy định (xe mô tô, xe gắn máy)',
    legalBasisVi: 'Điểm d khoản 2 Điều 7 Nghị định 168/2024/NĐ-CP',
    vehicleTypes: ['motorbike', 'ebike'], fineMin: 400_000, fineMax: 600_000, additionalVi: [],
  },
  // --- Public order and environment ---
  {
    key: 'no_mask', code: '117/2020/12.1', category: 'public_order', validFrom: '2020-11-15', validTo: null,
    titleVi: 'Không thực hiện biện pháp bảo vệ cá nhân (đeo khẩu trang nơi công cộng) theo yêu cầu của cơ quan có thẩm quyền khi có dịch bệnh',
    legalBasisVi: 'Khoản 1 Điều 12 Nghị định 117/2020/NĐ-CP',
    vehicleTypes: ['none', 'motorbike', 'ebike', 'car'], fineMin: 1_000_000, fineMax: 3_000_000, additionalVi: [],
  },
  {
    key: 'littering', code: '45/2022/26.1.a', category: 'public_order', validFrom: '2022-08-25', validTo: null,
    titleVi: 'Vứt, thải, bỏ đầu, mẩu và tàn thuốc lá, rác thải sinh hoạt không đúng nơi quy định tại khu chung cư, thương mại, dịch vụ hoặc nơi công cộng',
    legalBasisVi: 'Điểm a khoản 1 Điều 26 Nghị định 45/2022/NĐ-CP',
    vehicleTypes: ['none', 'motorbike', 'ebike', 'car'], fineMin: 500_000, fineMax: 1_000_000,
    additionalVi: ['Buộc thu gom, vận chuyển chất thải về đúng nơi quy định'],
  },
  {
    key: 'waste_dumping', code: '45/2022/26.1.c', category: 'public_order', validFrom: '2022-08-25', validTo: null,
    titleVi: 'Vứt, thải rác thải sinh hoạt trên vỉa hè, lòng đường hoặc vào hệ thống thoát nước thải đô thị, hệ thống thoát nước mặt',
    legalBasisVi: 'Điểm c khoản 1 Điều 26 Nghị định 45/2022/NĐ-CP',
    vehicleTypes: ['none', 'motorbike', 'ebike', 'car'], fineMin: 5_000_000, fineMax: 10_000_000,
    additionalVi: ['Buộc khôi phục lại tình trạng môi trường ban đầu'],
  },
];
