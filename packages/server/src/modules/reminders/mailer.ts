import type { Transporter } from "nodemailer";
import type SMTPTransport from "nodemailer/lib/smtp-transport";
import type { SmtpConfig } from "../../config.ts";

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

/** Sends one e-mail; resolves only once the SMTP server has accepted it. */
export interface Mailer {
  send(message: MailMessage): Promise<void>;
  close(): void;
}

// nodemailer is loaded with the first e-mail, not at start (~15 MB of resident memory
// in every server, most of which never send one).
export function createMailer(smtp: SmtpConfig): Mailer {
  let transport: Promise<Transporter<SMTPTransport.SentMessageInfo>> | null = null;
  const open = () =>
    (transport ??= import("nodemailer").then(({ default: nodemailer }) =>
      nodemailer.createTransport({
        host: smtp.host,
        port: smtp.port,
        secure: smtp.secure,
        auth: smtp.user ? { user: smtp.user, pass: smtp.password ?? "" } : undefined,
        connectionTimeout: 15_000,
        greetingTimeout: 15_000,
        socketTimeout: 30_000,
      }),
    ));
  return {
    async send(message) {
      const info = await (await open()).sendMail({ from: smtp.from, ...message });
      if (info.rejected.length > 0) throw new Error(`Máy chủ thư từ chối: ${info.rejected.join(", ")}`);
    },
    close: () => {
      void transport?.then((t) => t.close());
    },
  };
}
