import { DeleteOutlined } from "@ant-design/icons";
import { Button, type ButtonProps } from "antd";

/** The bin icon that removes a row of a list being edited; `label` is what a screen reader says. */
export function RemoveButton({ label, ...props }: ButtonProps & { label: string }) {
  return <Button type="text" danger icon={<DeleteOutlined />} aria-label={label} {...props} />;
}
