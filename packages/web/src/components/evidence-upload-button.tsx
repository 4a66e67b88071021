import { UploadOutlined } from "@ant-design/icons";
import { Button, Upload } from "antd";
import { EVIDENCE_ACCEPT } from "../lib/evidence-check.ts";

/**
 * The button that picks one evidence file (of the accepted types) and hands it to
 * `upload` (useEvidenceUpload's) instead of antd's own upload; it spins while `busy`.
 */
export function EvidenceUploadButton({
  upload,
  busy,
  label,
  size,
}: {
  upload: (file: File) => Promise<void>;
  busy: boolean;
  label: string;
  size?: "small";
}) {
  return (
    <Upload
      showUploadList={false}
      accept={EVIDENCE_ACCEPT}
      beforeUpload={(file) => {
        void upload(file);
        return false;
      }}
    >
      <Button size={size} icon={<UploadOutlined />} loading={busy}>
        {label}
      </Button>
    </Upload>
  );
}
