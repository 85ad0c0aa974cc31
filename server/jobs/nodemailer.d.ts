// The part of nodemailer's API Senim uses (the package ships no types; @types/nodemailer is not installed).
declare module 'nodemailer' {
  export type TSendMailOptions = { from: string; to: string; subject: string; text: string; headers?: Record<string, string> };
  export interface Transporter {
    sendMail(message: TSendMailOptions): Promise<{ messageId: string }>;
    close(): void;
  }
  export function createTransport(url: string, defaults?: Record<string, unknown>): Transporter;
  const nodemailer: { createTransport: typeof createTransport };
  export default nodemailer;
}
