// An office's published eligibility rules, applied to a case. Rules are data, never code.
import type { EligibilityRules } from "../db/schema.js";
import type { FieldError } from "./errors.js";

export interface Applicant {
  nationality: string;
  presentSince: string;
  birthDate: string;
  legalStatus: string;
}

/** Whole years from `birthDate` to `onDate` (both YYYY-MM-DD). */
export function ageOn(birthDate: string, onDate: string): number {
  const years = Number(onDate.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return onDate.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

/** Every rule the applicant fails, each naming its field and rule; [] when eligible or when the office has no rules. */
export function failedRules(rules: EligibilityRules | null, applicant: Applicant, onDate: string): FieldError[] {
  if (!rules) return [];
  const failed: FieldError[] = [];
  if (!rules.nationalities.includes(applicant.nationality)) {
    failed.push({ path: "nationality", rule: "nationalities", message: `${applicant.nationality} is not among ${rules.nationalities.join(", ")}` });
  }
  if (applicant.presentSince > rules.presentOnOrBefore) {
    failed.push({ path: "presentSince", rule: "presentOnOrBefore", message: `must be on or before ${rules.presentOnOrBefore}` });
  }
  if (rules.minAge !== undefined && ageOn(applicant.birthDate, onDate) < rules.minAge) {
    failed.push({ path: "birthDate", rule: "minAge", message: `the applicant must be at least ${rules.minAge} on ${onDate}` });
  }
  if (rules.legalStatuses && !rules.legalStatuses.includes(applicant.legalStatus)) {
    failed.push({ path: "legalStatus", rule: "legalStatuses", message: `must be one of ${rules.legalStatuses.join(", ")}` });
  }
  return failed;
}
