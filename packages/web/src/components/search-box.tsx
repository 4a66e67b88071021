import { SearchOutlined } from "@ant-design/icons";
import { Input } from "antd";
import type { CSSProperties } from "react";

/** The search field of a list: clearable, a magnifier in front, named by its placeholder. */
export function SearchBox({
  placeholder,
  value,
  onChange,
  style,
  variant,
  testId,
}: {
  placeholder: string;
  value: string;
  onChange: (text: string) => void;
  style?: CSSProperties;
  variant?: "outlined" | "filled";
  testId?: string;
}) {
  return (
    <Input
      allowClear
      prefix={<SearchOutlined style={{ color: "#98a2b3" }} />}
      placeholder={placeholder}
      aria-label={placeholder}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      style={style}
      variant={variant}
      data-testid={testId}
    />
  );
}
