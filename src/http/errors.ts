// Every failure leaves as problem+json: validation hooks, thrown domain errors, framework errors.
import type { Context, ErrorHandler, NotFoundHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import { createMiddleware } from "hono/factory";
import type { ZodError } from "zod";
import type { AppEnv } from "./context.js";
import "./messages.js";
import { DomainError, invalidFields } from "../domain/errors.js";
import { HttpProblem, problemBody, statusOf } from "./problem.js";

export function problemResponse(c: Context, problem: DomainError): Response {
  return c.newResponse(JSON.stringify(problemBody(problem)), statusOf(problem) as 400, {
    "content-type": "application/problem+json",
  });
}

export function zodProblem(error: ZodError): DomainError {
  return invalidFields(
    error.issues.flatMap((issue) => {
      const path = issue.path.map(String);
      // An unknown key is reported at its own path, so the client sees which field is wrong.
      if (issue.code === "unrecognized_keys") return issue.keys.map((key) => ({ path: [...path, key].join("."), message: "unknown field" }));
      return [{ path: path.join("."), message: issue.message }];
    }),
  );
}

/** The OpenAPIHono hook: a failed zod validation becomes a 422 naming each field. */
export const validationHook = (result: { success: boolean; error?: ZodError }) => {
  if (!result.success && result.error) throw zodProblem(result.error);
};

export const onError: ErrorHandler<AppEnv> = (error, c) => {
  if (error instanceof DomainError) return problemResponse(c, error);
  if (error instanceof HTTPException) {
    if (error.status === 400) {
      return problemResponse(c, new HttpProblem(400, "validation", error.message || "The request body is not valid JSON.", { errors: [{ path: "", message: error.message }] }));
    }
    if (error.status === 413) return problemResponse(c, new DomainError("payload-too-large", "Request bodies are limited to 64 KB."));
    return problemResponse(c, new HttpProblem(error.status, error.status === 401 ? "unauthorized" : "validation", error.message));
  }
  c.var.deps?.logger.error("unhandled error", { requestId: c.var.requestId, path: c.req.path, error: error instanceof Error ? error.stack : String(error) });
  return problemResponse(c, new DomainError("internal", "Something went wrong on our side; nothing was changed."));
};

export const notFoundHandler: NotFoundHandler<AppEnv> = (c) => problemResponse(c, new DomainError("not-found", `No route for ${c.req.method} ${c.req.path}.`));

/** A body that is not JSON is refused before validation tries to read it. */
export const requireJsonBody = createMiddleware<AppEnv>(async (c, next) => {
  if (c.req.method === "POST" || c.req.method === "PUT" || c.req.method === "PATCH") {
    const type = c.req.header("content-type");
    const length = c.req.header("content-length");
    const hasBody = (length !== undefined && length !== "0") || c.req.header("transfer-encoding") !== undefined;
    if (type ? !/^application\/([\w.-]+\+)?json\s*(;.*)?$/i.test(type) : hasBody) {
      throw new DomainError("unsupported-media-type", "Send the body as application/json.");
    }
  }
  await next();
});
