// Real counterparts on loopback: an SMTP server (smtp-server) and an HTTP server speaking the
// Twilio Messages API. Both listen on 127.0.0.1 only and can be told to fail.
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { parseMessage, type Part } from "./mime.js";

export interface Received {
  from: string;
  to: string[];
  raw: string;
  message: Part;
}

export async function startSmtpSink(port = 0) {
  const received: Received[] = [];
  /** When set, every RCPT TO is answered with this SMTP code (e.g. 451 try later, 550 no such mailbox). */
  let rejectWith: number | null = null;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onRcptTo(_address, _session, callback) {
      if (rejectWith === null) return callback();
      callback(Object.assign(new Error(rejectWith >= 500 ? "No such mailbox here" : "Try again later"), { responseCode: rejectWith }));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : "";
        received.push({ from, to: session.envelope.rcptTo.map((r) => r.address), raw, message: parseMessage(raw) });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const address = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${address.port}`,
    port: address.port,
    received,
    reject: (code: number | null) => {
      rejectWith = code;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type SmtpSink = Awaited<ReturnType<typeof startSmtpSink>>;

export interface SmsRequest {
  path: string;
  authorization: string | undefined;
  contentType: string | undefined;
  form: Record<string, string>;
}

const readBody = (req: IncomingMessage) =>
  new Promise<string>((resolve) => {
    let body = "";
    req.on("data", (d) => (body += d));
    req.on("end", () => resolve(body));
  });

/** POST /2010-04-01/Accounts/{AccountSid}/Messages.json, form-encoded To/From/Body, basic auth, 201 { sid, status }. */
export async function startTwilioFake(account = { sid: "ACtest00000000000000000000000000", token: "test-auth-token" }) {
  const requests: SmsRequest[] = [];
  const accepted: SmsRequest[] = [];
  /** When set, every request is answered with this status (503, 400 …). */
  let failWith: number | null = null;
  const server = createServer(
    (req, res) =>
      void (async () => {
        const form = Object.fromEntries(new URLSearchParams(await readBody(req)));
        const request = { path: req.url ?? "", authorization: req.headers.authorization, contentType: req.headers["content-type"], form };
        requests.push(request);
        const answer = (status: number, body: object) => {
          res.writeHead(status, { "content-type": "application/json" });
          res.end(JSON.stringify(body));
        };
        if (req.method !== "POST" || req.url !== `/2010-04-01/Accounts/${account.sid}/Messages.json`)
          return answer(404, { code: 20404, message: "The requested resource was not found", status: 404 });
        if (req.headers.authorization !== `Basic ${Buffer.from(`${account.sid}:${account.token}`).toString("base64")}`)
          return answer(401, { code: 20003, message: "Authenticate", status: 401 });
        if (failWith !== null)
          return answer(failWith, {
            code: failWith >= 500 ? 20500 : 21211,
            message: failWith >= 500 ? "Internal Server Error" : `The 'To' number ${form.To} is not a valid phone number.`,
            status: failWith,
          });
        if (!/^\+[1-9]\d{6,14}$/.test(form.To ?? "")) return answer(400, { code: 21211, message: `The 'To' number ${form.To} is not a valid phone number.`, status: 400 });
        accepted.push(request);
        answer(201, { sid: `SM${String(accepted.length).padStart(32, "0")}`, status: "queued", to: form.To, from: form.From, body: form.Body });
      })(),
  );
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    account,
    requests,
    accepted,
    fail: (status: number | null) => {
      failWith = status;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type TwilioFake = Awaited<ReturnType<typeof startTwilioFake>>;

export interface MailApiRequest {
  authorization: string | undefined;
  body: { from: string; to: string[]; subject: string; text: string; html?: string; attachments?: { filename: string; content: string; content_type: string }[] };
}

/** An HTTP mail API in Resend's shape: POST /emails with a bearer key, answered 200 { id }. */
export async function startMailApiFake(key = "test-mail-key") {
  const accepted: MailApiRequest[] = [];
  const server = createServer(
    (req, res) =>
      void (async () => {
        const text = await readBody(req);
        const answer = (status: number, body: object) => {
          res.writeHead(status, { "content-type": "application/json" });
          res.end(JSON.stringify(body));
        };
        if (req.method !== "POST" || req.url !== "/emails") return answer(404, { message: "not found" });
        if (req.headers.authorization !== `Bearer ${key}`) return answer(401, { message: "missing or wrong API key" });
        accepted.push({ authorization: req.headers.authorization, body: JSON.parse(text) });
        answer(200, { id: `mail-${accepted.length}` });
      })(),
  );
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, key, accepted, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
