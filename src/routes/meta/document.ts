// The OpenAPI document as served: what the zod routes generate, plus what the shared /v1
// middleware does for every route (Idempotency-Key, body checks), declared once here so that
// no route can forget it.
import type { App } from "../../http/context.js";
import { IDEMPOTENCY_CONTRACT } from "../../http/idempotency.js";

export const openApiInfo = {
  openapi: "3.1.0",
  info: {
    title: "Cita",
    version: "1",
    description:
      "Books UNHCR interviews and IOM counseling sessions for Safe Mobility Offices. Every /v1 route needs `Authorization: Bearer <token>` " +
      "(a token from `POST /v1/users`, or `CITA_ADMIN_TOKEN`). Errors are RFC 9457 `application/problem+json`; a validation error lists " +
      "`errors: [{ path, message }]` naming each wrong field. Mutating /v1 requests accept `Idempotency-Key`.",
  },
  security: [{ bearer: [] }],
};

type Json = Record<string, any>;

const problem = (description: string) => ({ description, content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } } });

/** What the body checks in front of every /v1 route answer, for routes that take a body. */
const bodyErrors = {
  400: problem("The body is not valid JSON"),
  413: problem("The body is over 64 KB"),
  415: problem("The body is not application/json"),
};

export const idempotencyKeyParameter = {
  name: "Idempotency-Key",
  in: "header",
  required: false,
  description: IDEMPOTENCY_CONTRACT,
  schema: { type: "string", minLength: 1, maxLength: 200 },
};

const mutating = ["post", "put", "patch", "delete"];

/** Adds the shared parameter and error answers to the generated document (a fresh object). */
export function completeDocument(generated: Json): Json {
  const doc: Json = structuredClone(generated);
  doc.components ??= {};
  doc.components.parameters = { ...doc.components.parameters, IdempotencyKey: idempotencyKeyParameter };
  for (const [path, item] of Object.entries<Json>(doc.paths ?? {})) {
    if (!path.startsWith("/v1/")) continue;
    for (const method of mutating) {
      const op = item[method];
      if (!op) continue;
      op.parameters = [...(op.parameters ?? []), { $ref: "#/components/parameters/IdempotencyKey" }];
      if (op.requestBody) op.responses = { ...op.responses, ...bodyErrors };
    }
  }
  return doc;
}

/** The document generated from the app's routes, completed. */
export const buildDocument = (app: App): Json => completeDocument(app.getOpenAPI31Document(openApiInfo) as Json);
