// Báo cáo tổng hợp — to come.
export default function ReportsPage() {
  return null;
}
