// Toàn tỉnh — to come.
export default function ProvincePage() {
  return null;
}
