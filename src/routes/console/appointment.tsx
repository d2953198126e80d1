import type { Hono } from "hono";
import type { ConsoleEnv } from "./session.js";

export function registerAppointment(console: Hono<ConsoleEnv>) {
  void console;
}
