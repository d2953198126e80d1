// The page strings of each language; add a language here and in src/pages/language.ts.
import type { Language } from "../language.js";
import { en } from "./en.js";
import { es } from "./es.js";
import { fr } from "./fr.js";
import { ht } from "./ht.js";
import type { Strings } from "./types.js";

export type { Status, Strings } from "./types.js";

export const strings: Record<Language, Strings> = { es, en, ht, fr };
