// Bảng điều hành của lãnh đạo — to come.
export default function LeaderDashboardPage() {
  return null;
}
