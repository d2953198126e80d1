import type { App } from "../../http/context.js";

/** Applicant self-service pages under /a/{token}. */
export function registerApplicant(_app: App) {}
