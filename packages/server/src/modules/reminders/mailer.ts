import nodemailer from "nodemailer";
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

export function createMailer(smtp: SmtpConfig): Mailer {
  const transport = nodemailer.createTransport({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.secure,
    auth: smtp.user ? { user: smtp.user, pass: smtp.password ?? "" } : undefined,
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 30_000,
  });
  return {
    async send(message) {
      const info = await transport.sendMail({ from: smtp.from, ...message });
      if (info.rejected.length > 0) throw new Error(`Máy chủ thư từ chối: ${info.rejected.join(", ")}`);
    },
    close: () => transport.close(),
  };
}
