// Form tokens of the applicant pages: bound to the link the form was shown under.
import type { Deps } from "../../deps.js";
import * as forms from "../../http/form-token.js";

export const formToken = (deps: Deps, linkToken: string) => forms.formToken(deps, "applicant-form", linkToken);

export const isValidFormToken = (deps: Deps, linkToken: string, given: unknown) => forms.isValidFormToken(deps, "applicant-form", linkToken, given);
