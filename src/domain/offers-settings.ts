// An office's offer settings with their defaults: offices made before offers existed have none.
import type { OfficeSettings } from "../db/schema.js";

export const OFFER_DEFAULTS = { offerBatchSize: 3, offerExpiryMinutes: 120, offerOrder: "window-end" } as const;

export interface OfferSettings {
  offerBatchSize: number;
  offerExpiryMinutes: number;
  offerOrder: "window-end" | "screened-first";
}

export const offerSettings = (settings: OfficeSettings): OfferSettings => ({
  offerBatchSize: settings.offerBatchSize ?? OFFER_DEFAULTS.offerBatchSize,
  offerExpiryMinutes: settings.offerExpiryMinutes ?? OFFER_DEFAULTS.offerExpiryMinutes,
  offerOrder: settings.offerOrder ?? OFFER_DEFAULTS.offerOrder,
});
