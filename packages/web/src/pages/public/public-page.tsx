// Trang công khai — to come.
export default function PublicPage() {
  return null;
}
